import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildNewLead, emptyLeadForm, validateLeadForm } from '../../sync/domain/leads';
import {
  adjacentColumn,
  buildPipelineStageChange,
  columnOfStage,
  dropOutcome,
  groupLeadsByColumn,
  PIPELINE_COLUMN_LABELS,
  PIPELINE_COLUMNS,
  PIPELINE_FEATURE,
  validateCloseLead,
} from '../../sync/domain/pipeline';
import { entitlement } from '../../sync/domain/entitlements';
import { parseTierRules, type CatalogRowInput } from '../../sync/domain/tiers';
import type { LeadDoc, LeadStage } from '../../sync/schema/leads.schema';

function lead(id: string, stage: LeadStage, stageChangedAt: string): LeadDoc {
  return {
    id,
    partner_id: 'p1',
    created_at: '2026-01-01T00:00:00.000Z',
    updated_at: stageChangedAt,
    company: `Company ${id}`,
    source: 'website',
    stage,
    stage_changed_at: stageChangedAt,
  };
}

describe('pipeline columns and grouping', () => {
  it('puts won and lost in Closed and every other stage in its own column', () => {
    expect(PIPELINE_COLUMNS).toEqual(['new', 'contacted', 'qualified', 'proposal', 'closed']);
    expect(columnOfStage('won')).toBe('closed');
    expect(columnOfStage('lost')).toBe('closed');
    expect(columnOfStage('qualified')).toBe('qualified');
    expect(adjacentColumn('new', -1)).toBeNull();
    expect(adjacentColumn('new', 1)).toBe('contacted');
    expect(adjacentColumn('closed', 1)).toBeNull();
  });

  it('groups leads by column, most recently moved first, ties by id', () => {
    const leads = [
      lead('a', 'new', '2026-02-01T00:00:00.000Z'),
      lead('b', 'new', '2026-03-01T00:00:00.000Z'),
      lead('c', 'won', '2026-01-05T00:00:00.000Z'),
      lead('d', 'lost', '2026-01-06T00:00:00.000Z'),
      lead('f', 'proposal', '2026-01-06T00:00:00.000Z'),
      lead('e', 'proposal', '2026-01-06T00:00:00.000Z'),
    ];
    const groups = groupLeadsByColumn(leads);
    expect(groups.new.map((l) => l.id)).toEqual(['b', 'a']);
    expect(groups.closed.map((l) => l.id)).toEqual(['d', 'c']);
    expect(groups.proposal.map((l) => l.id)).toEqual(['e', 'f']);
    expect(groups.contacted).toEqual([]);
    expect(Object.values(groups).flat()).toHaveLength(leads.length);
  });
});

describe('dropping a lead', () => {
  it('moves to an open column, asks won or lost for Closed, and ignores its own column', () => {
    expect(dropOutcome({ stage: 'new' }, 'qualified')).toEqual({ kind: 'move', stage: 'qualified' });
    expect(dropOutcome({ stage: 'won' }, 'proposal')).toEqual({ kind: 'move', stage: 'proposal' });
    expect(dropOutcome({ stage: 'proposal' }, 'closed')).toEqual({ kind: 'choose-outcome' });
    expect(dropOutcome({ stage: 'lost' }, 'closed')).toEqual({ kind: 'unchanged' });
    expect(dropOutcome({ stage: 'new' }, 'new')).toEqual({ kind: 'unchanged' });
    expect(dropOutcome({ stage: 'new' }, null)).toEqual({ kind: 'unchanged' });
  });

  it('requires an outcome, and a reason when lost', () => {
    expect(validateCloseLead({ outcome: '', reason: '' })).toEqual({ ok: false, errors: { outcome: 'Choose whether the lead was won or lost.' } });
    expect(validateCloseLead({ outcome: 'lost', reason: '   ' })).toEqual({
      ok: false,
      errors: { reason: 'Say why the lead was lost, e.g. “Chose another agency”.' },
    });
    expect(validateCloseLead({ outcome: 'lost', reason: ' Chose another agency ' })).toEqual({
      ok: true,
      value: { stage: 'lost', lostReason: 'Chose another agency' },
    });
    expect(validateCloseLead({ outcome: 'won', reason: 'ignored' })).toEqual({ ok: true, value: { stage: 'won', lostReason: null } });
  });

  it('writes the same stage change as the detail page, plus the lost reason', () => {
    const form = validateLeadForm({ ...emptyLeadForm(), company: 'Acme' });
    if (!form.ok) throw new Error('form should be valid');
    const created = buildNewLead(form.values, { id: '11111111-1111-4111-8111-111111111111', partnerId: '22222222-2222-4222-8222-222222222222', now: new Date('2026-01-01T00:00:00Z') });
    const ctx = { id: '33333333-3333-4333-8333-333333333333', partnerId: '22222222-2222-4222-8222-222222222222', now: new Date('2026-02-01T10:00:00Z') };
    const moved = buildPipelineStageChange(created, 'qualified', ctx);
    expect(moved?.patch).toEqual({ stage: 'qualified', stage_changed_at: '2026-02-01T10:00:00.000Z', updated_at: '2026-02-01T10:00:00.000Z' });
    expect(moved?.activity).toMatchObject({ kind: 'stage_change', lead_id: '11111111-1111-4111-8111-111111111111', body: 'Stage changed from New to Qualified.' });

    const lost = buildPipelineStageChange(created, 'lost', ctx, 'Budget cut');
    expect(lost?.patch.lost_reason).toBe('Budget cut');
    expect(lost?.activity.body).toBe('Stage changed from New to Lost. Reason: Budget cut');
    expect(() => buildPipelineStageChange(created, 'lost', ctx, ' ')).toThrow(/reason/);
    expect(buildPipelineStageChange(created, 'new', ctx)).toBeNull();
  });
});

describe('column names', () => {
  it('names each open column after its stage and the last one Closed', () => {
    expect(PIPELINE_COLUMNS.map((column) => PIPELINE_COLUMN_LABELS[column])).toEqual(['New', 'Contacted', 'Qualified', 'Proposal', 'Closed']);
  });
});

describe('who may use the board', () => {
  const demo = JSON.parse(readFileSync(join(import.meta.dirname, '../../resources/demo/workspace.json'), 'utf8')) as {
    collections: { catalog: CatalogRowInput[] };
  };
  const rules = parseTierRules(demo.collections.catalog).rules;

  it('locks the board for Starter, naming the tier that unlocks it, and opens it from Active up', () => {
    expect(rules.length).toBeGreaterThan(0);
    expect(entitlement(rules, 'starter', PIPELINE_FEATURE)).toEqual({
      allowed: false,
      unlockTier: 'active',
      reason: 'locked',
      message: 'Unlocks at the Active tier.',
    });
    expect(entitlement(rules, 'active', PIPELINE_FEATURE)).toEqual({ allowed: true });
    expect(entitlement(rules, 'performer', PIPELINE_FEATURE)).toEqual({ allowed: true });
    expect(entitlement(rules, 'elite', PIPELINE_FEATURE)).toEqual({ allowed: true });
  });

  it('keeps the board locked while the tier is unknown on this device', () => {
    expect(entitlement(rules, null, PIPELINE_FEATURE)).toMatchObject({ allowed: false, reason: 'unknown-tier' });
    expect(entitlement([], 'active', PIPELINE_FEATURE)).toMatchObject({ allowed: false });
  });
});
