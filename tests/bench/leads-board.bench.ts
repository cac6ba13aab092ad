/**
 * The leads screen's hot paths, each against a baseline measured in the same run:
 * - Board first render with 5,000 leads: PipelineBoard rendered with react-dom/server (virtualised
 *   columns, grouping and sorting included) against rendering all 5,000 card bodies without
 *   virtualisation. This is a baseline figure for render cost, not a browser paint time: seeding
 *   5,000 leads into a running app needs the CSV import page (not finished yet) or a test-only hook
 *   in production code (not allowed), so the in-browser switch is not measured here yet.
 * - List first render with 10,000 leads: sorting (most recently updated first) plus LeadTable
 *   rendered with react-dom/server (only the rows in view and a few either side) against the same
 *   sort plus a plain table of all 10,000 rows, which is what the list rendered before it was
 *   virtualised. Same caveat: render cost in Node, not a browser paint.
 * - A search keystroke over 10,000 leads: LeadSearchIndex (minisearch) against a plain
 *   Array.filter substring scan over pre-folded text; median and p95 per keystroke.
 * Goals: board first render < 100 ms, list first render < 100 ms, search keystroke < 16 ms.
 */
import { performance } from 'node:perf_hooks';
import { createElement } from 'react';
import { renderToString } from 'react-dom/server';
import { Link, MemoryRouter } from 'react-router-dom';
import { LeadSearchIndex } from '../../sync/domain/lead-search';
import { foldForSearch, lastChangedAt, LEAD_SOURCES, LEAD_STAGES, sortLeadsByRecentChange, stageLabel } from '../../sync/domain/leads';
import { formatMoney } from '../../renderer/ui/format';
import { formatDateTime, formatRelativeTime } from '../../renderer/features/leads/labels';
import { LeadCardBody, type BoardLead } from '../../renderer/features/leads/LeadCard';
import { LeadTable } from '../../renderer/features/leads/LeadTable';
import { PipelineBoard } from '../../renderer/features/leads/PipelineBoard';

export const name = 'leads board and search';

const FIRST = ['Anna', 'Ben', 'Chloé', 'Dário', 'Eva', 'Fatima', 'Gustav', 'Hélène', 'Igor', 'Jürgen', 'Kasia', 'Łucja'];
const LAST = ['Novak', 'Øster', 'Pereira', 'Quinn', 'Rossi', 'Søren', 'Tanaka', 'Ueda', 'Vargas', 'Weiß'];
const WORDS = ['Logistics', 'Bakery', 'Studio', 'Arquitectos', 'Tiles', 'Café', 'Brewing', 'Dental', 'Robotics', 'Surf'];
const PLACES = ['Lisbon', 'Kraków', 'Málaga', 'Zürich', 'Oslo', 'Gdańsk', 'Porto', 'Köln'];

interface BenchLead extends BoardLead {
  notes: string | null;
}

function generateLeads(count: number): BenchLead[] {
  const now = Date.now();
  return Array.from({ length: count }, (_, i) => {
    const person = `${FIRST[i % FIRST.length]} ${LAST[(i * 7) % LAST.length]}`;
    const at = new Date(now - (i % 200) * 86_400_000).toISOString();
    return {
      id: `bench-${i}`,
      company: `${PLACES[(i * 3) % PLACES.length]} ${WORDS[(i * 11) % WORDS.length]} ${i}`,
      contact_name: person,
      email: `${foldForSearch(person).replace(/ /g, '.')}@example.com`,
      notes: i % 4 === 0 ? `Met in ${PLACES[i % PLACES.length]} about a new ${(WORDS[i % WORDS.length] ?? 'web').toLowerCase()} site.` : null,
      stage: LEAD_STAGES[i % LEAD_STAGES.length] ?? 'new',
      source: LEAD_SOURCES[i % LEAD_SOURCES.length] ?? 'other',
      estimated_value: 500 + ((i * 37) % 30_000),
      currency: ['EUR', 'GBP', 'USD'][i % 3] ?? 'EUR',
      lost_reason: null,
      created_at: at,
      updated_at: at,
      stage_changed_at: at,
    };
  });
}

function stats(samples: number[]) {
  const sorted = [...samples].sort((a, b) => a - b);
  const at = (q: number) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? Number.NaN;
  return { median: at(0.5), p95: at(0.95) };
}

function timeRepeated(runs: number, fn: () => void): number[] {
  fn();
  const samples: number[] = [];
  for (let i = 0; i < runs; i++) {
    const start = performance.now();
    fn();
    samples.push(performance.now() - start);
  }
  return samples;
}

const ms = (value: number) => `${value.toFixed(2)} ms`;

function benchBoardRender(leads: BenchLead[]): void {
  const now = new Date();
  const board = () =>
    renderToString(createElement(MemoryRouter, null, createElement(PipelineBoard<BenchLead>, { leads, now, onDrop: () => undefined })));
  const everyCard = () =>
    renderToString(
      createElement(
        MemoryRouter,
        null,
        createElement(
          'div',
          null,
          leads.map((lead) => createElement('article', { key: lead.id }, createElement(LeadCardBody, { lead, now, link: true }))),
        ),
      ),
    );
  const virtualised = stats(timeRepeated(15, board));
  const baseline = stats(timeRepeated(5, everyCard));
  console.log(`board first render, ${leads.length} leads (react-dom/server, Node):`);
  console.log(`  all ${leads.length} cards, not virtualised: ${ms(baseline.median)} median (baseline)`);
  console.log(
    `  PipelineBoard, virtualised:    ${ms(virtualised.median)} median, ${ms(virtualised.p95)} p95 ` +
      `(${(baseline.median / virtualised.median).toFixed(1)}× faster than baseline; goal < 100 ms median: ${virtualised.median < 100 ? 'met' : 'NOT met'})`,
  );
}

/** The list as it was before virtualisation: one row per lead, every cell as LeadTable draws it. */
function everyRowTable(leads: readonly BenchLead[], now: Date) {
  const cell = (content: unknown) => createElement('td', null, content as string);
  return createElement(
    'table',
    null,
    createElement(
      'tbody',
      null,
      leads.map((lead) => {
        const changed = lastChangedAt(lead);
        return createElement(
          'tr',
          { key: lead.id },
          cell(createElement('input', { type: 'checkbox', 'aria-label': `Select ${lead.company}`, checked: false, readOnly: true })),
          createElement('th', { scope: 'row' }, createElement(Link, { to: `/leads/${lead.id}` }, lead.company)),
          cell([lead.contact_name ?? '', lead.email ? createElement('span', { key: 'email' }, lead.email) : null]),
          cell(createElement('span', { className: 'stage-badge' }, stageLabel(lead.stage))),
          cell(typeof lead.estimated_value === 'number' ? formatMoney(lead.estimated_value, lead.currency ?? null) : '—'),
          cell(createElement('time', { dateTime: changed, title: formatDateTime(changed) }, formatRelativeTime(changed, now))),
        );
      }),
    ),
  );
}

function benchListRender(leads: BenchLead[]): void {
  const now = new Date();
  const selected = new Set<string>();
  const list = () =>
    renderToString(
      createElement(
        MemoryRouter,
        null,
        createElement(LeadTable<BenchLead>, { leads: sortLeadsByRecentChange(leads), now, selected, onToggle: () => undefined, onToggleAll: () => undefined }),
      ),
    );
  const everyRow = () => renderToString(createElement(MemoryRouter, null, everyRowTable(sortLeadsByRecentChange(leads), now)));
  const rendered = (list().match(/<tr [^>]*data-index=/g) ?? []).length;
  const virtualised = stats(timeRepeated(15, list));
  const baseline = stats(timeRepeated(5, everyRow));
  console.log(`list first render, ${leads.length} leads (sort + table, react-dom/server, Node):`);
  console.log(`  all ${leads.length} rows, not virtualised: ${ms(baseline.median)} median (baseline)`);
  console.log(
    `  LeadTable, virtualised (${rendered} rows in the DOM): ${ms(virtualised.median)} median, ${ms(virtualised.p95)} p95 ` +
      `(${(baseline.median / virtualised.median).toFixed(1)}× faster than baseline; goal < 100 ms median: ${virtualised.median < 100 ? 'met' : 'NOT met'})`,
  );
}

function benchSearch(): void {
  const leads = generateLeads(10_000);
  const index = new LeadSearchIndex();
  const buildStart = performance.now();
  index.sync(leads);
  const buildMs = performance.now() - buildStart;
  const changed = leads.map((lead, i) => (i === 42 ? { ...lead, company: 'Renamed Robotics 42' } : lead));
  const syncStart = performance.now();
  index.sync(changed);
  const syncMs = performance.now() - syncStart;

  const folded = leads.map((lead) => ({ id: lead.id, text: foldForSearch([lead.company, lead.contact_name, lead.email, lead.notes].join(' ')) }));
  // Each word typed one letter at a time, as keystrokes arrive.
  const typed = ['hernandez', 'krakow robotics', 'helene', 'weiss', 'zurich cafe', 'lucja oster', 'bakery 4242', 'porto'];
  const keystrokes = typed.flatMap((query) => Array.from({ length: query.length }, (_, i) => query.slice(0, i + 1)));
  const indexSamples: number[] = [];
  const scanSamples: number[] = [];
  for (let round = 0; round < 5; round++) {
    for (const query of keystrokes) {
      let start = performance.now();
      index.search(query);
      indexSamples.push(performance.now() - start);
      start = performance.now();
      const words = foldForSearch(query).split(' ');
      folded.filter((lead) => words.every((word) => lead.text.includes(word)));
      scanSamples.push(performance.now() - start);
    }
  }
  const minisearch = stats(indexSamples);
  const scan = stats(scanSamples);
  console.log(`search keystroke, 10,000 leads (${keystrokes.length} keystrokes × 5):`);
  console.log(`  index build ${ms(buildMs)}; incremental sync after one edit ${ms(syncMs)}`);
  console.log(`  Array.filter substring scan:  ${ms(scan.median)} median, ${ms(scan.p95)} p95 (baseline)`);
  console.log(
    `  LeadSearchIndex (minisearch): ${ms(minisearch.median)} median, ${ms(minisearch.p95)} p95 ` +
      `(${(minisearch.median / scan.median).toFixed(2)}× baseline median; goal < 16 ms at p95: ${minisearch.p95 < 16 ? 'met' : 'NOT met'})`,
  );
}

export async function run(): Promise<void> {
  const leads = generateLeads(5_000);
  benchBoardRender(leads);
  benchListRender(generateLeads(10_000));
  benchSearch();
}
