/** What routes, the shell and present mode import from the proposals feature. */
export { ProposalsPage } from './ProposalsPage';
export { NewProposalPage } from './NewProposalPage';
export { PresentProposalPage } from './PresentProposalPage';
export { ProposalFileUploads, useProposalFileUploads } from './proposal-files';
export { preloadProposalRenderer } from './use-proposal-renderer';
