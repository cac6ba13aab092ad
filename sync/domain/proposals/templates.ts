/**
 * The proposal templates bundled with the app (resources/templates/), parsed once. Catalog rows of
 * kind `template` in this format (with an `id` and `pages`) are parsed with the same schema.
 */
import coBrandedBrochure from '../../../resources/templates/co-branded-brochure.json';
import fourPageProposal from '../../../resources/templates/four-page-proposal.json';
import onePageIntroduction from '../../../resources/templates/one-page-introduction.json';
import pricedProposal from '../../../resources/templates/priced-proposal.json';
import { parseProposalTemplate, type ProposalTemplate } from './template-schema';

export const BUNDLED_TEMPLATE_JSON: readonly unknown[] = [onePageIntroduction, fourPageProposal, coBrandedBrochure, pricedProposal];

export function bundledTemplates(): ProposalTemplate[] {
  return BUNDLED_TEMPLATE_JSON.map(parseProposalTemplate);
}
