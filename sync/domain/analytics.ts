/**
 * The Analytics page's figures, computed locally from the partner's own synced rows: period
 * metrics with the previous period, weekly and monthly trends, the stage funnel, time in stage,
 * sources and channels, cohorts, the 30/60/90-day forecast and the program comparison. Pure.
 *
 * Speed: every input array is indexed once (local day numbers, stage history per lead) and the
 * index is memoised on the array's identity, so a change to one collection re-indexes only that
 * collection; widgets then read the indexes in single passes — no joins inside loops.
 *
 * Definitions (shown in words on the page):
 * - Referrals sent: clicks on the partner's referral links in the period (daily click rows).
 * - Leads: leads created in the period. Conversions: leads won in the period (stage won, dated by
 *   stage_changed_at). Conversion rate: won ÷ (won + lost) among leads closed in the period.
 * - Earnings: commission lines created in the period, signed (clawbacks count), never summed
 *   across currencies; reversed lines are left out.
 */
import { LEAD_STAGES, type LeadSource, type LeadStage } from '../schema/leads.schema';
import type { Tier } from '../schema/fields';
import { computeLinkPerformance, computeSourceBreakdown, type LinkPerformance, type SourceCount } from './attribution';
import { leadFeature, LEAD_FEATURES, type FeatureRef } from './entitlements';
import { DAY_MS, zonedParts } from './zoned-time';

// ---------------------------------------------------------------------------------------------
// Inputs: the columns read from the local store (PlainDoc rows fit these shapes).

export interface AnalyticsLead {
  readonly id: string;
  readonly created_at: string;
  readonly stage: LeadStage;
  readonly source: LeadSource;
  readonly stage_changed_at?: string | null;
  readonly estimated_value?: number | null;
  readonly currency?: string | null;
  readonly referral_link_id?: string | null;
}

export interface AnalyticsEarning {
  readonly id: string;
  readonly kind: string;
  readonly amount: number;
  readonly currency: string;
  readonly status: string;
  readonly created_at: string;
}

export interface AnalyticsClick {
  readonly referral_link_id: string;
  /** Local calendar date, YYYY-MM-DD. */
  readonly day: string;
  readonly clicks: number;
}

export interface AnalyticsLink {
  readonly id: string;
  readonly name: string;
  readonly utm_source?: string | null;
  readonly utm_medium?: string | null;
}

export interface AnalyticsActivity {
  readonly lead_id?: string | null;
  readonly kind: string;
  readonly occurred_at: string;
  readonly meta?: string | null;
}

// ---------------------------------------------------------------------------------------------
// Gating: which tier-rule benefit unlocks each level of the page.

export const ANALYTICS_LEVELS = ['basic', 'charts', 'advanced', 'custom'] as const;
export type AnalyticsLevel = (typeof ANALYTICS_LEVELS)[number];

/**
 * Basic metrics come with the lead list (every tier); charts with attribution (Active); cohorts and
 * the forecast with analytics (Performer); custom dashboards with white-label tracking (Elite), the
 * benefit the executive report's white-label option uses too.
 */
export const ANALYTICS_LEVEL_FEATURES: Record<AnalyticsLevel, FeatureRef> = {
  basic: leadFeature(LEAD_FEATURES.leadList),
  charts: leadFeature(LEAD_FEATURES.attribution),
  advanced: leadFeature(LEAD_FEATURES.analytics),
  custom: leadFeature(LEAD_FEATURES.whiteLabel),
};

// ---------------------------------------------------------------------------------------------
// Local calendar: day numbers (days since 1970-01-01 on the partner's wall clock).

const HOUR_MS = 3_600_000;

/**
 * Turns instants into local day numbers. The zone offset is looked up once per UTC day (at both
 * ends); only a day with a DST change falls back to once per hour, so Intl runs a few hundred
 * times for years of rows, not once per row.
 */
export class LocalCalendar {
  private readonly offsets = new Map<number, number>();
  constructor(readonly timeZone: string) {}

  private lookup(ms: number): number {
    const p = zonedParts(new Date(ms), this.timeZone);
    return Date.UTC(p.year, p.month - 1, p.day, p.hour, p.minute) - ms;
  }

  private offsetAt(ms: number): number {
    if (this.timeZone === 'UTC') return 0;
    const utcDay = Math.floor(ms / DAY_MS);
    const dayKey = utcDay * 2;
    let offset = this.offsets.get(dayKey);
    if (offset === undefined) {
      const start = this.lookup(utcDay * DAY_MS);
      const end = this.lookup((utcDay + 1) * DAY_MS);
      offset = start === end ? start : Number.NaN;
      this.offsets.set(dayKey, offset);
    }
    if (!Number.isNaN(offset)) return offset;
    const hour = Math.floor(ms / HOUR_MS);
    const hourKey = hour * 2 + 1;
    let hourly = this.offsets.get(hourKey);
    if (hourly === undefined) {
      hourly = this.lookup(hour * HOUR_MS);
      this.offsets.set(hourKey, hourly);
    }
    return hourly;
  }

  /** Local day number of an ISO instant; NaN when unparseable. */
  day(iso: string | null | undefined): number {
    return this.dayOfMs(iso ? Date.parse(iso) : Number.NaN);
  }

  /** Local day number of an instant in epoch ms; NaN stays NaN. */
  dayOfMs(ms: number): number {
    if (Number.isNaN(ms)) return Number.NaN;
    return Math.floor((ms + this.offsetAt(ms)) / DAY_MS);
  }

  today(now: Date): number {
    return this.day(now.toISOString());
  }
}

/** Days since 1970-01-01 of a proleptic Gregorian date (month 1–12), without Date objects. */
function daysFromCivil(year: number, month: number, day: number): number {
  const y = month <= 2 ? year - 1 : year;
  const era = Math.floor(y / 400);
  const yoe = y - era * 400;
  const doy = Math.floor((153 * (month + (month > 2 ? -3 : 9)) + 2) / 5) + day - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146_097 + doe - 719_468;
}

const DATE_PATTERN = /^(\d{4})-(\d{2})-(\d{2})/;

/** Day number of a calendar date (YYYY-MM-DD); NaN when malformed. */
export function dateToDay(date: string): number {
  const match = DATE_PATTERN.exec(date);
  if (!match) return Number.NaN;
  const month = Number(match[2]);
  const day = Number(match[3]);
  if (month < 1 || month > 12 || day < 1 || day > 31) return Number.NaN;
  return daysFromCivil(Number(match[1]), month, day);
}

export function dayToDate(day: number): string {
  return new Date(day * DAY_MS).toISOString().slice(0, 10);
}

/** Months since 1970-01 of a day number (civil-from-days, without Date objects). */
export function monthIndexOfDay(day: number): number {
  const z = day + 719_468;
  const era = Math.floor(z / 146_097);
  const doe = z - era * 146_097;
  const yoe = Math.floor((doe - Math.floor(doe / 1460) + Math.floor(doe / 36_524) - Math.floor(doe / 146_096)) / 365);
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const month = mp < 10 ? mp + 3 : mp - 9;
  const year = yoe + era * 400 + (month <= 2 ? 1 : 0);
  return (year - 1970) * 12 + month - 1;
}

function firstDayOfMonthIndex(index: number): number {
  return Math.floor(Date.UTC(1970 + Math.floor(index / 12), ((index % 12) + 12) % 12, 1) / DAY_MS);
}

export function monthKeyOfIndex(index: number): string {
  return `${1970 + Math.floor(index / 12)}-${String((((index % 12) + 12) % 12) + 1).padStart(2, '0')}`;
}

/** 1970-01-01 was a Thursday; Monday-based weeks start 3 days before it. */
function mondayOf(day: number): number {
  return day - ((((day + 3) % 7) + 7) % 7);
}

// ---------------------------------------------------------------------------------------------
// Periods

export const PERIOD_KINDS = ['this-month', 'last-month', 'quarter', 'year', 'custom'] as const;
export type PeriodKind = (typeof PERIOD_KINDS)[number];

export const PERIOD_LABELS: Record<PeriodKind, string> = {
  'this-month': 'This month',
  'last-month': 'Last month',
  quarter: 'This quarter',
  year: 'This year',
  custom: 'Custom dates',
};

export interface DayRange {
  /** First day, inclusive. */
  start: number;
  /** Day after the last, exclusive. */
  end: number;
}

export interface PeriodSelection {
  kind: PeriodKind;
  /** YYYY-MM-DD, both inclusive; used for 'custom' only. */
  from?: string;
  to?: string;
}

export interface ResolvedPeriod {
  current: DayRange;
  previous: DayRange;
  label: string;
  previousLabel: string;
}

function rangeLabel(range: DayRange): string {
  return `${dayToDate(range.start)} to ${dayToDate(range.end - 1)}`;
}

function monthsRange(firstMonth: number, months: number): DayRange {
  return { start: firstDayOfMonthIndex(firstMonth), end: firstDayOfMonthIndex(firstMonth + months) };
}

/** The chosen period and the one before it (same length; for calendar periods the previous one). */
export function resolvePeriod(selection: PeriodSelection, today: number): ResolvedPeriod | null {
  const month = monthIndexOfDay(today);
  let current: DayRange;
  let previous: DayRange;
  switch (selection.kind) {
    case 'this-month':
      current = monthsRange(month, 1);
      previous = monthsRange(month - 1, 1);
      break;
    case 'last-month':
      current = monthsRange(month - 1, 1);
      previous = monthsRange(month - 2, 1);
      break;
    case 'quarter': {
      const first = month - (((month % 3) + 3) % 3);
      current = monthsRange(first, 3);
      previous = monthsRange(first - 3, 3);
      break;
    }
    case 'year': {
      const first = month - (((month % 12) + 12) % 12);
      current = monthsRange(first, 12);
      previous = monthsRange(first - 12, 12);
      break;
    }
    case 'custom': {
      const start = dateToDay(selection.from ?? '');
      const last = dateToDay(selection.to ?? '');
      if (Number.isNaN(start) || Number.isNaN(last) || last < start) return null;
      current = { start, end: last + 1 };
      const length = last + 1 - start;
      previous = { start: start - length, end: start };
      break;
    }
  }
  return { current, previous, label: rangeLabel(current), previousLabel: rangeLabel(previous) };
}

const inRange = (day: number, range: DayRange) => day >= range.start && day < range.end;

// ---------------------------------------------------------------------------------------------
// Indexes, one pass per input, memoised on the array's identity.

const STAGE_RANK: Record<LeadStage, number> = { new: 0, contacted: 1, qualified: 2, proposal: 3, won: 4, lost: -1 };
export const FUNNEL_STAGES: readonly LeadStage[] = ['new', 'contacted', 'qualified', 'proposal', 'won'];
export const OPEN_STAGES: readonly LeadStage[] = ['new', 'contacted', 'qualified', 'proposal'];

interface StageEntry {
  stage: LeadStage;
  at: number;
}

export interface IndexedLead {
  lead: AnalyticsLead;
  createdDay: number;
  createdMs: number;
  /** When it reached its current stage (stage_changed_at, else created_at), ms. */
  stageMs: number;
  stageDay: number;
  createdMonth: number;
  stageMonth: number;
}

export interface LeadIndex {
  rows: IndexedLead[];
  byId: Map<string, IndexedLead>;
}

export interface EarningIndex {
  rows: { day: number; ms: number; amount: number; currency: string }[];
}

export interface ClickIndex {
  /** Day number → clicks that day, all links. */
  perDay: Map<number, number>;
  rows: readonly AnalyticsClick[];
  /** Day number of each row, in `rows` order. */
  days: Float64Array;
}

export interface StageHistory {
  /** Lead id → stage entries in time order (from stage_change activities). */
  byLead: Map<string, StageEntry[]>;
}

function memoOnIdentity<I extends object, O>(build: (input: I) => O): (input: I) => O {
  const cache = new WeakMap<I, O>();
  return (input) => {
    let out = cache.get(input);
    if (out === undefined) {
      out = build(input);
      cache.set(input, out);
    }
    return out;
  };
}

function parseMs(iso: string | null | undefined): number {
  return iso ? Date.parse(iso) : Number.NaN;
}

const STAGE_SET = new Set<string>(LEAD_STAGES);
const META_TO = /"to"\s*:\s*"([a-z]+)"/;

/** The stage a stage_change moved to, checked against the known stages; null otherwise. */
export function stageChangeTarget(meta: string | null | undefined): LeadStage | null {
  if (!meta) return null;
  const match = META_TO.exec(meta);
  const stage = match?.[1];
  return stage && STAGE_SET.has(stage) ? (stage as LeadStage) : null;
}

export function indexStageHistory(activities: readonly AnalyticsActivity[]): StageHistory {
  const byLead = new Map<string, StageEntry[]>();
  for (const activity of activities) {
    if (activity.kind !== 'stage_change' || !activity.lead_id) continue;
    const stage = stageChangeTarget(activity.meta);
    const at = parseMs(activity.occurred_at);
    if (!stage || Number.isNaN(at)) continue;
    const list = byLead.get(activity.lead_id);
    if (list) list.push({ stage, at });
    else byLead.set(activity.lead_id, [{ stage, at }]);
  }
  for (const list of byLead.values()) if (list.length > 1) list.sort((a, b) => a.at - b.at);
  return { byLead };
}

export function indexEarnings(earnings: readonly AnalyticsEarning[], calendar: LocalCalendar): EarningIndex {
  const rows: EarningIndex['rows'] = [];
  for (const earning of earnings) {
    if (earning.kind !== 'commission' || earning.status === 'reversed') continue;
    const ms = parseMs(earning.created_at);
    const day = calendar.dayOfMs(ms);
    if (!Number.isNaN(day)) rows.push({ day, ms, amount: earning.amount, currency: earning.currency });
  }
  return { rows };
}

export function indexClicks(clicks: readonly AnalyticsClick[]): ClickIndex {
  const perDay = new Map<number, number>();
  const days = new Float64Array(clicks.length);
  clicks.forEach((row, i) => {
    const day = dateToDay(row.day);
    days[i] = day;
    if (!Number.isNaN(day)) perDay.set(day, (perDay.get(day) ?? 0) + row.clicks);
  });
  return { perDay, rows: clicks, days };
}

export function indexLeads(leads: readonly AnalyticsLead[], calendar: LocalCalendar): LeadIndex {
  const rows: IndexedLead[] = [];
  const byId = new Map<string, IndexedLead>();
  for (const lead of leads) {
    const createdMs = parseMs(lead.created_at);
    if (Number.isNaN(createdMs)) continue;
    const changed = parseMs(lead.stage_changed_at);
    const stageMs = Number.isNaN(changed) ? createdMs : changed;
    const createdDay = calendar.dayOfMs(createdMs);
    const stageDay = calendar.dayOfMs(stageMs);
    const row: IndexedLead = { lead, createdMs, createdDay, stageMs, stageDay, createdMonth: monthIndexOfDay(createdDay), stageMonth: monthIndexOfDay(stageDay) };
    rows.push(row);
    byId.set(lead.id, row);
  }
  return { rows, byId };
}

// ---------------------------------------------------------------------------------------------
// Basic metrics

export interface PeriodMetrics {
  referralsSent: number;
  leads: number;
  conversions: number;
  closed: number;
  /** won ÷ (won + lost) closed in the period; null when none closed. */
  conversionRate: number | null;
  /** Signed commission per currency, sorted by currency. */
  earnings: { currency: string; amount: number }[];
}

export function periodMetrics(leads: LeadIndex, earnings: EarningIndex, clicks: ClickIndex, range: DayRange): PeriodMetrics {
  let referralsSent = 0;
  for (const [day, count] of clicks.perDay) if (inRange(day, range)) referralsSent += count;
  let created = 0;
  let won = 0;
  let lost = 0;
  for (const row of leads.rows) {
    if (inRange(row.createdDay, range)) created += 1;
    if (!inRange(row.stageDay, range)) continue;
    if (row.lead.stage === 'won') won += 1;
    else if (row.lead.stage === 'lost') lost += 1;
  }
  const sums = new Map<string, number>();
  for (const row of earnings.rows) if (inRange(row.day, range)) sums.set(row.currency, (sums.get(row.currency) ?? 0) + row.amount);
  return {
    referralsSent,
    leads: created,
    conversions: won,
    closed: won + lost,
    conversionRate: won + lost > 0 ? won / (won + lost) : null,
    earnings: [...sums].map(([currency, amount]) => ({ currency, amount })).sort((a, b) => a.currency.localeCompare(b.currency)),
  };
}

/** Change from the previous period as a fraction (0.25 = +25%); null when the previous is 0. */
export function relativeChange(current: number, previous: number): number | null {
  return previous === 0 ? null : (current - previous) / previous;
}

// ---------------------------------------------------------------------------------------------
// Trends

export interface TrendBucket {
  /** First day of the bucket, YYYY-MM-DD (weeks: Monday), or YYYY-MM for months. */
  key: string;
  leads: number;
  conversions: number;
  clicks: number;
  /** Signed commission per currency. */
  earnings: Record<string, number>;
}

export const TREND_WEEKS = 12;
export const TREND_MONTHS = 12;

function trend(
  leads: LeadIndex,
  earnings: EarningIndex,
  clicks: ClickIndex,
  count: number,
  bucketOf: (day: number) => number,
  keyOf: (bucket: number) => string,
  last: number,
): TrendBucket[] {
  const first = last - count + 1;
  const rows: TrendBucket[] = Array.from({ length: count }, (_, i) => ({ key: keyOf(first + i), leads: 0, conversions: 0, clicks: 0, earnings: {} }));
  const at = (day: number) => {
    if (Number.isNaN(day)) return undefined;
    const bucket = bucketOf(day);
    return bucket >= first && bucket <= last ? rows[bucket - first] : undefined;
  };
  for (const row of leads.rows) {
    const created = at(row.createdDay);
    if (created) created.leads += 1;
    if (row.lead.stage === 'won') {
      const won = at(row.stageDay);
      if (won) won.conversions += 1;
    }
  }
  for (const [day, dayClicks] of clicks.perDay) {
    const bucket = at(day);
    if (bucket) bucket.clicks += dayClicks;
  }
  for (const row of earnings.rows) {
    const bucket = at(row.day);
    if (bucket) bucket.earnings[row.currency] = (bucket.earnings[row.currency] ?? 0) + row.amount;
  }
  return rows;
}

export function weeklyTrend(leads: LeadIndex, earnings: EarningIndex, clicks: ClickIndex, today: number, weeks = TREND_WEEKS): TrendBucket[] {
  return trend(leads, earnings, clicks, weeks, (day) => mondayOf(day) / 7, (bucket) => dayToDate(bucket * 7), mondayOf(today) / 7);
}

export function monthlyTrend(leads: LeadIndex, earnings: EarningIndex, clicks: ClickIndex, today: number, months = TREND_MONTHS): TrendBucket[] {
  return trend(leads, earnings, clicks, months, monthIndexOfDay, monthKeyOfIndex, monthIndexOfDay(today));
}

// ---------------------------------------------------------------------------------------------
// Funnel and time in stage

/** The furthest open-or-won stage a lead reached, from its history, else its current stage. */
function furthestStage(row: IndexedLead, history: StageHistory): number {
  let best = STAGE_RANK[row.lead.stage];
  const entries = history.byLead.get(row.lead.id);
  if (entries) for (const entry of entries) best = Math.max(best, STAGE_RANK[entry.stage]);
  return Math.max(best, 0);
}

export interface FunnelStep {
  stage: LeadStage;
  /** Leads created in the period that reached this stage or a later one. */
  leads: number;
}

export function stageFunnel(leads: LeadIndex, history: StageHistory, range: DayRange): FunnelStep[] {
  const reached = [0, 0, 0, 0, 0];
  for (const row of leads.rows) {
    if (!inRange(row.createdDay, range)) continue;
    const furthest = furthestStage(row, history);
    for (let i = 0; i <= furthest; i += 1) reached[i] = (reached[i] ?? 0) + 1;
  }
  return FUNNEL_STAGES.map((stage, i) => ({ stage, leads: reached[i] ?? 0 }));
}

export interface StageTime {
  stage: LeadStage;
  /** Finished stays in this stage that were measured. */
  stays: number;
  medianDays: number | null;
  meanDays: number | null;
}

function median(sorted: ArrayLike<number>): number | null {
  if (sorted.length === 0) return null;
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? (sorted[mid] ?? null) : ((sorted[mid - 1] ?? 0) + (sorted[mid] ?? 0)) / 2;
}

/**
 * Days spent in each open stage, from finished stays: a lead enters 'new' when created and each
 * stage_change starts the next stay. Leads without a recorded history count once, from creation
 * to their stage_changed_at, as a stay in 'new' when they have moved on.
 */
export function timeInStage(leads: LeadIndex, history: StageHistory): StageTime[] {
  const stays = new Map<LeadStage, number[]>(OPEN_STAGES.map((stage) => [stage, []]));
  for (const row of leads.rows) {
    const entries = history.byLead.get(row.lead.id);
    if (!entries) {
      if (row.lead.stage !== 'new' && row.stageMs >= row.createdMs) stays.get('new')?.push((row.stageMs - row.createdMs) / DAY_MS);
      continue;
    }
    let stage: LeadStage = 'new';
    let since = row.createdMs;
    for (const entry of entries) {
      if (entry.at >= since) stays.get(stage)?.push((entry.at - since) / DAY_MS);
      stage = entry.stage;
      since = entry.at;
    }
  }
  return OPEN_STAGES.map((stage) => {
    const days = Float64Array.from(stays.get(stage) ?? []).sort();
    const total = days.reduce((sum, value) => sum + value, 0);
    return { stage, stays: days.length, medianDays: median(days), meanDays: days.length ? total / days.length : null };
  });
}

/** Mean days from creation to won, for leads won in the range; null when none. */
export function averageDaysToClose(leads: LeadIndex, range: DayRange): number | null {
  let total = 0;
  let count = 0;
  for (const row of leads.rows) {
    if (row.lead.stage !== 'won' || !inRange(row.stageDay, range)) continue;
    total += (row.stageMs - row.createdMs) / DAY_MS;
    count += 1;
  }
  return count ? total / count : null;
}

// ---------------------------------------------------------------------------------------------
// Sources and channels

export interface ChannelRow {
  /** utm_source / utm_medium of the link, or "(no UTM)". */
  channel: string;
  clicks: number;
  leads: number;
  conversions: number;
}

export interface SourcesAndChannels {
  sources: SourceCount[];
  links: LinkPerformance[];
  channels: ChannelRow[];
}

export function sourcesAndChannels(leads: LeadIndex, clicks: ClickIndex, links: readonly AnalyticsLink[], range: DayRange): SourcesAndChannels {
  const periodLeads = leads.rows.filter((row) => inRange(row.createdDay, range)).map((row) => row.lead);
  const periodClicks = clicks.rows.filter((_, i) => inRange(clicks.days[i] ?? Number.NaN, range));
  const perLink = computeLinkPerformance(links, periodLeads, periodClicks);
  const channels = new Map<string, ChannelRow>();
  const linkById = new Map(links.map((link) => [link.id, link]));
  for (const perf of perLink) {
    const link = linkById.get(perf.linkId);
    const channel = link?.utm_source ? `${link.utm_source}${link.utm_medium ? ` / ${link.utm_medium}` : ''}` : '(no UTM)';
    const row = channels.get(channel) ?? { channel, clicks: 0, leads: 0, conversions: 0 };
    row.clicks += perf.clicks;
    row.leads += perf.leads;
    row.conversions += perf.conversions;
    channels.set(channel, row);
  }
  return {
    sources: computeSourceBreakdown(periodLeads),
    links: perLink.sort((a, b) => b.leads - a.leads || b.clicks - a.clicks),
    channels: [...channels.values()].sort((a, b) => b.leads - a.leads || b.clicks - a.clicks),
  };
}

// ---------------------------------------------------------------------------------------------
// Cohorts

export const COHORT_MONTHS = 12;

export interface CohortRow {
  /** YYYY-MM the cohort's leads were created in. */
  month: string;
  leads: number;
  /** Share of the cohort won by the end of month offset i (0 = the creation month), cumulative; null for months not reached yet. */
  wonShare: (number | null)[];
}

export function cohorts(leads: LeadIndex, today: number, months = COHORT_MONTHS): CohortRow[] {
  const last = monthIndexOfDay(today);
  const first = last - months + 1;
  const sizes = new Array<number>(months).fill(0);
  const wonAt = Array.from({ length: months }, () => new Array<number>(months).fill(0));
  for (const row of leads.rows) {
    if (Number.isNaN(row.createdDay)) continue;
    const cohort = row.createdMonth - first;
    if (cohort < 0 || cohort >= months) continue;
    sizes[cohort] = (sizes[cohort] ?? 0) + 1;
    if (row.lead.stage !== 'won' || Number.isNaN(row.stageDay)) continue;
    const offset = Math.max(0, row.stageMonth - first - cohort);
    const counts = wonAt[cohort];
    if (counts && offset < months) counts[offset] = (counts[offset] ?? 0) + 1;
  }
  return sizes.map((size, cohort) => {
    const reachable = last - (first + cohort);
    let cumulative = 0;
    const wonShare = (wonAt[cohort] ?? []).map((count, offset) => {
      cumulative += count;
      if (offset > reachable) return null;
      return size ? cumulative / size : 0;
    });
    return { month: monthKeyOfIndex(first + cohort), leads: size, wonShare };
  });
}

// ---------------------------------------------------------------------------------------------
// Forecast

export const FORECAST_HORIZONS = [30, 60, 90] as const;
/** Below this many closed leads with history, per-stage rates are not learned. */
export const MIN_CLOSED_FOR_FORECAST = 5;
/** z for a two-sided 90% normal interval. */
const Z90 = 1.645;

export const FORECAST_METHOD =
  'For each stage, your win rate from that stage is learned from your closed leads that had reached it: (won + 1) ÷ (closed + 2), ' +
  'so a handful of leads never reads as a certain 0% or 100%. The days your won leads took from entering that stage to winning ' +
  'give the chance of a win within each horizon. Each open lead gets win rate × that chance; expected closes add those chances ' +
  'up and the range is a 90% interval (expected ± 1.645 standard deviations of independent win/lose outcomes). Commission is ' +
  'each chance × estimated value × your commission rate, per currency.';

export interface StageRate {
  stage: LeadStage;
  /** Closed leads that had reached this stage. */
  closed: number;
  won: number;
  /** (won + 1) ÷ (closed + 2): Laplace's rule of succession, so small counts stay away from 0 and 1. */
  winRate: number;
}

export interface ForecastRange {
  low: number;
  expected: number;
  high: number;
}

export interface HorizonForecast {
  days: number;
  closes: ForecastRange;
  /** Expected commission per currency, with its range. */
  commission: ({ currency: string } & ForecastRange)[];
}

export type Forecast =
  | { kind: 'ready'; openLeads: number; rates: StageRate[]; horizons: HorizonForecast[] }
  | { kind: 'not-enough-history'; closedLeads: number; needed: number };

function range(expected: number, variance: number, max: number): ForecastRange {
  const spread = Z90 * Math.sqrt(variance);
  return { low: Math.max(0, expected - spread), expected, high: Math.min(max, expected + spread) };
}

export function forecast(leads: LeadIndex, history: StageHistory, commissionRatePercent: number): Forecast {
  const closedByStage = [0, 0, 0, 0];
  const wonByStage = [0, 0, 0, 0];
  // Days from entering each stage to the win, per stage, for won leads.
  const winDays: number[][] = [[], [], [], []];
  let closedLeads = 0;
  const open: { stage: number; lead: AnalyticsLead }[] = [];
  const entered = [0, 0, 0, 0];
  for (const row of leads.rows) {
    const stage = row.lead.stage;
    if (stage !== 'won' && stage !== 'lost') {
      open.push({ stage: STAGE_RANK[stage], lead: row.lead });
      continue;
    }
    closedLeads += 1;
    let furthest = stage === 'won' ? 3 : 0;
    entered[0] = row.createdMs;
    entered[1] = entered[2] = entered[3] = Number.NaN;
    const entries = history.byLead.get(row.lead.id);
    if (entries) {
      for (const entry of entries) {
        const rank = STAGE_RANK[entry.stage];
        if (rank > furthest) furthest = Math.min(rank, 3);
        if (rank > 0 && rank < 4 && Number.isNaN(entered[rank] ?? 0)) entered[rank] = entry.at;
      }
    }
    const won = stage === 'won';
    const days = won ? winDays : null;
    for (let s = 0; s <= furthest; s += 1) {
      closedByStage[s] = (closedByStage[s] ?? 0) + 1;
      if (!days) continue;
      wonByStage[s] = (wonByStage[s] ?? 0) + 1;
      const start = entered[s] ?? Number.NaN;
      days[s]?.push((row.stageMs - (Number.isNaN(start) ? row.createdMs : start)) / DAY_MS);
    }
  }
  if (closedLeads < MIN_CLOSED_FOR_FORECAST) return { kind: 'not-enough-history', closedLeads, needed: MIN_CLOSED_FOR_FORECAST };
  const sortedWinDays = winDays.map((days) => Float64Array.from(days).sort());
  const rates: StageRate[] = OPEN_STAGES.map((stage, s) => {
    const closed = closedByStage[s] ?? 0;
    const won = wonByStage[s] ?? 0;
    return { stage, closed, won, winRate: (won + 1) / (closed + 2) };
  });
  const shareWithin = (s: number, days: number): number => {
    const sorted = sortedWinDays[s];
    if (!sorted || sorted.length === 0) return 0;
    let lo = 0;
    let hi = sorted.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if ((sorted[mid] ?? 0) <= days) lo = mid + 1;
      else hi = mid;
    }
    return lo / sorted.length;
  };
  const horizons = FORECAST_HORIZONS.map((days) => {
    let expected = 0;
    let variance = 0;
    const money = new Map<string, { expected: number; variance: number; max: number }>();
    for (const item of open) {
      const q = (rates[item.stage]?.winRate ?? 0) * shareWithin(item.stage, days);
      expected += q;
      variance += q * (1 - q);
      const value = item.lead.estimated_value;
      if (value === null || value === undefined || !item.lead.currency) continue;
      const commission = (value * commissionRatePercent) / 100;
      const entry = money.get(item.lead.currency) ?? { expected: 0, variance: 0, max: 0 };
      entry.expected += q * commission;
      entry.variance += q * (1 - q) * commission * commission;
      entry.max += commission;
      money.set(item.lead.currency, entry);
    }
    return {
      days,
      closes: range(expected, variance, open.length),
      commission: [...money]
        .map(([currency, entry]) => ({ currency, ...range(entry.expected, entry.variance, entry.max) }))
        .sort((a, b) => a.currency.localeCompare(b.currency)),
    };
  });
  return { kind: 'ready', openLeads: open.length, rates, horizons };
}

/**
 * The forecast the Analytics page shows, or null while the commission rate is unknown. The Elite
 * executive report calls this too (through forecastFromRows), so the PDF prints the page's numbers.
 */
export function forecastFor(leads: LeadIndex, history: StageHistory, commissionRatePercent: number | null): Forecast | null {
  return commissionRatePercent === null ? null : forecast(leads, history, commissionRatePercent);
}

/**
 * forecastFor from plain rows, for callers without an engine. The forecast reads instants only
 * (never local days), so the calendar's zone does not change it.
 */
export function forecastFromRows(leads: readonly AnalyticsLead[], activities: readonly AnalyticsActivity[], commissionRatePercent: number | null): Forecast | null {
  return forecastFor(indexLeads(leads, new LocalCalendar('UTC')), indexStageHistory(activities), commissionRatePercent);
}

/** Expected closes as both the page and the report print them. */
export function formatCloses(value: number): string {
  return value.toFixed(1);
}

// ---------------------------------------------------------------------------------------------
// Program comparison

export const COMPARISON_METRICS = ['leads', 'conversions', 'conversion_rate', 'earnings_gbp', 'avg_days_to_close'] as const;
export type ComparisonMetric = (typeof COMPARISON_METRICS)[number];

export const COMPARISON_LABELS: Record<ComparisonMetric, string> = {
  leads: 'Leads',
  conversions: 'Conversions',
  conversion_rate: 'Conversion rate',
  earnings_gbp: 'Earnings (GBP)',
  avg_days_to_close: 'Days to close',
};

/** The program's median and quartiles; quartiles are null in groups too small to publish them. */
export interface Quartiles {
  median: number;
  p25: number | null;
  p75: number | null;
}

/** A published program aggregate, already validated by its catalog body schema. */
export interface ProgramAggregate {
  tier: Tier;
  month: string;
  partners: number;
  metrics: Partial<Record<string, Quartiles | null>>;
}

export interface ComparisonRow {
  metric: ComparisonMetric;
  you: number | null;
  program: Quartiles;
  /** Where you sit against the middle half of partners in your tier, or the median when no quartiles are published. */
  position: 'below' | 'middle' | 'above' | 'below-median' | 'at-median' | 'above-median' | 'unknown';
}

/**
 * Your figures for one month (YYYY-MM) exactly as the server computes the program's: UTC months;
 * leads created in the month; conversions = leads won in the month; conversion_rate = the share of
 * the month's new leads that are won now (0 without leads); earnings_gbp = GBP commission lines
 * created in the month, reversed ones left out; avg_days_to_close = mean days created → won of the
 * month's wins (null without wins).
 */
export function monthFigures(leads: LeadIndex, earnings: EarningIndex, month: string): Record<ComparisonMetric, number | null> {
  const match = /^(\d{4})-(\d{2})$/.exec(month);
  if (!match) return { leads: null, conversions: null, conversion_rate: null, earnings_gbp: null, avg_days_to_close: null };
  const start = Date.UTC(Number(match[1]), Number(match[2]) - 1, 1);
  const end = Date.UTC(Number(match[1]), Number(match[2]), 1);
  let created = 0;
  let wonOfNew = 0;
  let conversions = 0;
  let closeDays = 0;
  for (const row of leads.rows) {
    const won = row.lead.stage === 'won';
    if (row.createdMs >= start && row.createdMs < end) {
      created += 1;
      if (won) wonOfNew += 1;
    }
    if (won && row.stageMs >= start && row.stageMs < end) {
      conversions += 1;
      closeDays += (row.stageMs - row.createdMs) / DAY_MS;
    }
  }
  let gbp = 0;
  for (const row of earnings.rows) if (row.currency === 'GBP' && row.ms >= start && row.ms < end) gbp += row.amount;
  return {
    leads: created,
    conversions,
    conversion_rate: created ? wonOfNew / created : 0,
    earnings_gbp: gbp,
    avg_days_to_close: conversions ? closeDays / conversions : null,
  };
}

function placeAgainst(value: number | null, program: Quartiles): ComparisonRow['position'] {
  if (value === null) return 'unknown';
  if (program.p25 === null || program.p75 === null) return value < program.median ? 'below-median' : value > program.median ? 'above-median' : 'at-median';
  return value < program.p25 ? 'below' : value > program.p75 ? 'above' : 'middle';
}

export function compareWithProgram(aggregate: ProgramAggregate, you: Record<ComparisonMetric, number | null>): ComparisonRow[] {
  return COMPARISON_METRICS.flatMap((metric) => {
    const program = aggregate.metrics[metric];
    if (!program) return [];
    const value = you[metric];
    return [{ metric, you: value, program, position: placeAgainst(value, program) }];
  });
}

/** The latest aggregate for a tier (months compare as text, YYYY-MM). */
export function latestAggregate(aggregates: readonly ProgramAggregate[], tier: Tier | null): ProgramAggregate | null {
  let best: ProgramAggregate | null = null;
  for (const aggregate of aggregates) {
    if (aggregate.tier !== tier || aggregate.partners < 5) continue;
    if (!best || aggregate.month > best.month) best = aggregate;
  }
  return best;
}

// ---------------------------------------------------------------------------------------------
// The whole page

export interface AnalyticsInput {
  leads: readonly AnalyticsLead[];
  earnings: readonly AnalyticsEarning[];
  clicks: readonly AnalyticsClick[];
  links: readonly AnalyticsLink[];
  activities: readonly AnalyticsActivity[];
  period: PeriodSelection;
  now: Date;
  timeZone: string;
  /** The partner's commission rate in percent, for the forecast; null when unknown. */
  commissionRate: number | null;
}

export interface AnalyticsResult {
  period: ResolvedPeriod;
  metrics: PeriodMetrics;
  previousMetrics: PeriodMetrics;
  weekly: TrendBucket[];
  monthly: TrendBucket[];
  funnel: FunnelStep[];
  timeInStage: StageTime[];
  sources: SourcesAndChannels;
  cohorts: CohortRow[];
  forecast: Forecast | null;
  /** The indexes, for month figures in the program comparison. */
  indexes: { leads: LeadIndex; earnings: EarningIndex; clicks: ClickIndex };
}

/**
 * A memoising engine: call `compute` whenever any input changes; indexes of unchanged arrays
 * (same identity) are reused, so one changed lead re-indexes only the leads.
 */
export function createAnalyticsEngine() {
  let calendar: LocalCalendar | null = null;
  let leadsIndex = memoOnIdentity((leads: readonly AnalyticsLead[]) => indexLeads(leads, calendarOrThrow()));
  let earningsIndex = memoOnIdentity((earnings: readonly AnalyticsEarning[]) => indexEarnings(earnings, calendarOrThrow()));
  const clicksIndex = memoOnIdentity(indexClicks);
  const historyIndex = memoOnIdentity(indexStageHistory);
  function calendarOrThrow(): LocalCalendar {
    if (!calendar) throw new Error('The analytics calendar is set before indexing.');
    return calendar;
  }

  function compute(input: AnalyticsInput): AnalyticsResult | null {
    if (!calendar || calendar.timeZone !== input.timeZone) {
      calendar = new LocalCalendar(input.timeZone);
      leadsIndex = memoOnIdentity((leads: readonly AnalyticsLead[]) => indexLeads(leads, calendarOrThrow()));
      earningsIndex = memoOnIdentity((earnings: readonly AnalyticsEarning[]) => indexEarnings(earnings, calendarOrThrow()));
    }
    const today = calendar.today(input.now);
    const period = resolvePeriod(input.period, today);
    if (!period) return null;
    const leads = leadsIndex(input.leads);
    const earnings = earningsIndex(input.earnings);
    const clicks = clicksIndex(input.clicks);
    const history = historyIndex(input.activities);
    return {
      period,
      metrics: periodMetrics(leads, earnings, clicks, period.current),
      previousMetrics: periodMetrics(leads, earnings, clicks, period.previous),
      weekly: weeklyTrend(leads, earnings, clicks, today),
      monthly: monthlyTrend(leads, earnings, clicks, today),
      funnel: stageFunnel(leads, history, period.current),
      timeInStage: timeInStage(leads, history),
      sources: sourcesAndChannels(leads, clicks, input.links, period.current),
      cohorts: cohorts(leads, today),
      forecast: forecastFor(leads, history, input.commissionRate),
      indexes: { leads, earnings, clicks },
    };
  }

  return { compute };
}
