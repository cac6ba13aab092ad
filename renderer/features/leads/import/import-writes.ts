/**
 * The only writes an import makes, after the person confirms: new leads in one bulk insert, then
 * the patches that fill in existing leads. Both were built and validated by sync/domain/lead-duplicates.ts.
 */
import type { WorkstationDatabase } from '../../../../sync/schema/database';
import type { ImportPlan } from '../../../../sync/domain/lead-duplicates';

export interface ImportOutcome {
  inserted: number;
  updated: number;
  /** Sentences about documents the store refused; empty when everything was saved. */
  failures: string[];
}

export async function applyImport(db: WorkstationDatabase, plan: ImportPlan): Promise<ImportOutcome> {
  const failures: string[] = [];
  let inserted = 0;
  if (plan.inserts.length > 0) {
    const result = await db.leads.bulkInsert(plan.inserts);
    inserted = result.success.length;
    for (const error of result.error) {
      const company = plan.inserts.find((lead) => lead.id === error.documentId)?.company ?? error.documentId;
      failures.push(`“${company}” could not be saved on this device (${error.status === 409 ? 'a lead with the same id exists' : `error ${error.status}`}).`);
    }
  }
  let updated = 0;
  // One read for every lead the import fills in, not one per lead.
  const existing = await db.leads.findByIds(plan.updates.map((update) => update.id)).exec();
  for (const update of plan.updates) {
    const doc = existing.get(update.id);
    if (!doc) {
      failures.push(`The lead that rows ${update.lines.join(', ')} were to update no longer exists on this device, so they were not applied.`);
      continue;
    }
    if (Object.keys(update.patch).length > 0) await doc.incrementalPatch(update.patch);
    updated += 1;
  }
  return { inserted, updated, failures };
}
