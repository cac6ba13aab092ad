/**
 * The lead pipeline board's rules: its five columns (Closed holds won and lost), how leads group
 * into them, what dropping a lead on a column means, the won/lost choice (a lost lead needs a
 * reason), the stage change that writes, and the tier feature that unlocks the board.
 */
import { z } from 'zod';
import type { LeadDoc, LeadStage } from '../schema/leads.schema';
import { leadFeature, LEAD_FEATURES, type FeatureRef } from './entitlements';
import { buildStageChange, lastChangedAt, STAGE_LABELS, type LeadLike, type NewRowContext, type StageChange } from './leads';

export const PIPELINE_COLUMNS = ['new', 'contacted', 'qualified', 'proposal', 'closed'] as const;
export type PipelineColumn = (typeof PIPELINE_COLUMNS)[number];

/** The open stages' columns carry the stage's own name; Closed holds won and lost. */
export const PIPELINE_COLUMN_LABELS: Readonly<Record<PipelineColumn, string>> = {
  new: STAGE_LABELS.new,
  contacted: STAGE_LABELS.contacted,
  qualified: STAGE_LABELS.qualified,
  proposal: STAGE_LABELS.proposal,
  closed: 'Closed',
};

export const CLOSED_STAGES = ['won', 'lost'] as const satisfies readonly LeadStage[];
export type ClosedStage = (typeof CLOSED_STAGES)[number];

export function isPipelineColumn(value: unknown): value is PipelineColumn {
  return typeof value === 'string' && (PIPELINE_COLUMNS as readonly string[]).includes(value);
}

export function columnOfStage(stage: LeadStage): PipelineColumn {
  return stage === 'won' || stage === 'lost' ? 'closed' : stage;
}

/** The column to the left (-1) or right (+1) of `column`; null past either end. */
export function adjacentColumn(column: PipelineColumn, direction: -1 | 1): PipelineColumn | null {
  return PIPELINE_COLUMNS[PIPELINE_COLUMNS.indexOf(column) + direction] ?? null;
}

export type PipelineGroups<T> = Record<PipelineColumn, T[]>;

/** Every lead in its column, most recently moved (stage_changed_at, else last change) first; ties by id. */
export function groupLeadsByColumn<T extends LeadLike>(leads: readonly T[]): PipelineGroups<T> {
  // Each timestamp is parsed once, not once per comparison: boards hold thousands of leads.
  const keyed: Record<PipelineColumn, { lead: T; at: number }[]> = { new: [], contacted: [], qualified: [], proposal: [], closed: [] };
  for (const lead of leads) {
    const at = Date.parse(lead.stage_changed_at ?? lastChangedAt(lead));
    keyed[columnOfStage(lead.stage)].push({ lead, at: Number.isNaN(at) ? Number.NEGATIVE_INFINITY : at });
  }
  const byRecent = (a: { lead: T; at: number }, b: { lead: T; at: number }) =>
    b.at - a.at || (a.lead.id < b.lead.id ? -1 : a.lead.id > b.lead.id ? 1 : 0);
  const groups: PipelineGroups<T> = { new: [], contacted: [], qualified: [], proposal: [], closed: [] };
  for (const column of PIPELINE_COLUMNS) groups[column] = keyed[column].sort(byRecent).map((entry) => entry.lead);
  return groups;
}

export type DropOutcome =
  /** Dropped where it already is (or nowhere): nothing to write. */
  | { kind: 'unchanged' }
  /** Moves straight to this stage. */
  | { kind: 'move'; stage: LeadStage }
  /** Moves to Closed: the partner must say won or lost (and why, if lost) first. */
  | { kind: 'choose-outcome' };

export function dropOutcome(lead: Pick<LeadLike, 'stage'>, target: PipelineColumn | null): DropOutcome {
  if (target === null || columnOfStage(lead.stage) === target) return { kind: 'unchanged' };
  if (target === 'closed') return { kind: 'choose-outcome' };
  return { kind: 'move', stage: target };
}

export const LOST_REASON_MAX = 500;

export interface CloseLeadInput {
  outcome: string;
  reason: string;
}

export const closeLeadSchema = z
  .object({
    outcome: z.enum(CLOSED_STAGES, 'Choose whether the lead was won or lost.'),
    reason: z.string().trim().max(LOST_REASON_MAX, `Keep the reason under ${LOST_REASON_MAX} characters.`),
  })
  .superRefine((value, ctx) => {
    if (value.outcome === 'lost' && value.reason === '') {
      ctx.addIssue({ code: 'custom', path: ['reason'], message: 'Say why the lead was lost, e.g. “Chose another agency”.' });
    }
  })
  .transform((value) => ({ stage: value.outcome, lostReason: value.outcome === 'lost' ? value.reason : null }));

export type CloseLeadChoice = z.output<typeof closeLeadSchema>;
export type CloseLeadErrors = Partial<Record<keyof CloseLeadInput, string>>;

export function validateCloseLead(input: CloseLeadInput): { ok: true; value: CloseLeadChoice } | { ok: false; errors: CloseLeadErrors } {
  const result = closeLeadSchema.safeParse(input);
  if (result.success) return { ok: true, value: result.data };
  const errors: CloseLeadErrors = {};
  for (const issue of result.error.issues) {
    const field = issue.path[0];
    if (field === 'outcome' || field === 'reason') errors[field] ??= issue.message;
  }
  return { ok: false, errors };
}

export interface PipelineStageChange extends Omit<StageChange, 'patch'> {
  patch: StageChange['patch'] & Partial<Pick<LeadDoc, 'lost_reason'>>;
}

/**
 * The stage change a move writes: the same patch and timeline entry as the detail page's, plus
 * the lost reason when the lead is lost (also named on the timeline). Null when nothing changes.
 */
export function buildPipelineStageChange(
  lead: LeadDoc,
  to: LeadStage,
  context: NewRowContext,
  lostReason: string | null = null,
): PipelineStageChange | null {
  const change = buildStageChange(lead, to, context);
  if (!change) return null;
  if (to !== 'lost') return change;
  const reason = lostReason?.trim() ?? '';
  if (reason === '') throw new Error('A lead can only be marked lost with a reason.');
  return {
    patch: { ...change.patch, lost_reason: reason },
    activity: { ...change.activity, body: `${change.activity.body} Reason: ${reason}` },
  };
}

/** The tier feature that unlocks the pipeline board (Active and up in the shipped rules). */
export const PIPELINE_FEATURE: FeatureRef = leadFeature(LEAD_FEATURES.pipeline);
