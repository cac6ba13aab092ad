import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  buildActivity,
  buildLeadEdit,
  buildNewLead,
  buildStageChange,
  computeLeadStats,
  daysInCurrentStage,
  emptyLeadForm,
  foldForSearch,
  LEAD_SOURCES,
  LEAD_STAGES,
  leadToFormInput,
  parseMoneyInput,
  sortLeadsByRecentChange,
  sourceLabel,
  stageLabel,
  validateActivityForm,
  validateLeadForm,
  type LeadFormInput,
  type LeadLike,
} from '../../sync/domain/leads';
import { parseDemoWorkspace } from '../../sync/schema/demo-workspace';
import type { LeadDoc } from '../../sync/schema/leads.schema';

const PARTNER = '00000000-0000-4000-8000-00000000de40';
const NOW = new Date('2026-05-20T12:00:00.000Z');

function lead(overrides: Partial<LeadDoc> & Pick<LeadDoc, 'id'>): LeadDoc {
  return {
    partner_id: PARTNER,
    created_at: '2026-05-01T09:00:00.000Z',
    updated_at: '2026-05-01T09:00:00.000Z',
    company: 'Acme',
    source: 'website',
    stage: 'new',
    ...overrides,
  };
}

function form(overrides: Partial<LeadFormInput> = {}): LeadFormInput {
  return { ...emptyLeadForm('EUR'), company: 'Acme', ...overrides };
}

describe('stage and source names', () => {
  it('names every stage and source once, in the words the screens, timeline and CSV files use', () => {
    expect(LEAD_STAGES.map(stageLabel)).toEqual(['New', 'Contacted', 'Qualified', 'Proposal', 'Won', 'Lost']);
    expect(LEAD_SOURCES.map(sourceLabel)).toEqual(['Referral link', 'Website', 'Event', 'Cold outreach', 'Partner network', 'Other']);
  });
});

describe('computeLeadStats', () => {
  it('counts active, in-progress and converted leads and sums potential per currency', () => {
    const stats = computeLeadStats([
      lead({ id: '1', stage: 'new', estimated_value: 1000, currency: 'EUR' }),
      lead({ id: '2', stage: 'contacted', estimated_value: 0.1, currency: 'EUR' }),
      lead({ id: '3', stage: 'proposal', estimated_value: 0.2, currency: 'EUR' }),
      lead({ id: '4', stage: 'qualified', estimated_value: 2500, currency: 'GBP' }),
      lead({ id: '5', stage: 'won', estimated_value: 9999, currency: 'EUR' }),
      lead({ id: '6', stage: 'lost', estimated_value: 9999, currency: 'USD' }),
      lead({ id: '7', stage: 'new', estimated_value: null, currency: 'USD' }),
      lead({ id: '8', stage: 'new', estimated_value: 50, currency: null }),
    ]);
    expect(stats.active).toBe(6);
    expect(stats.inProgress).toBe(3);
    expect(stats.converted).toBe(1);
    expect(stats.potential).toEqual([
      { currency: 'GBP', amount: 2500 },
      { currency: 'EUR', amount: 1000.3 },
      { currency: null, amount: 50 },
    ]);
  });

  it('is all zeros for no leads', () => {
    expect(computeLeadStats([])).toEqual({ active: 0, inProgress: 0, converted: 0, potential: [] });
  });

  it('matches the demo workspace', () => {
    const raw: unknown = JSON.parse(readFileSync(join(import.meta.dirname, '../../resources/demo/workspace.json'), 'utf8'));
    const leads = parseDemoWorkspace(raw, NOW).collections.leads;
    const stats = computeLeadStats(leads);
    expect(stats.active).toBe(leads.filter((l) => !['won', 'lost'].includes(l.stage)).length);
    expect(stats.converted).toBe(leads.filter((l) => l.stage === 'won').length);
    expect(stats.active).toBeGreaterThan(stats.inProgress);
    expect(stats.potential.map((total) => total.currency).sort()).toEqual(['EUR', 'GBP', 'USD']);
  });
});

describe('search folding and order', () => {
  it('folds case, accents and letters NFD keeps whole', () => {
    expect(foldForSearch('  Żółć   Łódź ')).toBe('zolc lodz');
    expect(foldForSearch('Zoë Søren Straße Ærø')).toBe('zoe soren strasse aero');
    expect(foldForSearch('Yılmaz')).toBe('yilmaz');
    expect(foldForSearch('Ελένη')).toBe('ελενη');
  });

  const leads = [
    lead({ id: 'a', company: 'Żółć Logistyka', contact_name: 'Łukasz Żółć', email: 'lz@example.com', stage: 'new', updated_at: '2026-05-03T00:00:00.000Z' }),
    lead({ id: 'b', company: 'Hernández Arquitectos', contact_name: 'Sofía', email: null, stage: 'contacted', updated_at: '2026-05-05T00:00:00.000Z' }),
    lead({ id: 'c', company: 'Aegean Hotels', contact_name: 'Ελένη', email: 'eleni@aegean.example', stage: 'won', updated_at: null, created_at: '2026-05-04T00:00:00.000Z' }),
  ];

  it('sorts by last change, falling back to created_at, stable by id', () => {
    expect(sortLeadsByRecentChange(leads).map((l) => l.id)).toEqual(['b', 'c', 'a']);
    const tied = [lead({ id: 'y' }), lead({ id: 'x' })];
    expect(sortLeadsByRecentChange(tied).map((l) => l.id)).toEqual(['x', 'y']);
  });
});

describe('daysInCurrentStage', () => {
  it('counts whole days since the stage changed, or since creation', () => {
    const base: LeadLike = { id: 'a', company: 'A', stage: 'new', created_at: '2026-05-10T12:00:00.000Z' };
    expect(daysInCurrentStage(base, NOW)).toBe(10);
    expect(daysInCurrentStage({ ...base, stage_changed_at: '2026-05-19T12:00:01.000Z' }, NOW)).toBe(0);
    expect(daysInCurrentStage({ ...base, stage_changed_at: '2026-06-01T00:00:00.000Z' }, NOW)).toBe(0);
  });
});

describe('validateLeadForm', () => {
  it('needs a company or a contact name', () => {
    const result = validateLeadForm(form({ company: '  ', contact_name: '' }));
    expect(result).toEqual({ ok: false, errors: { company: 'Enter a company or a contact name.' } });
    const contactOnly = validateLeadForm(form({ company: '', contact_name: 'Zoë O’Brien' }));
    expect(contactOnly.ok).toBe(true);
    if (contactOnly.ok) {
      const doc = buildNewLead(contactOnly.values, { id: 'n1', partnerId: PARTNER, now: NOW });
      expect(doc.company).toBe('Zoë O’Brien');
      expect(doc.contact_name).toBe('Zoë O’Brien');
    }
  });

  it('reports the missing name together with other field errors', () => {
    const result = validateLeadForm(form({ company: '', email: 'x', estimated_value: '-1' }));
    expect(result).toMatchObject({ ok: false, errors: { company: 'Enter a company or a contact name.', email: expect.any(String), estimated_value: expect.any(String) } });
  });

  it('checks the email format but accepts an empty email', () => {
    expect(validateLeadForm(form({ email: 'not-an-email' }))).toMatchObject({ ok: false, errors: { email: expect.stringMatching(/email address/) } });
    expect(validateLeadForm(form({ email: '' })).ok).toBe(true);
    expect(validateLeadForm(form({ email: ' anna@example.com ' }))).toMatchObject({ ok: true, values: { email: 'anna@example.com' } });
  });

  it('reads values ≥ 0 in common formats and rejects the rest with a message', () => {
    expect(parseMoneyInput('4800')).toBe(4800);
    expect(parseMoneyInput('4,800.50')).toBe(4800.5);
    expect(parseMoneyInput('4 800')).toBe(4800);
    expect(parseMoneyInput('')).toBeNull();
    expect(parseMoneyInput('12abc')).toBeNaN();
    expect(validateLeadForm(form({ estimated_value: '0' }))).toMatchObject({ ok: true, values: { estimated_value: 0 } });
    expect(validateLeadForm(form({ estimated_value: '' }))).toMatchObject({ ok: true, values: { estimated_value: null } });
    expect(validateLeadForm(form({ estimated_value: '-5' }))).toMatchObject({ ok: false, errors: { estimated_value: 'The estimated value cannot be negative.' } });
    expect(validateLeadForm(form({ estimated_value: 'lots' }))).toMatchObject({ ok: false, errors: { estimated_value: expect.stringMatching(/as a number/) } });
  });

  it('normalises the currency and rejects codes that are not three letters', () => {
    expect(validateLeadForm(form({ currency: 'gbp' }))).toMatchObject({ ok: true, values: { currency: 'GBP' } });
    expect(validateLeadForm(form({ currency: 'EURO' }))).toMatchObject({ ok: false, errors: { currency: expect.stringMatching(/three-letter/) } });
  });

  it('rejects unknown sources, bad phones and over-long text, reporting each field once', () => {
    const result = validateLeadForm(form({ source: 'fax', phone: 'call me', company: 'x'.repeat(201) }));
    expect(result.ok).toBe(false);
    if (!result.ok) expect(Object.keys(result.errors).sort()).toEqual(['company', 'phone', 'source']);
  });

  it('round-trips a stored lead through the form', () => {
    const stored = lead({ id: 'r', contact_name: 'Ana', email: 'a@b.example', estimated_value: 1500, currency: 'GBP', notes: 'n' });
    const result = validateLeadForm(leadToFormInput(stored));
    expect(result.ok).toBe(true);
    if (result.ok) {
      const patch = buildLeadEdit(stored, result.values, NOW);
      expect(patch).toMatchObject({ company: 'Acme', contact_name: 'Ana', estimated_value: 1500, currency: 'GBP', updated_at: NOW.toISOString() });
    }
  });
});

describe('documents written', () => {
  it('a new lead starts in stage new with the partner id and ISO timestamps', () => {
    const result = validateLeadForm(form({ estimated_value: '1200', currency: 'usd' }));
    if (!result.ok) throw new Error('expected valid');
    const doc = buildNewLead(result.values, { id: 'abc', partnerId: PARTNER, now: NOW });
    expect(doc).toMatchObject({ id: 'abc', partner_id: PARTNER, stage: 'new', created_at: NOW.toISOString(), stage_changed_at: NOW.toISOString(), currency: 'USD', estimated_value: 1200 });
  });

  it('a stage change patches the lead and records a stage_change activity; no change, no write', () => {
    const stored = lead({ id: 'l1' });
    const change = buildStageChange(stored, 'qualified', { id: 'act1', partnerId: PARTNER, now: NOW });
    expect(change?.patch).toEqual({ stage: 'qualified', stage_changed_at: NOW.toISOString(), updated_at: NOW.toISOString() });
    expect(change?.activity).toMatchObject({ id: 'act1', lead_id: 'l1', kind: 'stage_change', body: 'Stage changed from New to Qualified.' });
    expect(JSON.parse(change?.activity.meta ?? '{}')).toEqual({ from: 'new', to: 'qualified' });
    expect(buildStageChange(stored, 'new', { id: 'act2', partnerId: PARTNER, now: NOW })).toBeNull();
  });

  it('activities need a kind a person logs and some text', () => {
    expect(validateActivityForm({ kind: 'call', body: '   ' })).toMatchObject({ ok: false, errors: { body: expect.stringMatching(/Write what happened/) } });
    expect(validateActivityForm({ kind: 'stage_change', body: 'x' })).toMatchObject({ ok: false, errors: { kind: expect.any(String) } });
    const valid = validateActivityForm({ kind: 'meeting', body: ' Met at the office ' });
    if (!valid.ok) throw new Error('expected valid');
    expect(buildActivity(valid.values, 'l1', { id: 'a1', partnerId: PARTNER, now: NOW })).toMatchObject({ kind: 'meeting', body: 'Met at the office', lead_id: 'l1', occurred_at: NOW.toISOString() });
  });
});
