/**
 * Leads in from CSV files: reading a file (papaparse; delimiter guessed, BOM stripped), suggesting
 * which column feeds which lead field, turning rows into validated lead documents with one
 * plain-words reason per rejected row, and the report of rejected rows. Duplicates and the write
 * plan are lead-duplicates.ts; the columns and the formula guard are csv-lead-export.ts.
 *
 * Rules people see (the import page repeats them):
 * - Row numbers are file line numbers counted from 1, header included; a value with line breaks
 *   inside quotes counts from the line it starts on.
 * - Money: currency symbols or codes (€, $, £, EUR…) and spaces are ignored. When both "." and ","
 *   appear, the one that comes last is the decimal mark ("€1.200,50" and "1,200.50" are both
 *   1200.5). When only one of them appears, it separates thousands if it appears more than once
 *   or is followed by exactly three digits ("1,200" and "1.200" are 1200); otherwise it is the
 *   decimal mark ("12,5" is 12.5). Negative values are rejected.
 * - Source and stage accept the stored code or its name in any case ("Referral link",
 *   "referral_link"); empty means "Other" and "New". Anything else rejects the row.
 * - A lead needs a company or a contact name; with only a name it is filed under that name, as in
 *   the lead form.
 * - A cell the export guarded against formula injection (a leading apostrophe) is read unguarded.
 */
import Papa from 'papaparse';
import { z } from 'zod';
import { LEAD_SOURCES, LEAD_STAGES, leadSchema, type LeadDoc, type LeadSource, type LeadStage } from '../schema/leads.schema';
import { CSV_LEAD_FIELDS, toCsv, unguardCell, type CsvLeadField, type CsvMapping } from './csv-lead-export';
import { DEFAULT_CURRENCY, LEAD_NOTES_MAX, LEAD_TEXT_MAX, foldForSearch, sourceLabel, stageLabel } from './leads';

export const MAX_CSV_BYTES = 10 * 1024 * 1024;

// Parsing -----------------------------------------------------------------------------------------

export interface CsvRow {
  /** 1-based line the record starts on, the header being line 1 (or later, after blank lines). */
  line: number;
  cells: string[];
}

export interface CsvRowError {
  row: number;
  reason: string;
}

export interface ParsedCsv {
  headers: string[];
  /** Line the header row is on. */
  headerLine: number;
  rows: CsvRow[];
  /** Rows the reader could not split into values safely (unclosed quotes, too many values). */
  errors: CsvRowError[];
  /** The cells of those rows, kept for the error report. */
  rejectedRows: CsvRow[];
  delimiter: string;
}

const DELIMITERS = [',', ';', '\t', '|'];

function countLineBreaks(text: string, from: number, to: number): number {
  let count = 0;
  for (let i = from; i < to; i += 1) {
    const c = text.charCodeAt(i);
    if (c === 10) count += 1;
    else if (c === 13 && text.charCodeAt(i + 1) !== 10) count += 1;
  }
  return count;
}

function isBlankRecord(cells: readonly string[]): boolean {
  return cells.every((cell) => cell.trim() === '');
}

/** Reads CSV text: the first non-blank record is the header; blank records are skipped. */
export function parseCsv(input: string): ParsedCsv {
  const text = input.charCodeAt(0) === 0xfeff ? input.slice(1) : input;
  const records: { start: number; cells: string[]; unclosed: boolean }[] = [];
  let previousCursor = 0;
  // Guessed on the first lines without blank ones, which would otherwise spoil papaparse's guess.
  const delimiter = Papa.parse<string[]>(text.slice(0, 64 * 1024), {
    preview: 10,
    skipEmptyLines: 'greedy',
    delimitersToGuess: DELIMITERS,
  }).meta.delimiter;
  Papa.parse<string[]>(text, {
    header: false,
    skipEmptyLines: false,
    delimiter,
    step: (result) => {
      const unclosed = result.errors.some((error) => error.code === 'MissingQuotes');
      records.push({ start: previousCursor, cells: result.data, unclosed });
      previousCursor = result.meta.cursor;
    },
  });

  // Line numbers: count the line breaks between consecutive record starts, once over the text.
  let line = 1;
  let scanned = 0;
  const withLines = records.map((record) => {
    // A record starts just after the line break that ended the previous one.
    line += countLineBreaks(text, scanned, record.start);
    scanned = record.start;
    return { ...record, line };
  });

  const first = withLines.findIndex((record) => !isBlankRecord(record.cells));
  if (first === -1) return { headers: [], headerLine: 1, rows: [], errors: [], rejectedRows: [], delimiter };
  const headerRecord = withLines[first]!;
  const headers = headerRecord.cells.map((cell) => cell.trim());
  const rows: CsvRow[] = [];
  const errors: CsvRowError[] = [];
  const rejectedRows: CsvRow[] = [];
  for (const record of withLines.slice(first + 1)) {
    if (isBlankRecord(record.cells)) continue;
    if (record.unclosed) {
      errors.push({
        row: record.line,
        reason: `Row ${record.line}: a quoted value is never closed, so this row and everything after it were read as one value. Close the quote (") and import again.`,
      });
      rejectedRows.push({ line: record.line, cells: record.cells });
      continue;
    }
    const extra = record.cells.slice(headers.length).filter((cell) => cell.trim() !== '');
    if (extra.length > 0) {
      errors.push({
        row: record.line,
        reason: `Row ${record.line}: it has ${record.cells.length} values but the header names ${headers.length} columns. A value probably contains the separator "${describeDelimiter(delimiter)}" without quotes around it.`,
      });
      rejectedRows.push({ line: record.line, cells: record.cells });
      continue;
    }
    rows.push({ line: record.line, cells: record.cells.slice(0, headers.length) });
  }
  return { headers, headerLine: headerRecord.line, rows, errors, rejectedRows, delimiter };
}

export function describeDelimiter(delimiter: string): string {
  if (delimiter === '\t') return 'tab';
  return delimiter;
}

// Mapping -----------------------------------------------------------------------------------------

const SYNONYMS: Record<CsvLeadField, readonly string[]> = {
  company: ['company', 'company name', 'organisation', 'organization', 'org', 'firma', 'firm', 'business', 'account', 'unternehmen', 'empresa', 'societe', 'entreprise'],
  contact_name: ['contact', 'contact name', 'contact person', 'name', 'full name', 'person', 'ansprechpartner', 'nom'],
  email: ['email', 'e mail', 'email address', 'mail', 'courriel'],
  phone: ['phone', 'phone number', 'tel', 'telephone', 'telefon', 'mobile', 'cell', 'telefono'],
  source: ['source', 'lead source', 'quelle', 'origin', 'channel'],
  stage: ['stage', 'status', 'pipeline stage', 'phase'],
  estimated_value: ['value', 'estimated value', 'amount', 'budget', 'deal value', 'betrag', 'wert', 'montant'],
  currency: ['currency', 'wahrung', 'devise', 'moneda', 'ccy'],
  notes: ['notes', 'note', 'comment', 'comments', 'notizen', 'remarks', 'description'],
};

function headerKey(header: string): string {
  return foldForSearch(header).replace(/[^a-z0-9]+/g, ' ').trim();
}

const SYNONYM_INDEX = new Map<string, CsvLeadField>(
  CSV_LEAD_FIELDS.flatMap((field) => SYNONYMS[field].map((synonym) => [headerKey(synonym), field] as const)),
);

export function emptyMapping(): CsvMapping {
  return Object.fromEntries(CSV_LEAD_FIELDS.map((field) => [field, null])) as CsvMapping;
}

/** Matches headers to fields ignoring case, accents and punctuation; each column feeds one field. */
export function suggestMapping(headers: readonly string[]): CsvMapping {
  const mapping = emptyMapping();
  headers.forEach((header, index) => {
    const field = SYNONYM_INDEX.get(headerKey(header));
    if (field && mapping[field] === null) mapping[field] = index;
  });
  return mapping;
}

/** Columns with a header or a value that no field reads, so the page can say they are left out. */
export function unmappedColumns(headers: readonly string[], mapping: CsvMapping): number[] {
  const used = new Set(Object.values(mapping).filter((index): index is number => index !== null));
  return headers.map((_, index) => index).filter((index) => !used.has(index));
}

// Values ------------------------------------------------------------------------------------------

const CURRENCY_SYMBOLS: Record<string, string> = { '€': 'EUR', $: 'USD', '£': 'GBP', '¥': 'JPY', '₹': 'INR', '₣': 'CHF' };

export interface MoneyReading {
  value: number;
  /** Currency named in the cell itself ("€", "USD"), if any. */
  currency: string | null;
}

/** Reads a money cell by the rule in the header comment; null for blank, NaN or negative as errors. */
export function parseMoneyCell(raw: string): MoneyReading | null | 'unreadable' | 'negative' {
  let text = raw.trim();
  if (text === '') return null;
  let currency: string | null = null;
  const symbol = [...text].find((char) => char in CURRENCY_SYMBOLS);
  if (symbol) currency = CURRENCY_SYMBOLS[symbol] ?? null;
  const code = /(?<![A-Za-z])([A-Z]{3})(?![A-Za-z])/.exec(text);
  if (code) currency = code[1]!;
  text = text.replace(/[€$£¥₹₣]/g, '').replace(/(?<![A-Za-z])[A-Z]{3}(?![A-Za-z])/g, '').replace(/[\s\u00a0\u202f']/g, '');
  if (text.startsWith('-')) return 'negative';
  if (!/^\d[\d.,]*$/.test(text) || /[.,]$/.test(text)) return 'unreadable';
  const lastDot = text.lastIndexOf('.');
  const lastComma = text.lastIndexOf(',');
  let normalised: string;
  if (lastDot !== -1 && lastComma !== -1) {
    const decimal = lastDot > lastComma ? '.' : ',';
    const thousands = decimal === '.' ? ',' : '.';
    const [whole = '', fraction = '', ...rest] = text.split(decimal);
    if (rest.length > 0 || fraction.includes(thousands)) return 'unreadable';
    if (!isGroupedThousands(whole, thousands)) return 'unreadable';
    normalised = `${whole.split(thousands).join('')}.${fraction}`;
  } else if (lastDot !== -1 || lastComma !== -1) {
    const separator = lastDot !== -1 ? '.' : ',';
    const parts = text.split(separator);
    const looksGrouped = parts.length > 2 || (parts[1]!.length === 3 && parts[0] !== '0');
    if (looksGrouped) {
      if (!isGroupedThousands(text, separator)) return 'unreadable';
      normalised = parts.join('');
    } else {
      normalised = `${parts[0]}.${parts[1]}`;
    }
  } else {
    normalised = text;
  }
  const value = Number(normalised);
  if (!Number.isFinite(value)) return 'unreadable';
  return { value, currency };
}

function isGroupedThousands(whole: string, separator: string): boolean {
  const groups = whole.split(separator);
  if (groups.length === 1) return /^\d+$/.test(whole);
  return /^\d{1,3}$/.test(groups[0]!) && groups.slice(1).every((group) => /^\d{3}$/.test(group));
}

function codeKey(text: string): string {
  return foldForSearch(text).replace(/[^a-z0-9]+/g, '_').replace(/^_|_$/g, '');
}

const SOURCE_ALIASES: Record<string, LeadSource> = {
  referral: 'referral_link',
  link: 'referral_link',
  web: 'website',
  webinar: 'event',
  cold: 'cold_outreach',
  outreach: 'cold_outreach',
  network: 'partner_network',
  partner: 'partner_network',
};
const STAGE_ALIASES: Record<string, LeadStage> = { closed_won: 'won', closed_lost: 'lost', open: 'new' };

function readEnum<T extends string>(raw: string, values: readonly T[], aliases: Record<string, T>): T | null {
  const key = codeKey(raw);
  return values.find((value) => value === key) ?? aliases[key] ?? null;
}

function quoteValue(value: string): string {
  const short = value.length > 60 ? `${value.slice(0, 57)}…` : value;
  return `'${short}'`;
}

// Row validation ----------------------------------------------------------------------------------

const emailAddress = z.email();

const text = (label: string, max: number) =>
  z
    .string()
    .trim()
    .max(max, `the ${label} is longer than ${max} characters`)
    .transform((value) => (value === '' ? null : value));

/** One CSV row, as the strings the mapped columns hold; every row goes through it. */
export const csvLeadRowSchema = z
  .object({
    company: text('company', LEAD_TEXT_MAX),
    contact_name: text('contact name', LEAD_TEXT_MAX),
    email: text('email', 320).superRefine((value, ctx) => {
      if (value !== null && !emailAddress.safeParse(value).success) {
        ctx.addIssue({ code: 'custom', message: `the email ${quoteValue(value)} is not a valid address` });
      }
    }),
    phone: text('phone', 40).superRefine((value, ctx) => {
      if (value !== null && !/^[+()\d\s./-]{3,40}$/.test(value)) {
        ctx.addIssue({ code: 'custom', message: `the phone ${quoteValue(value)} may only use digits, spaces and + ( ) - .` });
      }
    }),
    source: z.string().transform((raw, ctx) => {
      if (raw.trim() === '') return 'other' as LeadSource;
      const source = readEnum(raw, LEAD_SOURCES, SOURCE_ALIASES);
      if (source) return source;
      ctx.addIssue({
        code: 'custom',
        message: `the source ${quoteValue(raw.trim())} is not one we know (use ${LEAD_SOURCES.map(sourceLabel).join(', ')})`,
      });
      return z.NEVER;
    }),
    stage: z.string().transform((raw, ctx) => {
      if (raw.trim() === '') return 'new' as LeadStage;
      const stage = readEnum(raw, LEAD_STAGES, STAGE_ALIASES);
      if (stage) return stage;
      ctx.addIssue({
        code: 'custom',
        message: `the stage ${quoteValue(raw.trim())} is not one we know (use ${LEAD_STAGES.map(stageLabel).join(', ')})`,
      });
      return z.NEVER;
    }),
    estimated_value: z.string().transform((raw, ctx) => {
      const reading = parseMoneyCell(raw);
      if (reading === 'negative') {
        ctx.addIssue({ code: 'custom', message: `the value ${quoteValue(raw.trim())} is negative; values must be 0 or more` });
        return z.NEVER;
      }
      if (reading === 'unreadable') {
        ctx.addIssue({ code: 'custom', message: `the value ${quoteValue(raw.trim())} is not a number such as 1200, 1,200.50 or €1.200,50` });
        return z.NEVER;
      }
      return reading;
    }),
    currency: z
      .string()
      .trim()
      .transform((value) => value.toUpperCase())
      .superRefine((value, ctx) => {
        if (value !== '' && !/^[A-Z]{3}$/.test(value)) {
          ctx.addIssue({ code: 'custom', message: `the currency ${quoteValue(value)} is not a three-letter code such as EUR` });
        }
      }),
    notes: text('notes', LEAD_NOTES_MAX),
  })
  .superRefine((row, ctx) => {
    if (row.company === null && row.contact_name === null) {
      ctx.addIssue({ code: 'custom', path: ['company'], message: 'there is no company or contact name; every lead needs one' });
    }
    const cellCurrency = row.estimated_value?.currency ?? null;
    if (cellCurrency && row.currency !== '' && cellCurrency !== row.currency) {
      ctx.addIssue({
        code: 'custom',
        path: ['currency'],
        message: `the value is in ${cellCurrency} but the currency column says ${row.currency}`,
      });
    }
  });

export interface LeadDraft {
  /** File line the row starts on. */
  line: number;
  lead: LeadDoc;
}

export interface MapRowsContext {
  partnerId: string;
  now: Date;
  idFactory: () => string;
  /** Currency for values that name none; EUR when not given. */
  defaultCurrency?: string;
}

export interface MappedRows {
  valid: LeadDraft[];
  errors: CsvRowError[];
}

function cell(row: CsvRow, index: number | null): string {
  return index === null ? '' : unguardCell(row.cells[index] ?? '');
}

/** Turns rows into validated lead documents; every row ends up in exactly one of the two lists. */
export function mapRows(rows: readonly CsvRow[], mapping: CsvMapping, context: MapRowsContext): MappedRows {
  const valid: LeadDraft[] = [];
  const errors: CsvRowError[] = [];
  const now = context.now.toISOString();
  const fallbackCurrency = context.defaultCurrency ?? DEFAULT_CURRENCY;
  for (const row of rows) {
    const input = Object.fromEntries(CSV_LEAD_FIELDS.map((field) => [field, cell(row, mapping[field])]));
    const result = csvLeadRowSchema.safeParse(input);
    if (!result.success) {
      const reasons = [...new Set(result.error.issues.map((issue) => issue.message))];
      errors.push({ row: row.line, reason: `Row ${row.line}: ${reasons.join('; ')}.` });
      continue;
    }
    const values = result.data;
    const money = values.estimated_value;
    const currency = values.currency !== '' ? values.currency : (money?.currency ?? fallbackCurrency);
    const lead = leadSchema.safeParse({
      id: context.idFactory(),
      partner_id: context.partnerId,
      created_at: now,
      updated_at: now,
      company: values.company ?? values.contact_name ?? '',
      contact_name: values.contact_name,
      email: values.email,
      phone: values.phone,
      source: values.source,
      stage: values.stage,
      stage_changed_at: now,
      estimated_value: money?.value ?? null,
      currency,
      notes: values.notes,
    });
    if (!lead.success) {
      errors.push({ row: row.line, reason: `Row ${row.line}: the lead could not be built (${lead.error.issues[0]?.message ?? 'invalid'}).` });
      continue;
    }
    valid.push({ line: row.line, lead: lead.data });
  }
  return { valid, errors };
}

// The error report --------------------------------------------------------------------------------

/** The rows that were not imported, with their reasons and original values, ready to fix. */
export function errorReportCsv(errors: readonly CsvRowError[], parsed: Pick<ParsedCsv, 'headers' | 'rows' | 'rejectedRows'>): string {
  const byLine = new Map([...parsed.rows, ...parsed.rejectedRows].map((row) => [row.line, row.cells]));
  const body = [...errors]
    .sort((a, b) => a.row - b.row)
    .map((error) => [String(error.row), error.reason, ...(byLine.get(error.row) ?? [])]);
  return toCsv([['Row', 'Reason', ...parsed.headers], ...body]);
}
