/**
 * Deal registration rules the workstation shows: which state a lead's registration is in (from the
 * server's columns and the partner's queued request), the domains the server checks for channel
 * conflict, and the free-mail providers it ignores (the SQL keeps the same list, see
 * migration deal_registration; a unit test compares them).
 */

export const FREE_MAIL_DOMAINS: readonly string[] = [
  'gmail.com', 'googlemail.com', 'outlook.com', 'hotmail.com', 'hotmail.co.uk', 'live.com', 'msn.com',
  'yahoo.com', 'yahoo.co.uk', 'ymail.com', 'icloud.com', 'me.com', 'mac.com', 'aol.com', 'proton.me', 'protonmail.com',
  'gmx.com', 'gmx.de', 'gmx.net', 'web.de', 'mail.com', 'zoho.com', 'yandex.com', 'yandex.ru', 'mail.ru', 'qq.com',
  '163.com', 'fastmail.com', 'hey.com', 'tutanota.com',
];

const FREE_MAIL = new Set(FREE_MAIL_DOMAINS);

/** The host of a website as the server compares it: no scheme, "www.", port, path or case. */
export function websiteDomain(website: string | null | undefined): string | null {
  const host = (website ?? '')
    .trim()
    .toLowerCase()
    .replace(/^[a-z][a-z0-9+.-]*:\/\//, '')
    .replace(/^www\./, '')
    .replace(/[:/?#].*$/, '');
  return host === '' ? null : host;
}

/** The domain of a contact email, or null when there is none or it is a free-mail provider. */
export function companyEmailDomain(email: string | null | undefined): string | null {
  const value = (email ?? '').trim();
  const at = value.indexOf('@');
  if (at < 0) return null;
  const domain = value.slice(at + 1).split('@')[0]?.trim().toLowerCase() ?? '';
  return domain === '' || FREE_MAIL.has(domain) ? null : domain;
}

export function isFreeMailEmail(email: string | null | undefined): boolean {
  const value = (email ?? '').trim();
  const at = value.indexOf('@');
  return at >= 0 && FREE_MAIL.has(value.slice(at + 1).split('@')[0]?.trim().toLowerCase() ?? '');
}

/** The domains the server checks this lead by (website first), without repeats. */
export function registrationDomains(lead: { website?: string | null; email?: string | null }): string[] {
  const domains = [websiteDomain(lead.website), companyEmailDomain(lead.email)].filter((domain): domain is string => domain !== null);
  return [...new Set(domains)];
}

export interface RegistrationFields {
  registration_requested_at?: string | null;
  registration_status?: 'pending' | 'approved' | 'rejected' | 'conflict' | 'expired' | null;
  registration_decided_at?: string | null;
  registration_expires_at?: string | null;
  registration_reason?: string | null;
}

export type RegistrationState =
  | { kind: 'none' }
  | { kind: 'waiting' }
  | { kind: 'pending' }
  | { kind: 'approved'; expiresAt: string | null }
  | { kind: 'rejected'; reason: string }
  | { kind: 'conflict'; reason: string }
  | { kind: 'expired' };

const NO_REASON = 'SISO gave no reason. Contact SISO support to ask.';

/**
 * Where the lead's registration stands. A request the server has not answered yet is "waiting":
 * no status, or an earlier decision (rejected, conflict, expired) older than the new request —
 * the server stamps requests with its own clock, so its answer is never older than the request.
 */
export function registrationState(lead: RegistrationFields, now: Date = new Date()): RegistrationState {
  const requestedAt = lead.registration_requested_at ?? null;
  const status = lead.registration_status ?? null;
  if (!requestedAt) return { kind: 'none' };
  if (status === null) return { kind: 'waiting' };
  if (status === 'rejected' || status === 'conflict' || status === 'expired') {
    const decided = lead.registration_decided_at ? Date.parse(lead.registration_decided_at) : Number.NaN;
    if (Number.isNaN(decided) || decided < Date.parse(requestedAt)) return { kind: 'waiting' };
  }
  switch (status) {
    case 'pending':
      return { kind: 'pending' };
    case 'approved': {
      const expiresAt = lead.registration_expires_at ?? null;
      if (expiresAt && Date.parse(expiresAt) <= now.getTime()) return { kind: 'expired' };
      return { kind: 'approved', expiresAt };
    }
    case 'rejected':
      return { kind: 'rejected', reason: lead.registration_reason?.trim() || NO_REASON };
    case 'conflict':
      return { kind: 'conflict', reason: lead.registration_reason?.trim() || 'Another partner has already registered a deal with this company.' };
    case 'expired':
      return { kind: 'expired' };
  }
}

/** The sentence shown for a state; `formatDate` renders the approval's end date in the partner's words. */
export function registrationStatusText(state: RegistrationState, formatDate: (iso: string) => string): string {
  switch (state.kind) {
    case 'none':
      return 'Not registered';
    case 'waiting':
      return 'Registration requested — waiting to sync';
    case 'pending':
      return 'Pending SISO approval';
    case 'approved':
      return state.expiresAt ? `Approved — protected until ${formatDate(state.expiresAt)}` : 'Approved';
    case 'rejected':
      return `Rejected: ${state.reason}`;
    case 'conflict':
      return `Conflict: ${state.reason}`;
    case 'expired':
      return 'Expired';
  }
}

/** The short label on lead cards and list rows; null when there is nothing to show. */
export function registrationBadgeText(state: RegistrationState): string | null {
  switch (state.kind) {
    case 'none':
      return null;
    case 'waiting':
      return 'Registration requested';
    case 'pending':
      return 'Registration pending';
    case 'approved':
      return 'Registered';
    case 'rejected':
      return 'Registration rejected';
    case 'conflict':
      return 'Registration conflict';
    case 'expired':
      return 'Registration expired';
  }
}

/** Whether "Register deal" (or "Register again") may be sent for this state. */
export function canRequestRegistration(state: RegistrationState): boolean {
  return state.kind === 'none' || state.kind === 'rejected' || state.kind === 'conflict' || state.kind === 'expired';
}

export const DEFAULT_PROTECTION_DAYS = 90;
export const MAX_PROTECTION_DAYS = 730;

/** Reads an admin's entry for the protection period; a sentence when it is not a whole number of days in range. */
export function parseProtectionDays(input: string): { ok: true; days: number } | { ok: false; message: string } {
  const trimmed = input.trim();
  if (!/^\d+$/.test(trimmed)) return { ok: false, message: 'Enter the protection period as a whole number of days, e.g. 90.' };
  const days = Number(trimmed);
  if (days < 1 || days > MAX_PROTECTION_DAYS) return { ok: false, message: `The protection period must be between 1 and ${MAX_PROTECTION_DAYS} days.` };
  return { ok: true, days };
}
