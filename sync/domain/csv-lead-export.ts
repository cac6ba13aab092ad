/**
 * Leads out to CSV, written by hand so the Leads page never loads a CSV parser: the columns and
 * their titles (import recognises the same ones), RFC 4180 quoting, and the spreadsheet formula
 * guard. Stage and source are written by their names (sync/domain/leads.ts), which import reads.
 *
 * Formula injection: a cell starting with = + - @ (or a tab or carriage return) gets a leading
 * apostrophe, so a spreadsheet shows it as text instead of running it; import removes it again.
 */
import type { LeadDoc } from '../schema/leads.schema';
import { sourceLabel, stageLabel } from './leads';

export const CSV_LEAD_FIELDS = [
  'company',
  'contact_name',
  'email',
  'phone',
  'source',
  'stage',
  'estimated_value',
  'currency',
  'notes',
] as const;
export type CsvLeadField = (typeof CSV_LEAD_FIELDS)[number];

/** Column titles used by export; also what the mapping step calls each field. */
export const CSV_FIELD_LABELS: Record<CsvLeadField, string> = {
  company: 'Company',
  contact_name: 'Contact',
  email: 'Email',
  phone: 'Phone',
  source: 'Source',
  stage: 'Stage',
  estimated_value: 'Value',
  currency: 'Currency',
  notes: 'Notes',
};

/** Column index per field; null when no column feeds it. */
export type CsvMapping = Record<CsvLeadField, number | null>;

const FORMULA_START = /^[=+\-@\t\r]/;

/** RFC 4180 quoting plus the formula guard described in the header comment. */
export function csvCell(value: string): string {
  const guarded = FORMULA_START.test(value) ? `'${value}` : value;
  return /[",\r\n;\t]/.test(guarded) || guarded !== guarded.trim() ? `"${guarded.replace(/"/g, '""')}"` : guarded;
}

export function toCsv(rows: readonly (readonly string[])[]): string {
  return rows.map((row) => row.map(csvCell).join(',')).join('\r\n') + '\r\n';
}

/** Never exactly three decimals, so the import's thousands rule cannot misread an exported value. */
function formatValue(value: number | null | undefined): string {
  if (value === null || value === undefined) return '';
  const plain = String(value);
  if (/e/i.test(plain)) return value.toFixed(2);
  const fraction = plain.split('.')[1];
  return fraction && fraction.length === 3 ? `${plain}0` : plain;
}

/** Leads as CSV with a header row; columns and titles match what import recognises. */
export function leadsToCsv(leads: LeadDoc[]): string {
  const header = CSV_LEAD_FIELDS.map((field) => CSV_FIELD_LABELS[field]);
  const body = leads.map((lead) => [
    lead.company,
    lead.contact_name ?? '',
    lead.email ?? '',
    lead.phone ?? '',
    sourceLabel(lead.source),
    stageLabel(lead.stage),
    formatValue(lead.estimated_value),
    lead.currency ?? '',
    lead.notes ?? '',
  ]);
  return toCsv([header, ...body]);
}

/** Undoes csvCell's formula guard: a leading apostrophe before = + - @ tab or CR. */
export function unguardCell(cell: string): string {
  return cell.startsWith("'") && FORMULA_START.test(cell.slice(1)) ? cell.slice(1) : cell;
}
