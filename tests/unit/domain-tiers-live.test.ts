/**
 * The tier pages' live path without React: the same observable queries the hooks use, on the demo
 * workspace in a memory store, recomputed by the tier engine on every emission. An admin's change
 * to a tier rule or to partner_status (as sync writes it into the local store) changes the result
 * with no reload.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { combineLatest, filter, firstValueFrom, map, skip, type Observable } from 'rxjs';
import { getRxStorageMemory } from 'rxdb/plugins/storage-memory';
import { observeQuery } from '../../renderer/data/collection-queries';
import { computeTierProgress, parseTierRules, type TierProgress } from '../../sync/domain/tiers';
import { openWorkstationDatabase, type WorkstationDatabase } from '../../sync/schema/database';
import { loadDemoWorkspace } from '../../sync/schema/demo-workspace';

const demo: unknown = JSON.parse(readFileSync(join(import.meta.dirname, '..', '..', 'resources', 'demo', 'workspace.json'), 'utf8'));
const NOW = new Date('2026-11-25T12:00:00Z');

let db: WorkstationDatabase | null = null;
afterEach(async () => {
  await db?.remove();
  db = null;
});

function liveProgress(database: WorkstationDatabase): Observable<TierProgress> {
  return combineLatest([
    observeQuery(database, 'catalog', { selector: { kind: 'tier_rule', published: true }, sort: [{ sort_order: 'asc' }] }),
    observeQuery(database, 'partner_status', { limit: 1 }),
    observeQuery(database, 'leads', {}),
    observeQuery(database, 'training_progress', {}),
  ]).pipe(
    map(([rules, status, leads, training]) =>
      computeTierProgress({
        rules: parseTierRules(rules).rules,
        status: status[0] ?? null,
        leads,
        training,
        now: NOW,
        timeZone: 'Europe/London',
      }),
    ),
  );
}

describe('tier progress follows the local store', () => {
  it('recomputes when an admin raises a requirement and when partner_status changes', async () => {
    db = await openWorkstationDatabase({ name: 'tiers-live', storage: getRxStorageMemory(), devMode: true });
    await loadDemoWorkspace(db, demo, NOW);
    const progress$ = liveProgress(db);

    const first = await firstValueFrom(progress$);
    expect(first.state).toBe('progressing');
    if (first.state !== 'progressing') return;
    expect(first.next.tier).toBe('performer');
    const modules = first.requirements.find((item) => item.key === 'training_modules');
    expect(modules).toMatchObject({ current: 24, target: 24, met: true });

    // An admin publishes a stricter Performer rule; sync writes it into the local catalog.
    const raised = firstValueFrom(
      progress$.pipe(
        skip(1),
        filter((value) => value.state === 'progressing' && value.requirements[1]?.target === 30),
      ),
    );
    const rule = await db.catalog.findOne('demo-tier-performer').exec();
    if (!rule) throw new Error('demo performer rule missing');
    const body = structuredClone(rule.toJSON().body) as { requirements: Record<string, number> };
    body.requirements.training_modules_completed = 30;
    await rule.incrementalPatch({ body, version: rule.version + 1 });
    const afterRule = await raised;
    if (afterRule.state !== 'progressing') throw new Error('expected progressing');
    expect(afterRule.requirements[1]).toMatchObject({ current: 24, target: 30, met: false });
    expect(afterRule.overallPercent).toBeLessThan(100);

    // SISO promotes the partner to Elite: no next tier any more.
    const promoted = firstValueFrom(progress$.pipe(filter((value) => value.state === 'top')));
    const status = await db.partner_status.findOne('demo-status').exec();
    if (!status) throw new Error('demo status missing');
    await status.incrementalPatch({ tier: 'elite', tier_since: NOW.toISOString(), commission_rate: 30 });
    await expect(promoted).resolves.toMatchObject({ state: 'top', daysInTier: 0 });
  });
});
