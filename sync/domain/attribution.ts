/**
 * Attribution analytics from the local store: per-link performance, where leads come from, the
 * referral funnel, won value per channel and weekly trends. Pure. A lead counts for a link
 * through its `referral_link_id`; a conversion is a won lead. Money is never summed across
 * currencies.
 */
import { LEAD_SOURCES, type LeadSource, type LeadStage } from '../schema/leads.schema';
import { parseInstant, zonedParts } from './zoned-time';

export interface AttributionLead {
  source: LeadSource;
  stage: LeadStage;
  referral_link_id?: string | null;
  estimated_value?: number | null;
  currency?: string | null;
  created_at: string;
}

export interface AttributionClickRow {
  referral_link_id: string;
  /** Local calendar date, YYYY-MM-DD. */
  day: string;
  clicks: number;
}

export interface AttributionLink {
  id: string;
  name: string;
}

export const QUALIFIED_OR_LATER: readonly LeadStage[] = ['qualified', 'proposal', 'won'];
const WON: LeadStage = 'won';

export interface LinkPerformance {
  linkId: string;
  name: string;
  clicks: number;
  /** Leads whose referral_link_id is this link, in any stage. */
  leads: number;
  /** Won leads attributed to this link. */
  conversions: number;
  /** conversions ÷ clicks; null when the link has no clicks yet. */
  conversionRate: number | null;
}

export function computeLinkPerformance(
  links: readonly AttributionLink[],
  leads: readonly AttributionLead[],
  clicks: readonly AttributionClickRow[],
): LinkPerformance[] {
  const rows = new Map<string, LinkPerformance>(
    links.map((link) => [link.id, { linkId: link.id, name: link.name, clicks: 0, leads: 0, conversions: 0, conversionRate: null }]),
  );
  for (const row of clicks) {
    const perf = rows.get(row.referral_link_id);
    if (perf) perf.clicks += row.clicks;
  }
  for (const lead of leads) {
    const perf = lead.referral_link_id ? rows.get(lead.referral_link_id) : undefined;
    if (!perf) continue;
    perf.leads += 1;
    if (lead.stage === WON) perf.conversions += 1;
  }
  return [...rows.values()].map((perf) => ({
    ...perf,
    conversionRate: perf.clicks > 0 ? perf.conversions / perf.clicks : null,
  }));
}

export interface SourceCount {
  source: LeadSource;
  leads: number;
}

/** Leads per source, every source listed in the schema's order (zero where none). */
export function computeSourceBreakdown(leads: readonly AttributionLead[]): SourceCount[] {
  const counts = new Map<LeadSource, number>(LEAD_SOURCES.map((source) => [source, 0]));
  for (const lead of leads) counts.set(lead.source, (counts.get(lead.source) ?? 0) + 1);
  return LEAD_SOURCES.map((source) => ({ source, leads: counts.get(source) ?? 0 }));
}

export interface ReferralFunnel {
  clicks: number;
  /** Leads attributed to one of the partner's links. */
  leads: number;
  qualified: number;
  won: number;
}

/** Clicks on the partner's links → leads from them → qualified or later → won. */
export function computeReferralFunnel(
  links: readonly AttributionLink[],
  leads: readonly AttributionLead[],
  clicks: readonly AttributionClickRow[],
): ReferralFunnel {
  const linkIds = new Set(links.map((link) => link.id));
  const attributed = leads.filter((lead) => lead.referral_link_id && linkIds.has(lead.referral_link_id));
  return {
    clicks: clicks.filter((row) => linkIds.has(row.referral_link_id)).reduce((sum, row) => sum + row.clicks, 0),
    leads: attributed.length,
    qualified: attributed.filter((lead) => QUALIFIED_OR_LATER.includes(lead.stage)).length,
    won: attributed.filter((lead) => lead.stage === WON).length,
  };
}

export interface ChannelValue {
  source: LeadSource;
  currency: string;
  /** Sum of won leads' estimated value in this currency. */
  value: number;
  wonLeads: number;
}

export interface ValuePerChannel {
  rows: ChannelValue[];
  /** Won leads without an estimated value or currency, so not in any row. */
  wonWithoutValue: number;
}

/** Won value per source, one row per source and currency; sorted by currency, then value. */
export function computeValuePerChannel(leads: readonly AttributionLead[]): ValuePerChannel {
  const rows = new Map<string, ChannelValue>();
  let wonWithoutValue = 0;
  for (const lead of leads) {
    if (lead.stage !== WON) continue;
    if (lead.estimated_value === null || lead.estimated_value === undefined || !lead.currency) {
      wonWithoutValue += 1;
      continue;
    }
    const key = `${lead.source}|${lead.currency}`;
    const row = rows.get(key) ?? { source: lead.source, currency: lead.currency, value: 0, wonLeads: 0 };
    row.value += lead.estimated_value;
    row.wonLeads += 1;
    rows.set(key, row);
  }
  const sorted = [...rows.values()].sort((a, b) => a.currency.localeCompare(b.currency) || b.value - a.value || a.source.localeCompare(b.source));
  return { rows: sorted, wonWithoutValue };
}

export const TREND_WEEKS = 12;

export interface WeekTrend {
  /** Monday of the week, YYYY-MM-DD (local calendar). */
  weekStart: string;
  leads: number;
  clicks: number;
}

const DAY_MS = 86_400_000;

/** Days since 1970-01-01 for a calendar date, independent of any time zone. */
function dayNumber(date: string): number | null {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date);
  if (!match) return null;
  return Math.floor(Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3])) / DAY_MS);
}

function dateOfDayNumber(day: number): string {
  return new Date(day * DAY_MS).toISOString().slice(0, 10);
}

function localDate(instant: Date, timeZone: string): string {
  const parts = zonedParts(instant, timeZone);
  return `${parts.year}-${String(parts.month).padStart(2, '0')}-${String(parts.day).padStart(2, '0')}`;
}

/** 1970-01-01 was a Thursday; Monday-based weeks start 3 days before it. */
function mondayOf(day: number): number {
  return day - ((day + 3) % 7);
}

/** Leads created and link clicks per week (Monday start) for the last 12 weeks, oldest first, this week included. */
export function computeWeeklyTrend(
  leads: readonly AttributionLead[],
  clicks: readonly AttributionClickRow[],
  now: Date,
  timeZone: string,
  weeks: number = TREND_WEEKS,
): WeekTrend[] {
  const today = dayNumber(localDate(now, timeZone));
  if (today === null) return [];
  const thisWeek = mondayOf(today);
  const first = thisWeek - (weeks - 1) * 7;
  const rows: WeekTrend[] = Array.from({ length: weeks }, (_, index) => ({
    weekStart: dateOfDayNumber(first + index * 7),
    leads: 0,
    clicks: 0,
  }));
  const slot = (day: number | null): WeekTrend | undefined => {
    if (day === null || day > today) return undefined;
    const index = Math.floor((mondayOf(day) - first) / 7);
    return index >= 0 ? rows[index] : undefined;
  };
  for (const lead of leads) {
    const created = parseInstant(lead.created_at);
    const row = created ? slot(dayNumber(localDate(created, timeZone))) : undefined;
    if (row) row.leads += 1;
  }
  for (const click of clicks) {
    const row = slot(dayNumber(click.day));
    if (row) row.clicks += click.clicks;
  }
  return rows;
}
