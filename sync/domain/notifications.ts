/**
 * The notification center's rules: which type a notification kind belongs to, how the partner
 * wants each type delivered (desktop, in-app or off), quiet hours, and the by-day grouping.
 */
import { z } from 'zod';
import { zonedParts, zonedMidnight, DAY_MS } from './zoned-time';

/** Preference types, in the order the preferences form lists them. */
export const NOTIFICATION_TYPES = ['tier', 'assets', 'commissions', 'payouts', 'support', 'training', 'reminders', 'agreement', 'program'] as const;
export type NotificationType = (typeof NOTIFICATION_TYPES)[number];

export const NOTIFICATION_TYPE_LABELS: Record<NotificationType, string> = {
  tier: 'Tier changes',
  assets: 'New and updated assets',
  commissions: 'Commissions',
  payouts: 'Payouts',
  support: 'Support replies',
  training: 'Certifications and training',
  reminders: 'Lead reminders',
  agreement: 'Partner agreement updates',
  program: 'Programme news',
};

/** The `kind` values the server and the seed write, by type; anything else is programme news. */
const KIND_TYPES: Record<string, NotificationType> = {
  tier_change: 'tier',
  asset_update: 'assets',
  commission: 'commissions',
  commission_approved: 'commissions',
  commission_paid: 'commissions',
  clawback: 'commissions',
  payout: 'payouts',
  ticket_reply: 'support',
  certification_expiring: 'training',
  certification_issued: 'training',
  reminder: 'reminders',
  deal_registration: 'reminders',
  proposal_discount: 'reminders',
  agreement_update: 'agreement',
};

export function notificationType(kind: string): NotificationType {
  return KIND_TYPES[kind] ?? 'program';
}

export const DELIVERIES = ['desktop', 'in_app', 'off'] as const;
export type Delivery = (typeof DELIVERIES)[number];
export const DELIVERY_LABELS: Record<Delivery, string> = { desktop: 'Desktop and in-app', in_app: 'In-app only', off: 'Off' };

export const DEFAULT_DELIVERY: Record<NotificationType, Delivery> = {
  tier: 'desktop',
  assets: 'in_app',
  commissions: 'desktop',
  payouts: 'desktop',
  support: 'desktop',
  training: 'in_app',
  reminders: 'desktop',
  agreement: 'desktop',
  program: 'in_app',
};

/** `profiles.notification_prefs` (JSON text): only the types the partner changed. */
export const notificationPrefsSchema = z.partialRecord(z.enum(NOTIFICATION_TYPES), z.enum(DELIVERIES));
export type NotificationPrefs = z.infer<typeof notificationPrefsSchema>;

/** Reads the stored preferences; anything unreadable counts as the defaults rather than failing. */
export function parseNotificationPrefs(raw: string | null | undefined): NotificationPrefs {
  if (!raw) return {};
  try {
    const parsed = notificationPrefsSchema.safeParse(JSON.parse(raw));
    return parsed.success ? parsed.data : {};
  } catch {
    return {};
  }
}

export function deliveryFor(type: NotificationType, prefs: NotificationPrefs): Delivery {
  return prefs[type] ?? DEFAULT_DELIVERY[type];
}

/** The same HH:MM rule as profiles.quiet_hours_*. */
export const clockTime = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'Use a 24-hour time such as 22:00.');

export interface QuietHours {
  start: string;
  end: string;
}

/** Quiet hours from the profile's two columns; none unless both are set and differ. */
export function quietHoursFrom(start: string | null | undefined, end: string | null | undefined): QuietHours | null {
  if (!start || !end || start === end) return null;
  if (!clockTime.safeParse(start).success || !clockTime.safeParse(end).success) return null;
  return { start, end };
}

const minutesOf = (time: string) => Number(time.slice(0, 2)) * 60 + Number(time.slice(3, 5));

/** Whether `instant` falls in the quiet hours in the partner's time zone; the range may span midnight. */
export function inQuietHours(instant: Date, quiet: QuietHours | null, timeZone: string): boolean {
  if (!quiet) return false;
  const parts = zonedParts(instant, timeZone);
  const now = parts.hour * 60 + parts.minute;
  const start = minutesOf(quiet.start);
  const end = minutesOf(quiet.end);
  return start < end ? now >= start && now < end : now >= start || now < end;
}

/** How one notification arriving now is delivered: desktop becomes in-app during quiet hours. */
export function deliveryNow(kind: string, prefs: NotificationPrefs, quiet: QuietHours | null, now: Date, timeZone: string): Delivery {
  const delivery = deliveryFor(notificationType(kind), prefs);
  return delivery === 'desktop' && inQuietHours(now, quiet, timeZone) ? 'in_app' : delivery;
}

/** Whether a notification shows in the center at all: a type turned off is hidden and not counted. */
export function isShown(kind: string, prefs: NotificationPrefs): boolean {
  return deliveryFor(notificationType(kind), prefs) !== 'off';
}

export interface DayGroup<T> {
  /** 'Today', 'Yesterday' or the date, e.g. 'Monday, 30 November 2026'. */
  label: string;
  /** yyyy-mm-dd in the partner's time zone. */
  day: string;
  items: T[];
}

/** Groups items (newest first) by calendar day in the partner's time zone. */
export function groupByDay<T extends { created_at: string }>(items: readonly T[], now: Date, timeZone: string, locale?: string): DayGroup<T>[] {
  const today = zonedParts(now, timeZone);
  const todayStart = zonedMidnight(today.year, today.month, today.day, timeZone).getTime();
  const sorted = [...items].sort((a, b) => b.created_at.localeCompare(a.created_at));
  const groups: DayGroup<T>[] = [];
  for (const item of sorted) {
    const at = new Date(item.created_at);
    const parts = zonedParts(at, timeZone);
    const day = `${parts.year}-${String(parts.month).padStart(2, '0')}-${String(parts.day).padStart(2, '0')}`;
    let group = groups[groups.length - 1];
    if (!group || group.day !== day) {
      const dayStart = zonedMidnight(parts.year, parts.month, parts.day, timeZone).getTime();
      const label =
        dayStart === todayStart
          ? 'Today'
          : Math.round((todayStart - dayStart) / DAY_MS) === 1
            ? 'Yesterday'
            : new Intl.DateTimeFormat(locale, { weekday: 'long', day: 'numeric', month: 'long', year: 'numeric', timeZone }).format(at);
      group = { label, day, items: [] };
      groups.push(group);
    }
    group.items.push(item);
  }
  return groups;
}
