/**
 * Browser-side seeding for the cold-start bench, bundled by the bench and loaded on the app's
 * origin: opens the demo workspace through the app's own factory (which loads the bundled demo
 * data) and grows it to the bench's size with rows cloned from that demo data, so every row is
 * as valid as the demo's own.
 */
import { openWorkspaceDatabase } from '../../../renderer/session/open-workspace-database';
import { rememberLastWorkspace } from '../../../renderer/session/last-workspace';

export interface SeedTargets {
  leads: number;
  earnings: number;
  catalog: number;
}

export type SeedCounts = SeedTargets;

const DAY_MS = 86_400_000;
/** Catalog kinds that add reading matter without changing tier rules, entitlements or templates. */
const CLONED_CATALOG_KINDS = new Set(['article', 'asset', 'announcement']);

function spreadDate(index: number, now: number): string {
  // Two years of history, a few rows a day, so the dashboard's monthly figures have data throughout.
  return new Date(now - (index % 730) * DAY_MS - (index % 24) * 3_600_000).toISOString();
}

async function seedColdStartWorkspace(targets: SeedTargets): Promise<SeedCounts> {
  const { db } = await openWorkspaceDatabase({ kind: 'demo' });
  try {
    const now = Date.now();
    const demoLeads = (await db.leads.find().exec()).map((doc) => doc.toMutableJSON());
    const demoEarnings = (await db.earnings.find().exec()).map((doc) => doc.toMutableJSON());
    const demoCatalog = (await db.catalog.find().exec()).map((doc) => doc.toMutableJSON()).filter((row) => CLONED_CATALOG_KINDS.has(row.kind));

    const leads = Array.from({ length: Math.max(0, targets.leads - demoLeads.length) }, (_, i) => {
      const source = demoLeads[i % demoLeads.length]!;
      const at = spreadDate(i, now);
      return { ...source, id: `bench-lead-${i}`, company: `${source.company} ${i}`, created_at: at, updated_at: at, stage_changed_at: at };
    });
    const earnings = Array.from({ length: Math.max(0, targets.earnings - demoEarnings.length) }, (_, i) => {
      const source = demoEarnings[i % demoEarnings.length]!;
      const at = spreadDate(i, now);
      return { ...source, id: `bench-earning-${i}`, created_at: at, updated_at: at };
    });
    const catalog = Array.from({ length: Math.max(0, targets.catalog - (await db.catalog.count().exec())) }, (_, i) => {
      const source = demoCatalog[i % demoCatalog.length]!;
      return { ...source, id: `bench-catalog-${i}`, slug: `${source.slug}-bench-${i}`, title: `${source.title} (${i})`, sort_order: 1000 + i };
    });
    for (const [name, rows] of [
      ['leads', leads],
      ['earnings', earnings],
      ['catalog', catalog],
    ] as const) {
      const result = await db[name].bulkInsert(rows as never[]);
      if (result.error.length > 0) throw new Error(`Seeding ${name} failed: ${JSON.stringify(result.error[0])}`);
    }
    rememberLastWorkspace(localStorage, { kind: 'demo' });
    return {
      leads: await db.leads.count().exec(),
      earnings: await db.earnings.count().exec(),
      catalog: await db.catalog.count().exec(),
    };
  } finally {
    await db.close();
  }
}

Object.assign(globalThis, { seedColdStartWorkspace });
