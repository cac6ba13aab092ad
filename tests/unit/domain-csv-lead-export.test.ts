import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { csvCell, leadsToCsv, unguardCell } from '../../sync/domain/csv-lead-export';
import type { LeadDoc } from '../../sync/schema/leads.schema';
import { importText, stored } from '../fixtures/csv-leads';

describe('leadsToCsv', () => {
  const leads = [
    stored({
      id: 'a',
      company: 'Quill, Ink & "Sons"',
      contact_name: 'Zoë Ő',
      email: 'zoe@quill.example',
      phone: '+44 20 7946 0958',
      source: 'referral_link',
      stage: 'proposal',
      estimated_value: 1200.5,
      currency: 'GBP',
      notes: 'Line one\nLine two; with =SUM(A1) inside',
    }),
    stored({ id: 'b', company: '=cmd|calc', notes: '@import', estimated_value: 1.125, currency: 'EUR', source: 'cold_outreach', stage: 'lost' }),
    stored({ id: 'c', company: '-Minus', contact_name: '+Plus', estimated_value: 0, currency: 'USD' }),
  ];

  it('writes RFC 4180 with a header row and guards formula cells', () => {
    const csv = leadsToCsv(leads);
    const lines = csv.split('\r\n');
    expect(lines[0]).toBe('Company,Contact,Email,Phone,Source,Stage,Value,Currency,Notes');
    expect(lines[1]).toBe('"Quill, Ink & ""Sons""",Zoë Ő,zoe@quill.example,\'+44 20 7946 0958,Referral link,Proposal,1200.5,GBP,"Line one\nLine two; with =SUM(A1) inside"');
    expect(csv).toContain("'=cmd|calc");
    expect(csv).toContain("'@import");
    expect(csv).toContain("'-Minus,'+Plus");
    expect(csvCell('\tx')).toBe('"\'\tx"');
    expect(unguardCell("'=cmd|calc")).toBe('=cmd|calc');
    expect(unguardCell("'plain")).toBe("'plain");
    // Papaparse reads it back as the same cells (apostrophes aside).
    const back = Papa.parse<string[]>(csv, { skipEmptyLines: true }).data;
    expect(back).toHaveLength(4);
    expect(back[1]![0]).toBe('Quill, Ink & "Sons"');
  });

  it('round-trips: exporting then importing gives the same leads', () => {
    const { valid, errors } = importText(leadsToCsv(leads));
    expect(errors).toEqual([]);
    const fields = (lead: LeadDoc) => ({
      company: lead.company,
      contact_name: lead.contact_name ?? null,
      email: lead.email ?? null,
      phone: lead.phone ?? null,
      source: lead.source,
      stage: lead.stage,
      estimated_value: lead.estimated_value ?? null,
      currency: lead.currency ?? null,
      notes: lead.notes ?? null,
    });
    expect(valid.map((draft) => fields(draft.lead))).toEqual(leads.map(fields));
  });
});
