/**
 * What present mode reads, live from the local store: the proposal's history (so an approval or a
 * signature arriving by sync shows at once), its lead, the template of its latest version with the
 * price list, and the partner's branding.
 */
import type { ProposalTemplate } from '../../../sync/domain/proposals';
import { priceListOf, type PriceListBlock } from '../../../sync/domain/proposals/quote';
import type { ProposalHistory, ProposalVersion, VersionInputs } from '../../../sync/domain/proposals/version';
import type { LeadDoc } from '../../../sync/schema/leads.schema';
import { DEFAULT_PROPOSAL_DESTINATION, useProposalSources, type ProposalSources } from './proposal-data';
import { plannedProposalLink } from './proposal-writes';
import { useProposalHistories, useProposalTemplates } from './use-proposals-data';

export interface PresentReady {
  state: 'ready';
  history: ProposalHistory;
  latest: ProposalVersion;
  /** The latest version's inputs (without when it was rendered). */
  inputs: VersionInputs;
  lead: LeadDoc;
  template: ProposalTemplate;
  priceList: PriceListBlock | null;
  sources: ProposalSources;
  /** The proposal's tracked link, the one its versions carry. */
  link: { linkId: string | null; trackedUrl: string };
}

export type PresentData =
  | { state: 'loading' }
  | { state: 'error'; message: string }
  /** Not on this device (another partner's, deleted, or not synced yet). */
  | { state: 'missing' }
  /** Saved before versions existed: nothing to rebuild the proposal from. */
  | { state: 'legacy'; history: ProposalHistory }
  | { state: 'no-lead'; history: ProposalHistory }
  | { state: 'no-template'; history: ProposalHistory; templateName: string };

/** The tracked link a proposal saved without one gets (the same URL ensureProposalLink stores when it signs). */
function plannedUrl(partnerId: string, proposalId: string | undefined, company: string): string {
  if (!proposalId) return DEFAULT_PROPOSAL_DESTINATION;
  return plannedProposalLink(partnerId, { proposalId, company, destination: DEFAULT_PROPOSAL_DESTINATION })?.url ?? DEFAULT_PROPOSAL_DESTINATION;
}

function withoutRenderedAt({ renderedAt: _renderedAt, ...inputs }: VersionInputs & { renderedAt: string }): VersionInputs {
  return inputs;
}

export function usePresentData(proposalId: string | undefined, partnerId: string): PresentData | PresentReady {
  const histories = useProposalHistories();
  const templates = useProposalTemplates();
  const sources = useProposalSources();
  const history = proposalId ? (histories.histories.find((row) => row.proposalId === proposalId) ?? null) : null;
  const lead = history?.leadId ? (histories.leads.get(history.leadId) ?? null) : null;
  const latest = history?.latest ?? null;
  const templateId = latest?.inputs?.templateId ?? latest?.templateId ?? '';
  const template = templates.templates.find((row) => row.id === templateId) ?? null;
  const company = lead?.company ?? '';
  const trackedUrl = latest?.trackedUrl ?? null;
  const linkId = latest?.linkId ?? null;
  const link = trackedUrl ? { linkId, trackedUrl } : { linkId: null, trackedUrl: plannedUrl(partnerId, proposalId, company) };
  const priceList = template ? priceListOf(template) : null;
  const inputs = latest?.inputs ? withoutRenderedAt(latest.inputs) : null;

  if (histories.error || templates.error) {
    return { state: 'error', message: `The proposal could not be read from this device (${(histories.error ?? templates.error)?.message ?? 'unknown error'}). Restart the app; if it keeps happening, contact SISO support.` };
  }
  if (histories.loading || templates.loading || sources.loading) return { state: 'loading' };
  if (!history || !latest) return { state: 'missing' };
  if (!inputs) return { state: 'legacy', history };
  if (!lead) return { state: 'no-lead', history };
  if (!template) return { state: 'no-template', history, templateName: templates.titles.get(templateId) ?? inputs.templateName };
  return { state: 'ready', history, latest, inputs, lead, template, priceList, sources, link };
}
