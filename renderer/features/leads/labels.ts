/**
 * How lead activity reads on screen: activity names and times. Stage and source names are
 * sync/domain/leads.ts (STAGE_LABELS, SOURCE_LABELS); money is renderer/ui/format.ts.
 */
import type { ActivityKind } from '../../../sync/schema/activities.schema';

export const ACTIVITY_LABELS: Record<ActivityKind, string> = {
  call: 'Call',
  email: 'Email',
  meeting: 'Meeting',
  note: 'Note',
  stage_change: 'Stage change',
  proposal_created: 'Proposal created',
  asset_download: 'Asset downloaded',
  asset_customised: 'Asset customised',
  article_feedback: 'Article feedback',
  proposal_signed: 'Proposal signed',
};

const RELATIVE_STEPS: [Intl.RelativeTimeFormatUnit, number][] = [
  ['year', 365 * 24 * 3600],
  ['month', 30 * 24 * 3600],
  ['week', 7 * 24 * 3600],
  ['day', 24 * 3600],
  ['hour', 3600],
  ['minute', 60],
];

// One formatter each for the page's lifetime: a long list formats a time per visible row.
const relative = new Intl.RelativeTimeFormat(undefined, { numeric: 'auto' });
const dateTime = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'short' });

/** "3 hours ago", "yesterday"; "just now" under a minute. */
export function formatRelativeTime(iso: string, now: Date = new Date()): string {
  const seconds = (Date.parse(iso) - now.getTime()) / 1000;
  if (Number.isNaN(seconds)) return 'unknown time';
  const format = relative;
  for (const [unit, size] of RELATIVE_STEPS) {
    if (Math.abs(seconds) >= size) return format.format(Math.round(seconds / size), unit);
  }
  return 'just now';
}

export function formatDateTime(iso: string): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  return dateTime.format(date);
}
