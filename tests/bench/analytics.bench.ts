/**
 * The Analytics page for a large partner — 10,000 leads (with 25,000 stage changes), 20,000
 * commission lines and 50,000 daily click rows — against a baseline measured in the same run:
 * - Cold: a fresh engine computes every widget (indexes, metrics with the previous period, trends,
 *   funnel, time in stage, sources and channels, cohorts, forecast, program-comparison figures).
 * - Recompute: one lead changes stage (a new leads array, the other inputs unchanged), as a synced
 *   change does; the engine reuses the other inputs' indexes.
 * - Baseline: one plain pass summing the earnings amounts (the least any figure could cost).
 * Goals: cold < 200 ms; recompute < 50 ms.
 */
import { performance } from 'node:perf_hooks';
import { createAnalyticsEngine, monthFigures, type AnalyticsActivity, type AnalyticsClick, type AnalyticsEarning, type AnalyticsInput, type AnalyticsLead, type AnalyticsLink } from '../../sync/domain/analytics';
import { LEAD_SOURCES, type LeadStage } from '../../sync/schema/leads.schema';

export const name = 'analytics page';

const LEADS = 10_000;
const EARNINGS = 20_000;
const CLICKS = 50_000;
const LINKS = 40;
const NOW = new Date('2026-12-01T12:00:00Z');
const DAY = 86_400_000;
const STAGES_OPEN: LeadStage[] = ['new', 'contacted', 'qualified', 'proposal'];

/** A small deterministic generator so every run measures the same data. */
function random(seed: number) {
  let state = seed;
  return () => {
    state = (state * 1_664_525 + 1_013_904_223) % 4_294_967_296;
    return state / 4_294_967_296;
  };
}

function build() {
  const next = random(17);
  const links: AnalyticsLink[] = Array.from({ length: LINKS }, (_, i) => ({ id: `link-${i}`, name: `Link ${i}`, utm_source: ['linkedin', 'newsletter', 'events', null][i % 4], utm_medium: i % 2 ? 'social' : 'email' }));
  const leads: AnalyticsLead[] = [];
  const activities: AnalyticsActivity[] = [];
  for (let i = 0; i < LEADS; i++) {
    // Two years of leads, more recent ones more likely; a third end won, a third lost.
    const created = NOW.getTime() - Math.floor(Math.sqrt(next()) * 730 * DAY);
    const roll = next();
    const furthest = Math.floor(next() * 4);
    const stage: LeadStage = created < NOW.getTime() - 90 * DAY ? (roll < 0.35 ? 'won' : roll < 0.7 ? 'lost' : (STAGES_OPEN[furthest] ?? 'new')) : (STAGES_OPEN[furthest] ?? 'new');
    let at = created;
    const path: LeadStage[] = [...STAGES_OPEN.slice(1, furthest + 1), ...(stage === 'won' || stage === 'lost' ? [stage] : [])];
    for (const step of path) {
      at += Math.floor((1 + next() * 20) * DAY);
      activities.push({ lead_id: `lead-${i}`, kind: 'stage_change', occurred_at: new Date(Math.min(at, NOW.getTime())).toISOString(), meta: JSON.stringify({ to: step }) });
    }
    const linked = next() < 0.4;
    leads.push({
      id: `lead-${i}`,
      created_at: new Date(created).toISOString(),
      stage,
      source: linked ? 'referral_link' : (LEAD_SOURCES[Math.floor(next() * LEAD_SOURCES.length)] ?? 'other'),
      stage_changed_at: path.length ? new Date(Math.min(at, NOW.getTime())).toISOString() : null,
      estimated_value: Math.round(500 + next() * 20_000),
      currency: ['GBP', 'EUR', 'USD'][i % 3] ?? 'GBP',
      referral_link_id: linked ? `link-${Math.floor(next() * LINKS)}` : null,
    });
  }
  const earnings: AnalyticsEarning[] = Array.from({ length: EARNINGS }, (_, i) => ({
    id: `earning-${i}`,
    kind: 'commission',
    amount: i % 25 === 0 ? -Math.round(next() * 500) : Math.round(50 + next() * 3_000),
    currency: ['GBP', 'EUR', 'USD'][i % 3] ?? 'GBP',
    status: i % 40 === 0 ? 'reversed' : 'approved',
    created_at: new Date(NOW.getTime() - Math.floor(next() * 730 * DAY)).toISOString(),
  }));
  const clicks: AnalyticsClick[] = Array.from({ length: CLICKS }, (_, i) => ({
    referral_link_id: `link-${i % LINKS}`,
    day: new Date(NOW.getTime() - Math.floor(i / LINKS) * DAY).toISOString().slice(0, 10),
    clicks: Math.floor(next() * 30),
  }));
  return { leads, earnings, clicks, links, activities };
}

function stats(samples: number[]) {
  const sorted = [...samples].sort((a, b) => a - b);
  const at = (q: number) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? Number.NaN;
  return { median: at(0.5), p95: at(0.95) };
}

const ms = (value: number) => `${value.toFixed(2)} ms`;

function computeEverything(engine: ReturnType<typeof createAnalyticsEngine>, input: AnalyticsInput): void {
  const result = engine.compute(input);
  if (!result) throw new Error('The bench period did not resolve.');
  monthFigures(result.indexes.leads, result.indexes.earnings, '2026-11');
}

export async function run(): Promise<void> {
  const data = build();
  const base: AnalyticsInput = { ...data, period: { kind: 'quarter' }, now: NOW, timeZone: 'Europe/London', commissionRate: 25 };

  computeEverything(createAnalyticsEngine(), base);
  const cold: number[] = [];
  for (let i = 0; i < 15; i++) {
    const engine = createAnalyticsEngine();
    const start = performance.now();
    computeEverything(engine, base);
    cold.push(performance.now() - start);
  }

  const engine = createAnalyticsEngine();
  computeEverything(engine, base);
  const recompute: number[] = [];
  let leads = data.leads;
  for (let i = 0; i < 30; i++) {
    const index = (i * 331) % leads.length;
    const changed = leads.slice();
    const lead = changed[index];
    if (lead) changed[index] = { ...lead, stage: 'won', stage_changed_at: new Date(NOW.getTime() - i * 1000).toISOString() };
    leads = changed;
    const start = performance.now();
    computeEverything(engine, { ...base, leads });
    recompute.push(performance.now() - start);
  }

  const baseline: number[] = [];
  let sink = 0;
  for (let i = 0; i < 30; i++) {
    const start = performance.now();
    for (const row of data.earnings) sink += row.amount;
    baseline.push(performance.now() - start);
  }
  if (Number.isNaN(sink)) throw new Error('unreachable');

  const c = stats(cold);
  const r = stats(recompute);
  const b = stats(baseline);
  const ratio = (value: number) => (value / Math.max(b.median, 0.001)).toFixed(0);
  console.log(`every widget, cold (${LEADS.toLocaleString('en')} leads, ${EARNINGS.toLocaleString('en')} earnings, ${CLICKS.toLocaleString('en')} clicks, ${data.activities.length.toLocaleString('en')} stage changes): median ${ms(c.median)}, p95 ${ms(c.p95)} (goal < 200 ms)`);
  console.log(`recompute after one lead changes: median ${ms(r.median)}, p95 ${ms(r.p95)} (goal < 50 ms)`);
  console.log(`  baseline, one pass summing ${EARNINGS.toLocaleString('en')} earnings: median ${ms(b.median)} → cold ${ratio(c.median)}×, recompute ${ratio(r.median)}× the baseline`);
}
