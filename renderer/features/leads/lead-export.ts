/** Saving leads as a CSV file through the platform (a download in the browser, a save dialog in the app). */
import type { Platform, SaveFileResult } from '../../platform';
import { leadsToCsv } from '../../../sync/domain/csv-lead-export';
import { leadSchema } from '../../../sync/schema/leads.schema';

/** A BOM so spreadsheet programs open the UTF-8 text with the right accents. */
export function csvBytes(text: string): Uint8Array {
  return new TextEncoder().encode(`\ufeff${text}`);
}

function exportFileName(now: Date): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `siso-leads-${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}.csv`;
}

export function saveLeadsAsCsv(platform: Platform, rows: readonly unknown[]): Promise<SaveFileResult> {
  const leads = rows.map((row) => leadSchema.parse(row));
  return platform.saveFile({ suggestedName: exportFileName(new Date()), mimeType: 'text/csv', data: csvBytes(leadsToCsv(leads)) });
}
