/**
 * CSV import cost for a 10,000-row file: parse + map + validate (+ duplicate search) against
 * papaparse parsing the same text alone, median of 5 runs each; and leadsToCsv for 10,000 leads.
 */
import { performance } from 'node:perf_hooks';
import Papa from 'papaparse';
import { leadsToCsv } from '../../sync/domain/csv-lead-export';
import { mapRows, parseCsv, suggestMapping } from '../../sync/domain/csv-lead-import';
import { findDuplicates } from '../../sync/domain/lead-duplicates';

export const name = 'csv import and export';

const ROWS = 10_000;
const RUNS = 5;
const PARTNER = '00000000-0000-4000-8000-00000000de40';

function generateCsv(): string {
  const lines = ['\ufeffCompany;Contact;Email;Phone;Source;Stage;Value;Currency;Notes'];
  const sources = ['Website', 'Event', 'Referral link', 'Cold outreach', ''];
  const stages = ['New', 'Contacted', 'Qualified', 'Proposal', ''];
  for (let i = 0; i < ROWS; i += 1) {
    lines.push(
      [
        `"Company ${i}; Ltd"`,
        `Contact ${i}`,
        `contact${i}@example.com`,
        `+44 20 7946 ${String(i % 10_000).padStart(4, '0')}`,
        sources[i % sources.length],
        stages[i % stages.length],
        `"€${1 + (i % 9)}.${String(i % 1000).padStart(3, '0')},50"`,
        '',
        `"Met at ""the fair""\nfollow up ${i}"`,
      ].join(';'),
    );
  }
  return lines.join('\r\n');
}

async function median(fn: () => unknown): Promise<number> {
  fn(); // warm-up
  const times: number[] = [];
  for (let i = 0; i < RUNS; i += 1) {
    const start = performance.now();
    fn();
    times.push(performance.now() - start);
    await new Promise((resolve) => setImmediate(resolve));
  }
  return times.sort((a, b) => a - b)[Math.floor(RUNS / 2)]!;
}

export async function run(): Promise<void> {
  const text = generateCsv();
  const now = new Date();
  let n = 0;
  const context = { partnerId: PARTNER, now, idFactory: () => `bench-${++n}` };

  const baseline = await median(() => Papa.parse<string[]>(text, { skipEmptyLines: false }));
  let validCount = 0;
  const full = await median(() => {
    const parsed = parseCsv(text);
    const mapped = mapRows(parsed.rows, suggestMapping(parsed.headers), context);
    validCount = mapped.valid.length;
    return findDuplicates(mapped.valid, []);
  });
  const parsed = parseCsv(text);
  const leads = mapRows(parsed.rows, suggestMapping(parsed.headers), context).valid.map((draft) => draft.lead);
  const exportTime = await median(() => leadsToCsv(leads));

  console.log(`${ROWS} rows, ${(text.length / 1024 / 1024).toFixed(1)} MB of text, ${validCount} valid`);
  console.log(`papaparse alone:                  ${baseline.toFixed(1)} ms (baseline, median of ${RUNS})`);
  console.log(`parse + map + validate + dedupe:  ${full.toFixed(1)} ms (${(full / baseline).toFixed(1)}× baseline)`);
  console.log(`leadsToCsv, ${leads.length} leads:         ${exportTime.toFixed(1)} ms (${(exportTime / baseline).toFixed(1)}× baseline)`);
}
