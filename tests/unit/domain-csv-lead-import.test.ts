import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { errorReportCsv, parseCsv, parseMoneyCell, suggestMapping } from '../../sync/domain/csv-lead-import';
import { importText, NOW, PARTNER } from '../fixtures/csv-leads';

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

describe('errorReportCsv', () => {
  it('writes an error report with row, reason and the original values', () => {
    const { parsed, errors } = importText(fixture);
    const report = Papa.parse<string[]>(errorReportCsv(errors, parsed), { skipEmptyLines: true }).data;
    expect(report[0]!.slice(0, 3)).toEqual(['Row', 'Reason', 'Firma']);
    expect(report[1]!.slice(0, 4)).toEqual(['5', "Row 5: the email 'bob@' is not a valid address.", 'Broken Row Ltd', 'Bob Broken']);
  });
});
