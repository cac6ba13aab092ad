import { describe, expect, it } from 'vitest';
import type { LeadDraft } from '../../sync/domain/csv-lead-import';
import { findDuplicates, mergeIntoLead, normaliseCompany, planImport } from '../../sync/domain/lead-duplicates';
import { importText, NOW, stored } from '../fixtures/csv-leads';

describe('findDuplicates and planImport', () => {
  const existing = [
    stored({ id: 'e1', company: 'Becker Solar GmbH', email: 'Contact@Becker.example', phone: null, notes: 'Old note' }),
    stored({ id: 'e2', company: 'Other Co' }),
  ];
  const csv = [
    'Company,Email,Phone,Notes,Value,Currency',
    'Becker Solar,contact@becker.example,+49 30 1234,New note,4000,EUR', // line 2: dup of e1 by both
    'Fresh Ltd,fresh@example.com,,,,', // line 3
    'Fresh,other@example.com,+1 555 0100,From row 4,,', // line 4: dup of line 3 (company)
    'Unrelated,,,,,', // line 5
  ].join('\n');

  function drafts(): LeadDraft[] {
    return importText(csv).valid;
  }

  it('groups by email (any case) and normalised company, in the file and against stored leads', () => {
    expect(normaliseCompany('  Becker  Solar GmbH ')).toBe('becker solar');
    expect(normaliseCompany('Kim & Park Dental')).toBe('kim and park dental');
    const groups = findDuplicates(drafts(), existing);
    expect(groups.map((group) => [group.drafts.map((d) => d.line), group.existing.map((e) => e.id)])).toEqual([
      [[2], ['e1']],
      [[3, 4], []],
    ]);
    expect(groups[0]!.reason).toContain('same email contact@becker.example');
    expect(groups[1]!.reason).toBe('same company Fresh');
  });

  it('skip: leaves stored duplicates alone and keeps only the first row of an in-file group', () => {
    const all = drafts();
    const groups = findDuplicates(all, existing);
    const plan = planImport(all, groups, {}, NOW);
    expect(plan.inserts.map((lead) => lead.company)).toEqual(['Fresh Ltd', 'Unrelated']);
    expect(plan.skipped.map((draft) => draft.line)).toEqual([2, 4]);
    expect(plan.updates).toEqual([]);
  });

  it('import anyway: every row becomes a lead', () => {
    const all = drafts();
    const groups = findDuplicates(all, existing);
    const plan = planImport(all, groups, Object.fromEntries(groups.map((g) => [g.key, 'import' as const])), NOW);
    expect(plan.inserts).toHaveLength(4);
    expect(plan.skipped).toEqual([]);
  });

  it('update: fills empty fields and appends notes, never overwriting', () => {
    const all = drafts();
    const groups = findDuplicates(all, existing);
    const plan = planImport(all, groups, Object.fromEntries(groups.map((g) => [g.key, 'update' as const])), NOW);
    expect(plan.updates).toEqual([
      {
        id: 'e1',
        lines: [2],
        patch: { phone: '+49 30 1234', estimated_value: 4000, currency: 'EUR', notes: 'Old note\n\nNew note', updated_at: NOW.toISOString() },
      },
    ]);
    expect(plan.inserts.map((lead) => [lead.company, lead.email, lead.phone, lead.notes])).toEqual([
      ['Fresh Ltd', 'fresh@example.com', '+1 555 0100', 'From row 4'],
      ['Unrelated', null, null, null],
    ]);
    expect(mergeIntoLead(existing[1]!, [], NOW)).toEqual({});
  });
});
