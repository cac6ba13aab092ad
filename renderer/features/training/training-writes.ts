/**
 * Every write the training screens make: the partner's one module row per course module (place in
 * a video, completion). Replication pushes it; the server lets a partner change only those two.
 */
import { findModuleRow } from '../../../sync/domain/training-stats';
import type { WorkstationDatabase } from '../../../sync/schema/database';
import { trainingProgressSchema, type TrainingProgressDoc } from '../../../sync/schema/training-progress.schema';

export interface ModuleRef {
  courseId: string;
  moduleId: string;
  moduleIndex: number;
}

/** The module's row: the one naming its id, else a legacy row (no module_id) at its current place. */
async function findModuleDoc(db: WorkstationDatabase, partnerId: string, ref: ModuleRef) {
  const docs = await db.training_progress.find({ selector: { partner_id: partnerId, kind: 'module', course_id: ref.courseId } }).exec();
  return findModuleRow(docs, ref.courseId, { id: ref.moduleId, index: ref.moduleIndex });
}

async function upsertModuleRow(
  db: WorkstationDatabase,
  partnerId: string,
  ref: ModuleRef,
  change: Pick<TrainingProgressDoc, 'completed_at' | 'position_seconds'>,
): Promise<void> {
  const now = new Date().toISOString();
  const existing = await findModuleDoc(db, partnerId, ref);
  if (existing) {
    await existing.incrementalPatch({ ...change, updated_at: now });
    return;
  }
  const row = trainingProgressSchema.parse({
    id: crypto.randomUUID(),
    partner_id: partnerId,
    created_at: now,
    updated_at: now,
    kind: 'module',
    course_id: ref.courseId,
    module_id: ref.moduleId,
    module_index: ref.moduleIndex,
    position_seconds: change.position_seconds ?? null,
    completed_at: change.completed_at ?? null,
  });
  await db.training_progress.insert(row);
}

/** Marks a module complete; completing it again keeps the first completion (one row per module). */
export async function completeModule(db: WorkstationDatabase, partnerId: string, ref: ModuleRef): Promise<void> {
  const existing = await findModuleDoc(db, partnerId, ref);
  if (existing?.completed_at) return;
  await upsertModuleRow(db, partnerId, ref, { completed_at: new Date().toISOString() });
}

/** Remembers where a video lesson was left, for resume. */
export async function saveVideoPosition(db: WorkstationDatabase, partnerId: string, ref: ModuleRef, seconds: number): Promise<void> {
  const existing = await findModuleDoc(db, partnerId, ref);
  const rounded = Math.max(0, Math.round(seconds));
  if (existing && existing.position_seconds === rounded) return;
  await upsertModuleRow(db, partnerId, ref, { position_seconds: rounded, ...(existing ? {} : { completed_at: null }) });
}
