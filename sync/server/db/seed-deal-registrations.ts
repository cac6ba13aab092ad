/**
 * The seed's deal registrations: every lead gets a website from its company, and a few carry a
 * registration — the Performer partner holds an approved one for northwind-example.com, which the
 * Active partner's Northwind lead conflicts with when registered; an Elite registration waits for
 * SISO.
 */
import type { SeedTier } from './seed-accounts';

const DAY = 24 * 3600 * 1000;

export const NORTHWIND_DOMAIN = 'northwind-example.com';

interface SeededRegistration {
  status: 'pending' | 'approved';
  requestedDaysAgo: number;
  /** Days until the protection ends, for approved registrations. */
  expiresInDays?: number;
}

/** Leads that stand for Northwind Traders, by tier and lead index. */
const NORTHWIND_LEADS: Partial<Record<SeedTier, number>> = { performer: 0, active: 2 };

const REGISTRATIONS: Partial<Record<SeedTier, Record<number, SeededRegistration>>> = {
  performer: { 0: { status: 'approved', requestedDaysAgo: 20, expiresInDays: 70 } },
  elite: { 1: { status: 'pending', requestedDaysAgo: 2 } },
};

export interface SeededLeadRegistration {
  company: string | null;
  emailDomain: string | null;
  columns: {
    website: string;
    registration_requested_at: string | null;
    registration_status: string | null;
    registration_decided_at: string | null;
    registration_expires_at: string | null;
    registration_reason: null;
  };
}

/** The company override (Northwind) and the registration columns of a seeded lead. */
export function seededLeadRegistration(tier: SeedTier, index: number, companySlug: string, now: number): SeededLeadRegistration {
  const northwind = NORTHWIND_LEADS[tier] === index;
  const registration = REGISTRATIONS[tier]?.[index];
  const iso = (at: number) => new Date(at).toISOString();
  const requestedAt = registration ? now - registration.requestedDaysAgo * DAY : null;
  return {
    company: northwind ? 'Northwind Traders' : null,
    emailDomain: northwind ? NORTHWIND_DOMAIN : null,
    columns: {
      website: northwind ? (tier === 'active' ? `https://www.${NORTHWIND_DOMAIN}/` : `https://${NORTHWIND_DOMAIN}`) : `https://www.${companySlug}.example`,
      registration_requested_at: requestedAt === null ? null : iso(requestedAt),
      registration_status: registration?.status ?? null,
      registration_decided_at: registration?.status === 'approved' && requestedAt !== null ? iso(requestedAt + DAY) : null,
      registration_expires_at: registration?.expiresInDays === undefined ? null : iso(now + registration.expiresInDays * DAY),
      registration_reason: null,
    },
  };
}
