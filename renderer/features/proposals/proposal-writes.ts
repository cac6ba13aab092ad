/**
 * Every write the proposal screens make: a saved version (its file kept on this device and queued
 * for upload, its proposal_created row on the lead's timeline) and the one tracked referral link
 * each proposal carries.
 */
import type { WorkstationDatabase } from '../../../sync/schema/database';
import type { LeadDoc } from '../../../sync/schema/leads.schema';
import type { ProposalTemplate } from '../../../sync/domain/proposals';
import { computeQuote, priceListOf, type Quote } from '../../../sync/domain/proposals/quote';
import { discountLimit, expectedApproval } from '../../../sync/domain/proposals/discount';
import {
  buildProposalVersionActivity,
  describeChanges,
  proposalStoragePath,
  proposalTrackedLink,
  versionFileName,
  type ProposalHistory,
  type VersionInputs,
} from '../../../sync/domain/proposals/version';
import { buildNewReferralLink, referralUrlForLink, validateReferralLinkForm } from '../../../sync/domain/referral-links';
import { parseTierRules } from '../../../sync/domain/tiers';
import { sha256Hex } from '../../platform/sha256';
import { forgetProposalFile, keepProposalFile } from './proposal-files';
import { quoteCurrency } from './proposal-data';

export interface QuoteTotalsInput {
  currency: string;
  subtotal_minor: number;
  discount_minor: number;
  tax_minor: number;
  total_minor: number;
}

export interface SaveProposalVersionInput {
  lead: LeadDoc;
  template: ProposalTemplate;
  inputs: VersionInputs;
  pdf: Uint8Array;
  watermarked: boolean;
  discountPercent: number;
  /** The proposal this version continues; null starts a new proposal. */
  history: ProposalHistory | null;
  trackedUrl: string;
  linkId: string | null;
  quoteTotals: QuoteTotalsInput | null;
  /** The id of a new proposal (history null), when its tracked link was made before saving; else one is made. */
  proposalId?: string;
  /** False in a workspace without a server (the demo): the file stays on this device, nothing is queued. */
  upload?: boolean;
}

/** The quote a version's inputs price to, for templates with a price list. */
export function quoteForVersion(template: ProposalTemplate, lead: Pick<LeadDoc, 'currency'>, inputs: Pick<VersionInputs, 'quote'>): Quote | null {
  const block = priceListOf(template);
  if (!block || !inputs.quote) return null;
  return computeQuote(block.price_list, inputs.quote, quoteCurrency(lead), block.tax);
}

/** The partner's discount limit from the tier rules and status on this device. */
async function readDiscountLimit(db: WorkstationDatabase): Promise<number> {
  const [ruleRows, status] = await Promise.all([db.catalog.find({ selector: { kind: 'tier_rule', published: true } }).exec(), db.partner_status.findOne().exec()]);
  const { rules } = parseTierRules(ruleRows.map((row) => row.toJSON()));
  return discountLimit(rules, status?.tier ?? null);
}

/**
 * Saves a version: keeps the PDF on this device (queued for upload), then records it on the
 * lead's timeline as the next version of its proposal, with what changed since the previous one.
 * The approval status is what the server is expected to decide; its trigger sets the real one.
 */
export async function saveProposalVersion(
  db: WorkstationDatabase,
  partnerId: string,
  input: SaveProposalVersionInput,
): Promise<{ activityId: string; proposalId: string; version: number; fileName: string }> {
  const now = new Date();
  const activityId = crypto.randomUUID();
  const proposalId = input.history?.proposalId ?? input.proposalId ?? crypto.randomUUID();
  const version = input.history ? Math.max(...input.history.versions.map((row) => row.version)) + 1 : 1;
  const fileName = versionFileName(input.lead.company, version);
  const filePath = proposalStoragePath(partnerId, proposalId, activityId);
  const sha256 = await sha256Hex(input.pdf);
  const previous = input.history?.latest.inputs ?? null;
  const changes = describeChanges(previous, input.inputs);
  const approvedDiscounts = (input.history?.versions ?? []).filter((row) => row.approvalStatus === 'approved').map((row) => row.discountPercent);
  const approvalStatus = expectedApproval(input.discountPercent, await readDiscountLimit(db), approvedDiscounts);
  const quote = quoteForVersion(input.template, input.lead, input.inputs);
  const inputs: VersionInputs = input.inputs.quote ? { ...input.inputs, quote: { ...input.inputs.quote, discountPercent: input.discountPercent } } : input.inputs;

  const activity = buildProposalVersionActivity(
    {
      leadId: input.lead.id,
      proposalId,
      version,
      fileName,
      filePath,
      sha256,
      size: input.pdf.byteLength,
      inputs,
      renderedAt: now,
      quote,
      watermarked: input.watermarked,
      changes,
      linkId: input.linkId,
      trackedUrl: input.trackedUrl,
      approvalStatus,
    },
    { id: activityId, partnerId, now },
  );
  await keepProposalFile({ activityId, partnerId, filePath, sha256, bytes: input.pdf, upload: input.upload !== false });
  try {
    await db.activities.insert(activity);
  } catch (error) {
    // The file was kept for a version that does not exist; it must not upload as an orphan.
    await forgetProposalFile(activityId).catch(() => undefined);
    throw error;
  }
  const lead = await db.leads.findOne(input.lead.id).exec();
  if (lead) await lead.incrementalPatch({ updated_at: now.toISOString() });
  return { activityId, proposalId, version, fileName };
}

/** The proposal's tracked link as it will be stored (before it is), for previews: null when the rules refuse it. */
export function plannedProposalLink(partnerId: string, input: { proposalId: string; company: string; destination: string }) {
  const planned = proposalTrackedLink(input);
  const form = validateReferralLinkForm({
    name: planned.name,
    destination: planned.destination,
    source: planned.utm_source,
    medium: planned.utm_medium,
    campaign: planned.utm_campaign,
    term: '',
    content: planned.utm_content,
  });
  if (!form.ok) return null;
  const url = referralUrlForLink(
    { destination: form.values.destination, utm_source: form.values.source, utm_medium: form.values.medium, utm_campaign: form.values.campaign, utm_term: null, utm_content: form.values.content ?? null },
    partnerId,
  );
  return url ? { values: form.values, url } : null;
}

/**
 * The proposal's one tracked referral link (utm_source "proposal", utm_content naming the
 * proposal): the stored row when an earlier version made it, otherwise a new one. Its URL carries
 * ref = the partner id, so views of the PDF's link are counted for this proposal.
 */
export async function ensureProposalLink(
  db: WorkstationDatabase,
  partnerId: string,
  input: { proposalId: string; company: string; destination: string },
): Promise<{ linkId: string; trackedUrl: string }> {
  const planned = proposalTrackedLink(input);
  const existing = await db.referral_links.findOne({ selector: { utm_source: planned.utm_source, utm_content: planned.utm_content } }).exec();
  if (existing) {
    const url = referralUrlForLink(existing.toJSON(), partnerId);
    if (url) return { linkId: existing.id, trackedUrl: url };
  }
  const made = plannedProposalLink(partnerId, input);
  if (!made) throw new Error(`A tracked link to ${input.destination} cannot be made: referral links must point to a SISO page. Choose another page for the QR code.`);
  const doc = buildNewReferralLink(made.values, { id: crypto.randomUUID(), partnerId, now: new Date() });
  await db.referral_links.insert(doc);
  return { linkId: doc.id, trackedUrl: made.url };
}
