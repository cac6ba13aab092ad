/** What routes import from the proposals feature. */
export { ProposalsPage } from './ProposalsPage';
export { NewProposalPage } from './NewProposalPage';
