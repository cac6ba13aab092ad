import { describe, expect, it } from 'vitest';
import {
  RENEWAL_NOTICE_DAYS,
  certificateFileName,
  certificateStanding,
  linkedInAddCertificationUrl,
  retakeDecision,
  tracksByLevel,
  verificationUrl,
} from '../../sync/domain/certifications';
import { checkExternalUrl } from '../../sync/domain/url-policy';

const now = new Date('2026-12-01T12:00:00Z');

describe('retakeDecision', () => {
  it('allows a first attempt', () => {
    expect(retakeDecision([], 24, now)).toEqual({ allowed: true });
  });

  it('blocks a retake until the cooldown after the latest failure has passed', () => {
    const attempts = [
      { status: 'failed', created_at: '2026-11-29T10:00:00Z', completed_at: '2026-11-29T10:00:05Z' },
      { status: 'failed', created_at: '2026-12-01T02:00:00Z', completed_at: '2026-12-01T02:00:05Z' },
    ];
    expect(retakeDecision(attempts, 24, now)).toEqual({ allowed: false, reason: 'cooldown', retakeAt: new Date('2026-12-02T02:00:05Z') });
    expect(retakeDecision(attempts, 24, new Date('2026-12-02T02:00:05Z'))).toEqual({ allowed: true });
    expect(retakeDecision(attempts, 0, now)).toEqual({ allowed: true });
  });

  it('uses created_at when a failed attempt has no completion time', () => {
    const decision = retakeDecision([{ status: 'failed', created_at: '2026-12-01T11:00:00Z' }], 2, now);
    expect(decision).toEqual({ allowed: false, reason: 'cooldown', retakeAt: new Date('2026-12-01T13:00:00Z') });
  });

  it('blocks while an attempt waits to be graded and after a pass', () => {
    expect(retakeDecision([{ status: 'submitted', created_at: '2026-12-01T11:00:00Z' }], 24, now)).toEqual({ allowed: false, reason: 'pending' });
    expect(retakeDecision([{ status: 'failed', created_at: '2026-11-01T11:00:00Z' }, { status: 'passed', created_at: '2026-11-05T11:00:00Z' }], 24, now)).toEqual({ allowed: false, reason: 'passed' });
  });

  it('lets a passed partner retake to renew, still within the failure cooldown', () => {
    const passed = { status: 'passed', created_at: '2025-12-05T11:00:00Z' };
    expect(retakeDecision([passed], 24, now, true)).toEqual({ allowed: true });
    const failedRenewal = { status: 'failed', created_at: '2026-12-01T10:00:00Z', completed_at: '2026-12-01T10:00:00Z' };
    expect(retakeDecision([failedRenewal, passed], 24, now, true)).toEqual({ allowed: false, reason: 'cooldown', retakeAt: new Date('2026-12-02T10:00:00Z') });
  });
});

describe('certificateStanding', () => {
  it('is valid with more than the notice period left', () => {
    expect(certificateStanding('2027-12-01T12:00:00Z', now)).toEqual({ state: 'valid', daysLeft: 365 });
  });

  it('asks for renewal within the notice period, on its last day too', () => {
    expect(certificateStanding('2026-12-31T12:00:00Z', now)).toEqual({ state: 'renew-soon', daysLeft: RENEWAL_NOTICE_DAYS });
    expect(certificateStanding('2026-12-31T12:00:01Z', now)).toEqual({ state: 'valid', daysLeft: 31 });
    expect(certificateStanding('2026-12-01T12:00:01Z', now)).toEqual({ state: 'renew-soon', daysLeft: 1 });
  });

  it('is expired at and after the expiry instant, and has no expiry without a date', () => {
    expect(certificateStanding('2026-12-01T12:00:00Z', now)).toEqual({ state: 'expired' });
    expect(certificateStanding('2025-01-01T00:00:00Z', now)).toEqual({ state: 'expired' });
    expect(certificateStanding(null, now)).toEqual({ state: 'no-expiry' });
    expect(certificateStanding('not a date', now)).toEqual({ state: 'no-expiry' });
  });
});

describe('tracksByLevel', () => {
  it('puts each course in the level of the tier it requires', () => {
    const levels = tracksByLevel([
      { id: 'c1', title: 'Sales Fundamentals', track: 'Sales', tierRequired: 'starter' },
      { id: 'c2', title: 'Marketing Strategies', track: 'Marketing', tierRequired: 'active' },
      { id: 'c3', title: 'Technical Basics', track: 'Technical', tierRequired: 'performer' },
      { id: 'c4', title: 'Advanced Techniques', track: 'Enterprise Sales', tierRequired: 'elite' },
      { id: 'c5', title: 'Platform', track: 'Platform', tierRequired: null },
    ]);
    expect(levels.map((level) => [level.id, level.courses.map((course) => course.id)])).toEqual([
      ['basic', ['c1', 'c5']],
      ['advanced', ['c2']],
      ['specialist', ['c3']],
      ['master', ['c4']],
    ]);
  });
});

describe('LinkedIn add-certification link', () => {
  const url = linkedInAddCertificationUrl({ name: 'SISO Sales certification — Zoë & Łukasz', issuedAt: '2026-03-15T10:00:00Z', verificationCode: 'AB12CD34EF56' });

  it('fills in the name, organisation, issue month, id and verify URL', () => {
    const parsed = new URL(url);
    expect(parsed.origin + parsed.pathname).toBe('https://www.linkedin.com/profile/add');
    expect(Object.fromEntries(parsed.searchParams)).toEqual({
      startTask: 'CERTIFICATION_NAME',
      name: 'SISO Sales certification — Zoë & Łukasz',
      organizationName: 'SISO',
      issueYear: '2026',
      issueMonth: '3',
      certId: 'AB12CD34EF56',
      certUrl: 'https://siso.agency/verify/AB12CD34EF56',
    });
  });

  it('is a link the one URL policy opens', () => {
    expect(checkExternalUrl(url).allowed).toBe(true);
    expect(checkExternalUrl(verificationUrl('AB12CD34EF56')).allowed).toBe(true);
  });
});

describe('certificateFileName', () => {
  it('makes a safe file name from the track and code', () => {
    expect(certificateFileName('Enterprise Sales', 'AB12')).toBe('siso-enterprise-sales-certificate-AB12.pdf');
    expect(certificateFileName('Ελληνικά', 'AB12')).toBe('siso-certificate-certificate-AB12.pdf');
  });
});
