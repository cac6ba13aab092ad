/**
 * Browser-side seeding for the training course bench, bundled by the bench and loaded on the app's
 * origin: opens the demo workspace through the app's own factory, gives Advanced Techniques its 15
 * modules (the seed's outlines and lesson builder), makes the demo partner Elite so the course is
 * open, and records nine of the modules completed — what an Elite partner's device holds.
 */
import { openWorkspaceDatabase } from '../../../renderer/session/open-workspace-database';
import { rememberLastWorkspace } from '../../../renderer/session/last-workspace';
import { moduleLessons, trainingCourses } from '../../../sync/server/db/seed-training';

export const ADVANCED_COURSE_ID = 'demo-course-advanced-techniques';

export interface TrainingSeedCounts {
  modules: number;
  completed: number;
}

async function seedTrainingCourse(): Promise<TrainingSeedCounts> {
  const { db } = await openWorkspaceDatabase({ kind: 'demo' });
  try {
    const outlines = trainingCourses.find((course) => course.slug === 'advanced-techniques')?.modules ?? [];
    const sample = (await db.catalog.find({ selector: { kind: 'module' } }).exec())[0]?.toMutableJSON();
    const status = await db.partner_status.findOne().exec();
    if (!sample || !status) throw new Error('The demo workspace has no module or partner status to build on.');
    const now = new Date().toISOString();
    const modules = outlines.map((outline, index) => ({
      ...sample,
      id: `bench-advanced-module-${index}`,
      slug: `bench-advanced-module-${index}`,
      title: outline[0],
      tier_required: 'elite' as const,
      sort_order: 5000 + index,
      body: { course_id: ADVANCED_COURSE_ID, index, title: outline[0], duration_minutes: 16, lessons: moduleLessons(outline) },
    }));
    const progress = modules.slice(0, 9).map((module, index) => ({
      id: `bench-advanced-progress-${index}`,
      partner_id: status.partner_id,
      created_at: now,
      updated_at: now,
      kind: 'module' as const,
      course_id: ADVANCED_COURSE_ID,
      module_id: module.id,
      module_index: index,
      completed_at: now,
    }));
    const inserted = await db.catalog.bulkInsert(modules);
    if (inserted.error.length > 0) throw new Error(`Seeding modules failed: ${JSON.stringify(inserted.error[0])}`);
    const recorded = await db.training_progress.bulkInsert(progress);
    if (recorded.error.length > 0) throw new Error(`Seeding progress failed: ${JSON.stringify(recorded.error[0])}`);
    await status.incrementalPatch({ tier: 'elite' });
    rememberLastWorkspace(localStorage, { kind: 'demo' });
    return {
      modules: (await db.catalog.find({ selector: { kind: 'module' } }).exec()).filter((doc) => (doc.body as { course_id?: unknown }).course_id === ADVANCED_COURSE_ID).length,
      completed: progress.length,
    };
  } finally {
    await db.close();
  }
}

Object.assign(globalThis, { seedTrainingCourse });
