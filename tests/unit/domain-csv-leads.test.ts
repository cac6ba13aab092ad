import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import {
  csvCell,
  errorReportCsv,
  findDuplicates,
  leadsToCsv,
  mapRows,
  mergeIntoLead,
  normaliseCompany,
  parseCsv,
  parseMoneyCell,
  planImport,
  suggestMapping,
  type LeadDraft,
} from '../../sync/domain/csv-leads';
import type { LeadDoc } from '../../sync/schema/leads.schema';

const PARTNER = '00000000-0000-4000-8000-00000000de40';
const NOW = new Date('2026-05-20T12:00:00.000Z');

function context() {
  let n = 0;
  return { partnerId: PARTNER, now: NOW, idFactory: () => `csv-${++n}` };
}

function importText(text: string) {
  const parsed = parseCsv(text);
  const mapped = mapRows(parsed.rows, suggestMapping(parsed.headers), context());
  return { parsed, ...mapped, errors: [...parsed.errors, ...mapped.errors].sort((a, b) => a.row - b.row) };
}

function stored(overrides: Partial<LeadDoc> & Pick<LeadDoc, 'id' | 'company'>): LeadDoc {
  return {
    partner_id: PARTNER,
    created_at: '2026-05-01T09:00:00.000Z',
    updated_at: '2026-05-01T09:00:00.000Z',
    source: 'website',
    stage: 'new',
    contact_name: null,
    email: null,
    phone: null,
    estimated_value: null,
    currency: null,
    notes: null,
    ...overrides,
  };
}

const fixture = readFileSync(join(__dirname, '../fixtures/csv/leads-import.csv'), 'utf8');

describe('parseCsv', () => {
  it('reads the fixture: BOM, semicolons, quoted separators, doubled quotes, line breaks, trailing blank lines', () => {
    const parsed = parseCsv(fixture);
    expect(parsed.delimiter).toBe(';');
    expect(parsed.headers[0]).toBe('Firma');
    expect(parsed.rows.map((row) => row.line)).toEqual([2, 3, 5, 6, 7]);
    expect(parsed.rows[1]!.cells[0]).toBe('Quill & Ink; Stationers');
    expect(parsed.rows[1]!.cells[7]).toBe('Said "call me Monday"\nSecond line of notes');
    expect(parsed.errors).toEqual([]);
  });

  it('guesses tabs and commas, and counts lines with LF, CRLF and blank lines', () => {
    const tabbed = parseCsv('Company\tEmail\n\nAcme\ta@acme.example\n');
    expect(tabbed.delimiter).toBe('\t');
    expect(tabbed.rows).toEqual([{ line: 3, cells: ['Acme', 'a@acme.example'] }]);
    const commas = parseCsv('Company,Notes\r\n"A, B","x\r\ny"\r\nC,z\r\n\r\n');
    expect(commas.rows.map((row) => [row.line, row.cells[0]])).toEqual([
      [2, 'A, B'],
      [4, 'C'],
    ]);
  });

  it('reports rows with too many values and unclosed quotes instead of dropping data', () => {
    const parsed = parseCsv('Company,Email\nAcme,a@acme.example\nBeta, Inc,b@beta.example\n"Open,x\n');
    expect(parsed.rows.map((row) => row.line)).toEqual([2]);
    expect(parsed.errors.map((error) => error.row)).toEqual([3, 4]);
    expect(parsed.errors[0]!.reason).toMatch(/^Row 3: it has 3 values but the header names 2 columns/);
    expect(parsed.errors[1]!.reason).toMatch(/^Row 4: a quoted value is never closed/);
    expect(parsed.rejectedRows.map((row) => row.line)).toEqual([3, 4]);
  });

  it('returns no headers for an empty file', () => {
    expect(parseCsv('\ufeff\n\n').headers).toEqual([]);
  });
});

describe('suggestMapping', () => {
  it('matches synonyms ignoring case, accents and punctuation', () => {
    const mapping = suggestMapping(['FIRMA', 'Name', 'e-mail', 'Tel.', 'Source', 'Budget', 'Währung', 'Notes', 'Status', 'Extra']);
    expect(mapping).toEqual({
      company: 0,
      contact_name: 1,
      email: 2,
      phone: 3,
      source: 4,
      estimated_value: 5,
      currency: 6,
      notes: 7,
      stage: 8,
    });
    expect(suggestMapping(['Organisation', 'Contact', 'Amount']).company).toBe(0);
    expect(suggestMapping(['Organisation', 'Contact', 'Amount']).estimated_value).toBe(2);
    expect(suggestMapping(['Unrelated']).company).toBeNull();
  });
});

describe('parseMoneyCell', () => {
  it.each([
    ['€1.200,50', 1200.5, 'EUR'],
    ['1,200.50', 1200.5, null],
    ['1200', 1200, null],
    ['1.200', 1200, null],
    ['1,200', 1200, null],
    ['12,5', 12.5, null],
    ['0.125', 0.125, null],
    ['1 200,50', 1200.5, null],
    ['USD 950', 950, 'USD'],
    ['950GBP', 950, 'GBP'],
    ['1.234.567,89', 1234567.89, null],
  ])('%s → %d', (raw, value, currency) => {
    expect(parseMoneyCell(raw)).toEqual({ value, currency });
  });

  it('rejects what it cannot read', () => {
    expect(parseMoneyCell('')).toBeNull();
    expect(parseMoneyCell('-5')).toBe('negative');
    expect(parseMoneyCell('abc1')).toBe('unreadable');
    expect(parseMoneyCell('1,2,3')).toBe('unreadable');
    expect(parseMoneyCell('1.200.5')).toBe('unreadable');
    expect(parseMoneyCell('12.')).toBe('unreadable');
  });
});

describe('mapRows', () => {
  it('builds validated leads from the fixture and explains the broken row', () => {
    const { valid, errors } = importText(fixture);
    expect(valid.map((draft) => draft.line)).toEqual([2, 3, 6, 7]);
    expect(errors).toEqual([{ row: 5, reason: "Row 5: the email 'bob@' is not a valid address." }]);
    const [harbour, quill] = valid;
    expect(harbour!.lead).toMatchObject({
      company: 'Harbour Lights Café',
      contact_name: 'Ana Costa',
      source: 'website',
      stage: 'contacted',
      estimated_value: 1200.5,
      currency: 'EUR',
      notes: 'Met at the fair; wants a quote',
      partner_id: PARTNER,
      created_at: NOW.toISOString(),
    });
    expect(quill!.lead).toMatchObject({ company: 'Quill & Ink; Stationers', estimated_value: 1200.5, currency: 'GBP', stage: 'new', source: 'event' });
  });

  it('gives one plain-words reason per row, listing every problem', () => {
    const csv = [
      'Company,Contact,Email,Phone,Source,Stage,Value,Currency',
      ',,,,,,,',
      'Acme,,,,,,,',
      ',Solo Person,,,,,,',
      'Bad,,x@,abc,LinkedIn,Maybe,-4,EURO',
      'Mixed,,,,,,€5,USD',
      'Words,,,,,,twelve,',
    ].join('\n');
    const { valid, errors } = importText(csv);
    expect(valid.map((draft) => [draft.line, draft.lead.company, draft.lead.source, draft.lead.stage])).toEqual([
      [3, 'Acme', 'other', 'new'],
      [4, 'Solo Person', 'other', 'new'],
    ]);
    expect(errors.map((error) => error.row)).toEqual([5, 6, 7]);
    expect(errors[0]!.reason).toBe(
      "Row 5: the email 'x@' is not a valid address; the phone 'abc' may only use digits, spaces and + ( ) - .; " +
        "the source 'LinkedIn' is not one we know (use Referral link, Website, Event, Cold outreach, Partner network, Other); " +
        "the stage 'Maybe' is not one we know (use New, Contacted, Qualified, Proposal, Won, Lost); " +
        "the value '-4' is negative; values must be 0 or more; the currency 'EURO' is not a three-letter code such as EUR.",
    );
    expect(errors[1]!.reason).toBe('Row 6: the value is in EUR but the currency column says USD.');
    expect(errors[2]!.reason).toMatch(/^Row 7: the value 'twelve' is not a number/);
  });

  it('handles 10,000 rows with the right counts', () => {
    const lines = ['Company,Email,Value'];
    for (let i = 0; i < 10_000; i += 1) lines.push(i % 100 === 99 ? `Co ${i},broken@,1` : `Co ${i},c${i}@example.com,"1,${String(i % 1000).padStart(3, '0')}.50"`);
    const { valid, errors } = importText(lines.join('\n'));
    expect(valid).toHaveLength(9_900);
    expect(errors).toHaveLength(100);
    expect(errors[0]!.row).toBe(101);
    expect(valid[1]!.lead.estimated_value).toBe(1001.5);
    expect(new Set(valid.map((draft) => draft.lead.id)).size).toBe(9_900);
  });
});

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

  it('writes an error report with row, reason and the original values', () => {
    const { parsed, errors } = importText(fixture);
    const report = Papa.parse<string[]>(errorReportCsv(errors, parsed), { skipEmptyLines: true }).data;
    expect(report[0]!.slice(0, 3)).toEqual(['Row', 'Reason', 'Firma']);
    expect(report[1]!.slice(0, 4)).toEqual(['5', "Row 5: the email 'bob@' is not a valid address.", 'Broken Row Ltd', 'Bob Broken']);
  });
});
