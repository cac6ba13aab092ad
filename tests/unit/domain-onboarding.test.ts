/** Onboarding rules: where to resume, the checklist by tier, the stored checklist and the latest agreement. */
import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import {
  PAYOUT_LATER_MARK,
  agreementOutdated,
  agreementParagraphs,
  checklistForTier,
  latestAgreement,
  parseChecklist,
  resumeStep,
  toggleChecklistItem,
} from '../../sync/domain/onboarding';
import { screenForPath } from '../../sync/domain/screens';

const sha = (text: string) => createHash('sha256').update(text).digest('hex');
const row = (id: string, version: number, extra: Record<string, unknown> = {}) => ({
  id, title: 'Partner agreement', published: true,
  body: { version, text: `Version ${version}.\n\nTerms.`, sha256: sha(`Version ${version}.\n\nTerms.`), changes: '', effective_from: '2026-12-01', ...extra },
});

describe('resumeStep', () => {
  it('resumes at the first unfinished step, the agreement counting only when the latest is accepted', () => {
    expect(resumeStep({ stepReached: 0, agreementCurrent: false, completed: false })).toBe('welcome');
    expect(resumeStep({ stepReached: 2, agreementCurrent: false, completed: false })).toBe('agreement');
    expect(resumeStep({ stepReached: 2, agreementCurrent: true, completed: false })).toBe('payout');
    // A finished partner asked to accept a new version lands on the agreement.
    expect(resumeStep({ stepReached: 6, agreementCurrent: false, completed: true })).toBe('agreement');
    expect(resumeStep({ stepReached: 6, agreementCurrent: true, completed: true })).toBe('finish');
  });
});

describe('checklistForTier', () => {
  it('gives every tier the Starter basics plus its own items, each linking to a real screen', () => {
    const starter = checklistForTier('starter').map((item) => item.id);
    expect(starter).toEqual(['basic-training', 'first-referral-guide', 'referral-link']);
    expect(checklistForTier('active').map((item) => item.id)).toContain('advanced-sales-training');
    expect(checklistForTier('performer').map((item) => item.id)).toContain('strategic-account-planning');
    expect(checklistForTier('elite').map((item) => item.id)).toContain('white-label-resources');
    expect(checklistForTier('elite').map((item) => item.id)).not.toContain('advanced-sales-training');
    for (const tier of ['starter', 'active', 'performer', 'elite'] as const) {
      for (const item of checklistForTier(tier, [PAYOUT_LATER_MARK])) expect(screenForPath(item.route), item.route).not.toBeNull();
    }
  });

  it('adds the payout reminder only after "Later"', () => {
    expect(checklistForTier('starter').map((item) => item.id)).not.toContain('payout-setup');
    expect(checklistForTier('starter', [PAYOUT_LATER_MARK]).map((item) => item.id)).toContain('payout-setup');
  });
});

describe('the stored checklist', () => {
  it('reads a JSON array of ids and treats anything else as nothing done', () => {
    expect(parseChecklist('["a","b","a"]')).toEqual(['a', 'b']);
    expect(parseChecklist('{"a":1}')).toEqual([]);
    expect(parseChecklist('not json')).toEqual([]);
    expect(parseChecklist(null)).toEqual([]);
    expect(toggleChecklistItem(['a'], 'b', true)).toEqual(['a', 'b']);
    expect(toggleChecklistItem(['a', 'b'], 'a', false)).toEqual(['b']);
  });
});

describe('the partner agreement', () => {
  it('picks the highest published version and skips rows that do not parse or are drafts', () => {
    const rows = [row('v1', 1), row('v3-draft', 3), row('v2', 2), { id: 'broken', title: 'x', published: true, body: { version: 9 } }];
    rows[1]!.published = false;
    expect(latestAgreement(rows)?.id).toBe('v2');
    expect(latestAgreement([])).toBeNull();
  });

  it('is outdated for a partner below the latest version or with none accepted', () => {
    const latest = latestAgreement([row('v2', 2)]);
    expect(agreementOutdated(1, latest)).toBe(true);
    expect(agreementOutdated(null, latest)).toBe(true);
    expect(agreementOutdated(2, latest)).toBe(false);
    expect(agreementOutdated(null, null)).toBe(false);
  });

  it('splits the plain text into paragraphs on blank lines', () => {
    expect(agreementParagraphs('One\nstill one.\n\n  Two  \r\n\r\nThree\n\n\n')).toEqual(['One\nstill one.', 'Two', 'Three']);
  });
});
