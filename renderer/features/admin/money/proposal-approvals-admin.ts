/**
 * The admin "Discount approvals" tab's server calls: every partner's proposal versions whose
 * discount needed SISO's approval (with the partner's tier limit beside it), and the decision
 * through admin_decide_proposal_discount. Online only, like the rest of the admin area; replies
 * are validated with zod and failures are sentences.
 */
import { z } from 'zod';
import type { SupabaseClient } from '@supabase/supabase-js';
import { discountLimit } from '../../../../sync/domain/proposals/discount';
import { currencyFractionDigits } from '../../../../sync/domain/proposals/pricing';
import { proposalVersionMetaSchema } from '../../../../sync/domain/proposals/version';
import { parseTierRules, type TierRule } from '../../../../sync/domain/tiers';
import { PROPOSAL_APPROVAL_STATUSES } from '../../../../sync/schema/activities.schema';
import { TIERS, type Tier } from '../../../../sync/schema/fields';
import { AdminRequestError, parseReply, sentenceFor } from '../shared/admin-server';

/** The statuses this tab lists: versions that went past their tier's limit. */
const DECISION_STATUSES = ['pending', 'approved', 'declined'] as const;
export type DiscountDecisionStatus = (typeof DECISION_STATUSES)[number];

const versionRow = z.object({
  id: z.string(),
  partner_id: z.string(),
  lead_id: z.string().nullish(),
  proposal_id: z.string().nullish(),
  body: z.string().nullish(),
  meta: z.string().nullish(),
  discount_percent: z.number().min(0).max(100),
  approval_status: z.enum(DECISION_STATUSES),
  decided_at: z.string().nullish(),
  decision_note: z.string().nullish(),
  occurred_at: z.string(),
});
const leadRow = z.object({ id: z.string(), company: z.string() });
const partnerRow = z.object({ partner_id: z.string(), display_name: z.string(), company: z.string().nullish() });
const statusRow = z.object({ partner_id: z.string(), tier: z.enum(TIERS) });
const tierRuleRow = z.object({ id: z.string(), kind: z.string(), title: z.string(), body: z.unknown(), published: z.boolean() });

export interface DiscountApprovalRow {
  activityId: string;
  partnerId: string;
  partnerName: string;
  leadCompany: string;
  proposalId: string | null;
  /** The version number from the row's meta; null for rows without one. */
  version: number | null;
  discountPercent: number;
  /** The largest discount the partner's tier allows without approval. */
  tierLimit: number;
  tier: Tier | null;
  /** The quote's total in major units, when the version was priced from a price list. */
  total: { amount: number; currency: string } | null;
  requestedAt: string;
  status: DiscountDecisionStatus;
  decidedAt: string | null;
  decisionNote: string | null;
}

/** More than the tab should list; the most recent requests are shown. */
const ROW_LIMIT = 2000;
/** Lead ids per `in` filter, so the request URL stays short. */
const LEAD_BATCH = 200;

function versionFacts(meta: string | null | undefined): { version: number | null; total: DiscountApprovalRow['total'] } {
  if (!meta) return { version: null, total: null };
  let json: unknown;
  try {
    json = JSON.parse(meta);
  } catch {
    return { version: null, total: null };
  }
  const parsed = proposalVersionMetaSchema.safeParse(json);
  if (!parsed.success) {
    const version = z.object({ version: z.int().min(1) }).safeParse(json);
    return { version: version.success ? version.data.version : null, total: null };
  }
  const quote = parsed.data.quote;
  return {
    version: parsed.data.version,
    total: quote ? { amount: quote.total_minor / 10 ** currencyFractionDigits(quote.currency), currency: quote.currency } : null,
  };
}

export function toApprovalRows(
  rows: readonly z.infer<typeof versionRow>[],
  context: { companies: ReadonlyMap<string, string>; names: ReadonlyMap<string, string>; tiers: ReadonlyMap<string, Tier>; rules: readonly TierRule[] },
): DiscountApprovalRow[] {
  return rows.map((row) => {
    const tier = context.tiers.get(row.partner_id) ?? null;
    const facts = versionFacts(row.meta);
    return {
      activityId: row.id,
      partnerId: row.partner_id,
      partnerName: context.names.get(row.partner_id) ?? 'Unknown partner',
      leadCompany: (row.lead_id ? context.companies.get(row.lead_id) : undefined) ?? row.body ?? 'Unknown lead',
      proposalId: row.proposal_id ?? null,
      version: facts.version,
      discountPercent: row.discount_percent,
      tierLimit: discountLimit(context.rules, tier ?? 'starter'),
      tier,
      total: facts.total,
      requestedAt: row.occurred_at,
      status: row.approval_status,
      decidedAt: row.decided_at ?? null,
      decisionNote: row.decision_note ?? null,
    };
  });
}

export async function listDiscountApprovals(client: SupabaseClient): Promise<DiscountApprovalRow[]> {
  const action = 'load the discount approvals';
  const [versions, profiles, statuses, tierRules] = await Promise.all([
    client
      .from('activities')
      .select('id, partner_id, lead_id, proposal_id, body, meta, discount_percent, approval_status, decided_at, decision_note, occurred_at')
      .eq('kind', 'proposal_created')
      .in('approval_status', [...DECISION_STATUSES])
      .eq('_deleted', false)
      .order('occurred_at', { ascending: false })
      .limit(ROW_LIMIT),
    client.from('profiles').select('partner_id, display_name, company').eq('_deleted', false),
    client.from('partner_status').select('partner_id, tier').eq('_deleted', false),
    client.from('catalog').select('id, kind, title, body, published').eq('kind', 'tier_rule').eq('_deleted', false),
  ]);
  for (const reply of [versions, profiles, statuses, tierRules]) {
    if (reply.error) throw new AdminRequestError(sentenceFor(action, reply.error));
  }
  const rows = parseReply(z.array(versionRow), versions.data, action);
  const leadIds = [...new Set(rows.flatMap((row) => (row.lead_id ? [row.lead_id] : [])))];
  const companies = new Map<string, string>();
  for (let start = 0; start < leadIds.length; start += LEAD_BATCH) {
    const leads = await client.from('leads').select('id, company').in('id', leadIds.slice(start, start + LEAD_BATCH));
    if (leads.error) throw new AdminRequestError(sentenceFor(action, leads.error));
    for (const lead of parseReply(z.array(leadRow), leads.data, action)) companies.set(lead.id, lead.company);
  }
  const names = new Map(
    parseReply(z.array(partnerRow), profiles.data, action).map((row) => [row.partner_id, [row.display_name, row.company].filter(Boolean).join(' · ')]),
  );
  const tiers = new Map(parseReply(z.array(statusRow), statuses.data, action).map((row) => [row.partner_id, row.tier]));
  const { rules } = parseTierRules(parseReply(z.array(tierRuleRow), tierRules.data, action));
  return toApprovalRows(rows, { companies, names, tiers, rules });
}

export async function decideDiscount(
  client: SupabaseClient, activityId: string, approve: boolean, note: string | null,
): Promise<{ status: (typeof PROPOSAL_APPROVAL_STATUSES)[number]; decidedAt: string | null }> {
  const action = approve ? 'approve the discount' : 'decline the discount';
  const { data, error } = await client.rpc('admin_decide_proposal_discount', { p_activity_id: activityId, p_approve: approve, p_note: note });
  if (error) throw new AdminRequestError(sentenceFor(action, error));
  const row = parseReply(z.object({ approval_status: z.enum(PROPOSAL_APPROVAL_STATUSES), decided_at: z.string().nullish() }), data, action);
  return { status: row.approval_status, decidedAt: row.decided_at ?? null };
}
