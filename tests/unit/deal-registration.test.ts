import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  FREE_MAIL_DOMAINS,
  canRequestRegistration,
  companyEmailDomain,
  parseProtectionDays,
  registrationBadgeText,
  registrationDomains,
  registrationState,
  registrationStatusText,
  websiteDomain,
} from '../../sync/domain/deal-registration';

const MIGRATION = join(import.meta.dirname, '../../sync/supabase/migrations/20261201150000_deal_registration.sql');
const day = (iso: string) => iso.slice(0, 10);

describe('deal registration domains', () => {
  it('reduces a website to the host the server compares', () => {
    expect(websiteDomain('https://www.Northwind-Example.com/about?x=1')).toBe('northwind-example.com');
    expect(websiteDomain('northwind-example.com:8080')).toBe('northwind-example.com');
    expect(websiteDomain('  HTTP://shop.łódź.example/  ')).toBe('shop.łódź.example');
    expect(websiteDomain('')).toBeNull();
    expect(websiteDomain(null)).toBeNull();
  });

  it('uses the contact email domain unless it is a free-mail provider', () => {
    expect(companyEmailDomain('Ana@Contoso.Example')).toBe('contoso.example');
    expect(companyEmailDomain('ana@gmail.com')).toBeNull();
    expect(companyEmailDomain('not an email')).toBeNull();
    expect(registrationDomains({ website: 'https://contoso.example', email: 'ana@contoso.example' })).toEqual(['contoso.example']);
    expect(registrationDomains({ website: null, email: 'ana@outlook.com' })).toEqual([]);
  });

  it('keeps the same free-mail list as the SQL conflict check', () => {
    const sql = readFileSync(MIGRATION, 'utf8');
    const body = /"free_mail_domains"\(\)[\s\S]*?array\[([\s\S]*?)\]/.exec(sql)?.[1] ?? '';
    const sqlDomains = [...body.matchAll(/'([^']+)'/g)].map((match) => match[1]);
    expect(sqlDomains.length).toBeGreaterThan(10);
    expect([...sqlDomains].sort()).toEqual([...FREE_MAIL_DOMAINS].sort());
  });
});

describe('deal registration state', () => {
  const now = new Date('2026-12-01T12:00:00.000Z');

  it('is waiting while a request has no answer from the server, including a new request after a decision', () => {
    expect(registrationState({}, now)).toEqual({ kind: 'none' });
    expect(registrationState({ registration_requested_at: '2026-12-01T10:00:00.000Z' }, now)).toEqual({ kind: 'waiting' });
    const rejected = { registration_status: 'rejected' as const, registration_decided_at: '2026-11-20T10:00:00.000Z', registration_reason: 'Duplicate of an existing client.' };
    expect(registrationState({ ...rejected, registration_requested_at: '2026-11-19T10:00:00.000Z' }, now)).toEqual({ kind: 'rejected', reason: 'Duplicate of an existing client.' });
    expect(registrationState({ ...rejected, registration_requested_at: '2026-12-01T10:00:00.000Z' }, now)).toEqual({ kind: 'waiting' });
  });

  it('says each state in words', () => {
    const format = (iso: string) => day(iso);
    const text = (fields: Parameters<typeof registrationState>[0]) => registrationStatusText(registrationState(fields, now), format);
    const requested = '2026-11-01T10:00:00.000Z';
    const decided = '2026-11-02T10:00:00.000Z';
    expect(text({ registration_requested_at: requested, registration_status: 'pending' })).toBe('Pending SISO approval');
    expect(text({ registration_requested_at: requested, registration_status: 'approved', registration_decided_at: decided, registration_expires_at: '2027-03-01T10:00:00.000Z' }))
      .toBe('Approved — protected until 2027-03-01');
    expect(text({ registration_requested_at: requested, registration_status: 'rejected', registration_decided_at: decided, registration_reason: 'Not a fit.' })).toBe('Rejected: Not a fit.');
    expect(text({ registration_requested_at: requested, registration_status: 'conflict', registration_decided_at: decided, registration_reason: 'Another partner has already registered a deal with x.example.' }))
      .toBe('Conflict: Another partner has already registered a deal with x.example.');
    expect(text({ registration_requested_at: requested, registration_status: 'expired', registration_decided_at: decided })).toBe('Expired');
    expect(text({ registration_requested_at: requested })).toBe('Registration requested — waiting to sync');
  });

  it('counts an approval past its end as expired before the server job marks it', () => {
    const state = registrationState({ registration_requested_at: '2026-08-01T10:00:00.000Z', registration_status: 'approved', registration_expires_at: '2026-11-30T10:00:00.000Z' }, now);
    expect(state).toEqual({ kind: 'expired' });
    expect(canRequestRegistration(state)).toBe(true);
    expect(registrationBadgeText(state)).toBe('Registration expired');
  });

  it('lets a partner register again only after rejection, conflict or expiry', () => {
    expect(canRequestRegistration({ kind: 'none' })).toBe(true);
    expect(canRequestRegistration({ kind: 'waiting' })).toBe(false);
    expect(canRequestRegistration({ kind: 'pending' })).toBe(false);
    expect(canRequestRegistration({ kind: 'approved', expiresAt: null })).toBe(false);
    expect(canRequestRegistration({ kind: 'rejected', reason: 'x' })).toBe(true);
    expect(canRequestRegistration({ kind: 'conflict', reason: 'x' })).toBe(true);
    expect(registrationBadgeText({ kind: 'none' })).toBeNull();
  });

  it('reads the protection period as whole days between 1 and 730', () => {
    expect(parseProtectionDays(' 120 ')).toEqual({ ok: true, days: 120 });
    expect(parseProtectionDays('0')).toMatchObject({ ok: false });
    expect(parseProtectionDays('731')).toMatchObject({ ok: false });
    expect(parseProtectionDays('9.5')).toEqual({ ok: false, message: 'Enter the protection period as a whole number of days, e.g. 90.' });
  });
});
