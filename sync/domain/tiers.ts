/**
 * The tier engine: parses admin-published tier rules (catalog rows of kind `tier_rule`) and works
 * out, for one partner at one instant in their time zone, how far they are towards the next tier.
 *
 * Definitions (shown to partners in plain words by the tiers page):
 * - Referred leads count leads created in the current calendar month of the partner's time zone.
 * - Training modules count distinct (course, module) rows with a completion time at or before now.
 * - Satisfaction and support calls are the values SISO records on partner_status.
 * - Days in tier are whole days since partner_status.tier_since.
 * - A requirement is met when its value is at or above the next tier's threshold; a threshold of 0
 *   is always met. Its completion is value ÷ threshold, capped at 100%.
 * - Overall progress is the mean of the five completions, rounded down, so it reads 100% only
 *   when every requirement is met.
 * - The estimate projects the pace of the last PACE_WINDOW_DAYS days: leads created and modules
 *   completed per day. Each unmet requirement gets a date (leads: the day this month's count
 *   reaches the threshold, or — if this month can't make it — the day in next month a full
 *   month's pace would; modules: today + remaining ÷ pace; days in tier: tier_since + minimum).
 *   The tier estimate is the latest of those dates. It is unavailable, with the reason, when a
 *   pace is zero or a requirement (satisfaction, calls) is recorded by SISO and can't be projected.
 */
import { z } from 'zod';
import { tierRuleBodySchema, type TierRuleBody } from '../schema/catalog-bodies';
import type { Tier } from '../schema/fields';
import { DAY_MS, parseInstant, wholeDaysBetween, zonedMonth } from './zoned-time';

export const PACE_WINDOW_DAYS = 60;

export interface TierRule extends TierRuleBody {
  /** Catalog row id. */
  id: string;
  title: string;
}

/** The catalog columns the engine reads; PlainDoc<'catalog'> fits. */
export interface CatalogRowInput {
  readonly id: string;
  readonly kind: string;
  readonly title: string;
  readonly body: unknown;
  readonly published: boolean;
}

export interface TierRuleProblem {
  id: string;
  title: string;
  message: string;
}

export interface TierRules {
  /** Valid, published rules ordered by rank (lowest tier first), one per tier. */
  rules: TierRule[];
  /** Rows that were skipped, with why — shown so an admin's broken rule is not silent. */
  problems: TierRuleProblem[];
}

export function parseTierRules(rows: readonly CatalogRowInput[]): TierRules {
  const rules: TierRule[] = [];
  const problems: TierRuleProblem[] = [];
  for (const row of rows) {
    if (row.kind !== 'tier_rule' || !row.published) continue;
    const parsed = tierRuleBodySchema.safeParse(row.body);
    if (!parsed.success) {
      problems.push({ id: row.id, title: row.title, message: z.prettifyError(parsed.error) });
      continue;
    }
    const duplicate = rules.find((rule) => rule.tier === parsed.data.tier);
    if (duplicate) {
      problems.push({
        id: row.id,
        title: row.title,
        message: `A second rule for the ${parsed.data.tier} tier; "${duplicate.title}" is used.`,
      });
      continue;
    }
    rules.push({ ...parsed.data, id: row.id, title: row.title });
  }
  rules.sort((a, b) => a.rank - b.rank);
  return { rules, problems };
}

export function ruleFor(rules: readonly TierRule[], tier: Tier | null | undefined): TierRule | null {
  if (!tier) return null;
  return rules.find((rule) => rule.tier === tier) ?? null;
}

export function nextRule(rules: readonly TierRule[], current: TierRule): TierRule | null {
  return rules.filter((rule) => rule.rank > current.rank).sort((a, b) => a.rank - b.rank)[0] ?? null;
}

export function tierLabel(tier: Tier): string {
  return tier.charAt(0).toUpperCase() + tier.slice(1);
}

// ---------------------------------------------------------------------------------------------
// Inputs: the columns read from the local store (PlainDoc rows fit these shapes).

export interface TierPeriodInput {
  readonly tier: Tier;
  readonly from: string;
  readonly to: string | null;
}

export interface PartnerStatusInput {
  readonly tier: Tier;
  readonly tier_since: string;
  readonly commission_rate?: number;
  readonly satisfaction_rating?: number | null;
  readonly support_calls_attended: number;
  readonly history: readonly TierPeriodInput[];
}

export interface LeadInput {
  readonly created_at: string;
  readonly stage: string;
  readonly source?: string;
  readonly stage_changed_at?: string | null;
}

export interface TrainingInput {
  readonly course_id: string;
  readonly module_index: number;
  /** The module's catalog id; legacy rows have none and are told apart by module_index. */
  readonly module_id?: string | null;
  readonly completed_at?: string | null;
  /** Only 'module' rows are modules; attempts, certificates and bookings also carry completed_at. */
  readonly kind?: string | null;
}

export interface TierProgressInput {
  rules: readonly TierRule[];
  status: PartnerStatusInput | null;
  leads: readonly LeadInput[];
  training: readonly TrainingInput[];
  now: Date;
  /** IANA zone the partner's months are counted in, e.g. "Europe/Athens". */
  timeZone: string;
}

// ---------------------------------------------------------------------------------------------
// Output

export const REQUIREMENT_KEYS = [
  'referred_leads',
  'training_modules',
  'satisfaction',
  'support_calls',
  'days_in_tier',
] as const;
export type RequirementKey = (typeof REQUIREMENT_KEYS)[number];

export const REQUIREMENT_LABELS: Record<RequirementKey, string> = {
  referred_leads: 'Referred leads this month',
  training_modules: 'Training modules completed',
  satisfaction: 'Client satisfaction rating',
  support_calls: 'Support calls attended',
  days_in_tier: 'Days in current tier',
};

export interface RequirementProgress {
  key: RequirementKey;
  label: string;
  /** null when the value is not recorded (e.g. no satisfaction rating yet). */
  current: number | null;
  target: number;
  met: boolean;
  /** 0–1, current ÷ target capped at 1. */
  completion: number;
}

export type RequirementEstimate =
  | { key: RequirementKey; kind: 'met' }
  | { key: RequirementKey; kind: 'date'; date: string }
  | { key: RequirementKey; kind: 'unavailable'; reason: string };

export type TierEstimate =
  | { kind: 'all-met' }
  | { kind: 'date'; date: string; daysFromNow: number; requirements: RequirementEstimate[] }
  | { kind: 'unavailable'; reason: string; requirements: RequirementEstimate[] };

export interface Pace {
  windowDays: number;
  leadsPerDay: number;
  modulesPerDay: number;
}

export type UnknownReason = 'no-status' | 'no-rules' | 'tier-without-rule';

export type TierProgress =
  | { state: 'unknown'; reason: UnknownReason; message: string }
  | { state: 'top'; current: TierRule; daysInTier: number; overallPercent: 100 }
  | {
      state: 'progressing';
      current: TierRule;
      next: TierRule;
      daysInTier: number;
      requirements: RequirementProgress[];
      overallPercent: number;
      allMet: boolean;
      pace: Pace;
      estimate: TierEstimate;
    };

export const ESTIMATE_METHOD =
  `Projects your pace over the last ${PACE_WINDOW_DAYS} days (leads referred and modules completed per day) ` +
  'onto each unmet requirement; the estimate is the latest of those dates.';

export function computeTierProgress(input: TierProgressInput): TierProgress {
  const { rules, status, now } = input;
  if (!status) {
    return {
      state: 'unknown',
      reason: 'no-status',
      message: 'Your tier has not reached this device yet. It appears after the first sync with SISO.',
    };
  }
  if (rules.length === 0) {
    return {
      state: 'unknown',
      reason: 'no-rules',
      message: 'No tier rules are on this device yet. They appear after the first sync with SISO.',
    };
  }
  const current = ruleFor(rules, status.tier);
  if (!current) {
    return {
      state: 'unknown',
      reason: 'tier-without-rule',
      message: `SISO has not published a rule for the ${tierLabel(status.tier)} tier, so progress can't be worked out.`,
    };
  }
  const tierSince = parseInstant(status.tier_since) ?? now;
  const daysInTier = Math.max(0, wholeDaysBetween(tierSince, now));
  const next = nextRule(rules, current);
  if (!next) return { state: 'top', current, daysInTier, overallPercent: 100 };

  const values = measure(input);
  const req = next.requirements;
  const requirements: RequirementProgress[] = [
    requirement('referred_leads', values.leadsThisMonth, req.referred_leads_per_month),
    requirement('training_modules', values.modulesCompleted, req.training_modules_completed),
    requirement('satisfaction', values.satisfaction, req.satisfaction_rating),
    requirement('support_calls', values.supportCalls, req.support_calls_attended),
    requirement('days_in_tier', daysInTier, req.min_days_in_previous_tier),
  ];
  const allMet = requirements.every((item) => item.met);
  const mean = requirements.reduce((sum, item) => sum + item.completion, 0) / requirements.length;
  const overallPercent = allMet ? 100 : Math.min(99, Math.floor(mean * 100));
  const pace = measurePace(input);
  const estimate = allMet
    ? ({ kind: 'all-met' } as const)
    : estimateArrival(requirements, { input, pace, tierSince });
  return { state: 'progressing', current, next, daysInTier, requirements, overallPercent, allMet, pace, estimate };
}

function requirement(key: RequirementKey, current: number | null, target: number): RequirementProgress {
  const met = target <= 0 || (current !== null && current >= target);
  const completion = met ? 1 : current === null || current <= 0 ? 0 : Math.min(1, current / target);
  return { key, label: REQUIREMENT_LABELS[key], current, target, met, completion };
}

interface Measured {
  leadsThisMonth: number;
  modulesCompleted: number;
  satisfaction: number | null;
  supportCalls: number;
}

function measure(input: TierProgressInput): Measured {
  const month = zonedMonth(input.now, input.timeZone);
  return {
    leadsThisMonth: countLeadsBetween(input.leads, month.start, month.end),
    modulesCompleted: completedModules(input.training, input.now).length,
    satisfaction: input.status?.satisfaction_rating ?? null,
    supportCalls: input.status?.support_calls_attended ?? 0,
  };
}

/** Leads created in [start, end). */
export function countLeadsBetween(leads: readonly LeadInput[], start: Date, end: Date): number {
  let count = 0;
  for (const lead of leads) {
    const created = parseInstant(lead.created_at);
    if (created && created >= start && created < end) count += 1;
  }
  return count;
}

/** Completion instants of distinct modules finished at or before `now`; a module is its id, so a reorder cannot merge two. */
export function completedModules(training: readonly TrainingInput[], now: Date): Date[] {
  const byModule = new Map<string, Date>();
  for (const row of training) {
    if (row.kind && row.kind !== 'module') continue;
    const completed = parseInstant(row.completed_at);
    if (!completed || completed > now) continue;
    const key = row.module_id ?? `${row.course_id}\u0000${row.module_index}`;
    const earlier = byModule.get(key);
    if (!earlier || completed < earlier) byModule.set(key, completed);
  }
  return [...byModule.values()];
}

export function measurePace(input: Pick<TierProgressInput, 'leads' | 'training' | 'now'>): Pace {
  const windowStart = new Date(input.now.getTime() - PACE_WINDOW_DAYS * DAY_MS);
  const leads = countLeadsBetween(input.leads, windowStart, new Date(input.now.getTime() + 1));
  const modules = completedModules(input.training, input.now).filter((at) => at >= windowStart).length;
  return { windowDays: PACE_WINDOW_DAYS, leadsPerDay: leads / PACE_WINDOW_DAYS, modulesPerDay: modules / PACE_WINDOW_DAYS };
}

interface EstimateContext {
  input: TierProgressInput;
  pace: Pace;
  tierSince: Date;
}

function estimateArrival(requirements: readonly RequirementProgress[], context: EstimateContext): TierEstimate {
  const estimates = requirements.map((item) => estimateRequirement(item, context));
  const blocked = estimates.find((item) => item.kind === 'unavailable');
  if (blocked && blocked.kind === 'unavailable') {
    return { kind: 'unavailable', reason: blocked.reason, requirements: estimates };
  }
  const { now } = context.input;
  let latest = now.getTime();
  for (const item of estimates) {
    if (item.kind === 'date') latest = Math.max(latest, Date.parse(item.date));
  }
  const date = new Date(latest);
  return {
    kind: 'date',
    date: date.toISOString(),
    daysFromNow: Math.max(0, Math.ceil((latest - now.getTime()) / DAY_MS)),
    requirements: estimates,
  };
}

function estimateRequirement(item: RequirementProgress, context: EstimateContext): RequirementEstimate {
  const { key } = item;
  if (item.met) return { key, kind: 'met' };
  const { now, timeZone } = context.input;
  const remaining = item.target - (item.current ?? 0);
  switch (key) {
    case 'referred_leads': {
      const pace = context.pace.leadsPerDay;
      if (pace <= 0) {
        return { key, kind: 'unavailable', reason: `No leads were referred in the last ${PACE_WINDOW_DAYS} days, so there is no pace to project.` };
      }
      const month = zonedMonth(now, timeZone);
      const daysNeeded = remaining / pace;
      if (now.getTime() + daysNeeded * DAY_MS < month.end.getTime()) {
        return { key, kind: 'date', date: new Date(now.getTime() + daysNeeded * DAY_MS).toISOString() };
      }
      const nextMonth = zonedMonth(now, timeZone, 1);
      const nextMonthDays = (nextMonth.end.getTime() - nextMonth.start.getTime()) / DAY_MS;
      const daysForFullTarget = item.target / pace;
      if (daysForFullTarget <= nextMonthDays) {
        return { key, kind: 'date', date: new Date(nextMonth.start.getTime() + daysForFullTarget * DAY_MS).toISOString() };
      }
      const perMonth = Math.round(pace * 30 * 10) / 10;
      return {
        key,
        kind: 'unavailable',
        reason: `At your recent pace of about ${perMonth} ${perMonth === 1 ? 'lead' : 'leads'} a month, ${item.target} leads in one month is out of reach.`,
      };
    }
    case 'training_modules': {
      const pace = context.pace.modulesPerDay;
      if (pace <= 0) {
        return { key, kind: 'unavailable', reason: `No training modules were completed in the last ${PACE_WINDOW_DAYS} days, so there is no pace to project.` };
      }
      return { key, kind: 'date', date: new Date(now.getTime() + (remaining / pace) * DAY_MS).toISOString() };
    }
    case 'days_in_tier':
      return { key, kind: 'date', date: new Date(context.tierSince.getTime() + item.target * DAY_MS).toISOString() };
    case 'satisfaction':
      return {
        key,
        kind: 'unavailable',
        reason: 'Your satisfaction rating is set by SISO from client feedback, so it cannot be projected.',
      };
    case 'support_calls':
      return {
        key,
        kind: 'unavailable',
        reason: 'Support calls are recorded by SISO after you attend them, so they cannot be projected.',
      };
  }
}

// ---------------------------------------------------------------------------------------------
// History and celebrations

export interface TimelineEntry {
  tier: Tier;
  title: string;
  from: string;
  /** null while current. */
  to: string | null;
  days: number;
  current: boolean;
}

/** partner_status.history oldest first, with whole days spent in each tier. */
export function tierTimeline(
  status: Pick<PartnerStatusInput, 'history'> | null,
  rules: readonly TierRule[],
  now: Date,
): TimelineEntry[] {
  if (!status) return [];
  return [...status.history]
    .filter((period) => parseInstant(period.from) !== null)
    .sort((a, b) => Date.parse(a.from) - Date.parse(b.from))
    .map((period) => {
      const from = parseInstant(period.from) ?? now;
      const to = parseInstant(period.to) ?? now;
      return {
        tier: period.tier,
        title: ruleFor(rules, period.tier)?.title ?? `${tierLabel(period.tier)} tier`,
        from: period.from,
        to: period.to,
        days: Math.max(0, wholeDaysBetween(from, to)),
        current: period.to === null,
      };
    });
}

/** Stable ids of the requirements met now, scoped to the tier they count towards. */
export function metRequirementIds(progress: TierProgress): string[] {
  if (progress.state !== 'progressing') return [];
  return progress.requirements.filter((item) => item.met).map((item) => `${progress.next.tier}:${item.key}`);
}

/**
 * Which requirements became met since the partner last saw the page. `previous` null means the
 * page has never recorded anything for this partner: nothing is "new", the baseline is recorded.
 */
export function newlyMetRequirements(
  previous: readonly string[] | null,
  progress: TierProgress,
): { newlyMet: RequirementKey[]; record: string[] } {
  const record = metRequirementIds(progress);
  if (previous === null || progress.state !== 'progressing') return { newlyMet: [], record };
  const seen = new Set(previous);
  const newlyMet = progress.requirements
    .filter((item) => item.met && !seen.has(`${progress.next.tier}:${item.key}`))
    .map((item) => item.key);
  return { newlyMet, record };
}
