/** How lead values read on screen: stage, source and activity names, money and times. */
import type { ActivityKind } from '../../../sync/schema/activities.schema';
import type { LeadSource, LeadStage } from '../../../sync/schema/leads.schema';

export const STAGE_LABELS: Record<LeadStage, string> = {
  new: 'New',
  contacted: 'Contacted',
  qualified: 'Qualified',
  proposal: 'Proposal',
  won: 'Won',
  lost: 'Lost',
};

export const SOURCE_LABELS: Record<LeadSource, string> = {
  referral_link: 'Referral link',
  website: 'Website',
  event: 'Event',
  cold_outreach: 'Cold outreach',
  partner_network: 'Partner network',
  other: 'Other',
};

export const ACTIVITY_LABELS: Record<ActivityKind, string> = {
  call: 'Call',
  email: 'Email',
  meeting: 'Meeting',
  note: 'Note',
  stage_change: 'Stage change',
  proposal_created: 'Proposal created',
  asset_download: 'Asset downloaded',
  asset_customised: 'Asset customised',
};

export function stageLabel(stage: LeadStage): string {
  return STAGE_LABELS[stage];
}

export function formatMoney(amount: number, currency: string | null): string {
  const fractionDigits = Number.isInteger(amount) ? 0 : 2;
  if (!currency) {
    return `${new Intl.NumberFormat(undefined, { minimumFractionDigits: fractionDigits, maximumFractionDigits: 2 }).format(amount)} (no currency)`;
  }
  try {
    return new Intl.NumberFormat(undefined, {
      style: 'currency',
      currency,
      minimumFractionDigits: fractionDigits,
      maximumFractionDigits: 2,
    }).format(amount);
  } catch {
    return `${amount.toFixed(fractionDigits)} ${currency}`;
  }
}

const RELATIVE_STEPS: [Intl.RelativeTimeFormatUnit, number][] = [
  ['year', 365 * 24 * 3600],
  ['month', 30 * 24 * 3600],
  ['week', 7 * 24 * 3600],
  ['day', 24 * 3600],
  ['hour', 3600],
  ['minute', 60],
];

/** "3 hours ago", "yesterday"; "just now" under a minute. */
export function formatRelativeTime(iso: string, now: Date = new Date()): string {
  const seconds = (Date.parse(iso) - now.getTime()) / 1000;
  if (Number.isNaN(seconds)) return 'unknown time';
  const format = new Intl.RelativeTimeFormat(undefined, { numeric: 'auto' });
  for (const [unit, size] of RELATIVE_STEPS) {
    if (Math.abs(seconds) >= size) return format.format(Math.round(seconds / size), unit);
  }
  return 'just now';
}

export function formatDateTime(iso: string): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  return new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'short' }).format(date);
}

export function pluralDays(days: number): string {
  return days === 1 ? '1 day' : `${days} days`;
}
