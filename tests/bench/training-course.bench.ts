/**
 * Opening a course offline: Advanced Techniques (15 modules) for an Elite partner.
 * 1. In Chromium against the production build (when there is one): the demo workspace given the
 *    course's 15 modules and nine completions through the app's own database factory, then the
 *    course page opened in a fresh page until its 15 modules and the module player are on screen
 *    (cold: an app start straight onto the course, from IndexedDB) and again after navigating away
 *    (warm). Baseline in the same run: a fresh page onto Settings, which reads no training data.
 * 2. The data layer alone in Node: the local RxDB store (Dexie on fake-indexeddb) read for
 *    everything the page needs — courses, every module row, assessments, the partner's training
 *    rows and profile — and its view model (bodies validated, the course's modules in order,
 *    progress, the module to open, its videos and what the device holds). Cold: the first reads of
 *    a freshly opened database; warm: again on the open one. Baseline: one module row by id.
 */
import { randomUUID } from 'node:crypto';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import type { BrowserContext } from 'playwright-core';
import type { RxStorage } from 'rxdb';
import { build, type Rollup } from 'vite';
import { launchChromium } from '../fixtures/browser';
import { dexieStorage } from '../fixtures/sync-clients';
import { projectRoot, rendererBuildDir, startStaticServer } from '../fixtures/web-server';
import type { TrainingSeedCounts } from './support/training-course-seed';
import { assessmentBodySchema, courseBodySchema, moduleBodySchema } from '../../sync/schema/catalog-bodies';
import { catalogSchema, type CatalogDoc } from '../../sync/schema/catalog.schema';
import { openWorkstationDatabase, type WorkstationDatabase } from '../../sync/schema/database';
import { profileSchema } from '../../sync/schema/profiles.schema';
import { trainingProgressSchema, type TrainingProgressDoc } from '../../sync/schema/training-progress.schema';
import { completedModuleIds, courseProgress, findModuleRow, isCourseLocked } from '../../sync/domain/training-stats';
import { buildSeedData } from '../../sync/server/db/seed';
import { seedUsers } from '../../sync/server/db/seed-accounts';
import { courseVideos, summarizeCourseOffline } from '../../renderer/features/training/course-download';

export const name = 'training course page offline (15 modules)';

const COLD_RUNS = 7;
const WARM_RUNS = 30;
const COURSE_TITLE = 'Advanced Techniques';
const COLLECTIONS = ['catalog', 'training_progress', 'profiles'] as const;

const stats = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  const median = sorted.length % 2 ? (sorted[mid] ?? 0) : ((sorted[mid - 1] ?? 0) + (sorted[mid] ?? 0)) / 2;
  return { median, min: sorted[0] ?? 0, max: sorted[sorted.length - 1] ?? 0 };
};
const ms = (value: number) => `${value.toFixed(value < 1 ? 2 : 1)} ms`;

function open(name: string): Promise<WorkstationDatabase> {
  return openWorkstationDatabase({ name, storage: dexieStorage() as RxStorage<unknown, unknown>, collections: COLLECTIONS });
}

/** The seed's catalog and the Elite partner's rows, as the replication stores them. */
async function seedDocs() {
  const data = await buildSeedData(new Date('2026-12-01T09:00:00Z'));
  const table = (name: string) => data.tables.find(([table]) => table === name)?.[1] ?? [];
  const parseBody = (row: Record<string, unknown>) => ({ ...row, body: typeof row.body === 'string' ? (JSON.parse(row.body) as unknown) : row.body });
  const catalog = table('catalog').flatMap((row) => {
    const parsed = catalogSchema.safeParse(parseBody(row));
    return parsed.success ? [parsed.data] : [];
  });
  const partnerId = seedUsers.elite.id;
  const course = catalog.find((row) => row.kind === 'course' && row.title === COURSE_TITLE);
  if (!course) throw new Error(`The seed has no ${COURSE_TITLE} course`);
  const modules = catalog.filter((row) => row.kind === 'module' && moduleBodySchema.safeParse(row.body).data?.course_id === course.id);
  const seeded = table('training_progress').flatMap((row) => {
    // The seed's module rows predate the kind column (the database default fills it in).
    const parsed = trainingProgressSchema.safeParse({ kind: 'module', ...row });
    return parsed.success && parsed.data.partner_id === partnerId ? [parsed.data] : [];
  });
  // Nine of the fifteen modules done and a video left half way, so the view model has real work.
  const progress: TrainingProgressDoc[] = [
    ...seeded.filter((row) => row.course_id !== course.id),
    ...modules.slice(0, 10).map((module, index) =>
      trainingProgressSchema.parse({
        id: randomUUID(), partner_id: partnerId, created_at: `2026-11-${String(index + 1).padStart(2, '0')}T10:00:00.000Z`, kind: 'module',
        course_id: course.id, module_id: module.id, module_index: index, position_seconds: index === 9 ? 120 : null,
        completed_at: index < 9 ? `2026-11-${String(index + 1).padStart(2, '0')}T11:00:00.000Z` : null,
      }),
    ),
  ];
  const profile = table('profiles').flatMap((row) => {
    const parsed = profileSchema.safeParse(row);
    return parsed.success && parsed.data.id === partnerId ? [parsed.data] : [];
  });
  return { catalog, progress, profile, course, modules };
}

/** What CoursePage reads and computes before it can draw (use-training-data + use-course-offline). */
async function openCourse(db: WorkstationDatabase, courseId: string) {
  const [courseRows, moduleRows, assessmentRows, progressRows, profiles] = await Promise.all([
    db.catalog.find({ selector: { kind: 'course', published: true }, sort: [{ sort_order: 'asc' }] }).exec(),
    db.catalog.find({ selector: { kind: 'module', published: true }, sort: [{ sort_order: 'asc' }] }).exec(),
    db.catalog.find({ selector: { kind: 'assessment', published: true }, sort: [{ sort_order: 'asc' }] }).exec(),
    db.training_progress.find({ sort: [{ created_at: 'desc' }] }).exec(),
    db.profiles.find({ limit: 1 }).exec(),
  ]);
  const courses = courseRows.flatMap((row) => {
    const body = courseBodySchema.safeParse(row.body);
    return body.success ? [{ id: row.id, title: row.title, tierRequired: row.tier_required, body: body.data }] : [];
  });
  const modules = moduleRows
    .flatMap((row) => {
      const body = moduleBodySchema.safeParse(row.body);
      return body.success ? [{ id: row.id, body: body.data }] : [];
    })
    .sort((a, b) => a.body.index - b.body.index);
  const assessmentByCourse = new Map<string, string>();
  for (const row of assessmentRows) {
    const body = assessmentBodySchema.safeParse(row.body);
    if (body.success) assessmentByCourse.set(body.data.course_id, row.id);
  }
  const moduleProgress = progressRows.map((row) => row.toJSON()).filter((row) => row.kind === 'module');
  const course = courses.find((candidate) => candidate.id === courseId);
  if (!course || isCourseLocked(course.tierRequired, 'elite')) throw new Error('The course is not open to the Elite partner');
  const own = modules.filter((module) => module.body.course_id === course.id);
  const refs = own.map((module) => ({ id: module.id, index: module.body.index }));
  const done = completedModuleIds(moduleProgress, course.id, refs);
  const progress = courseProgress(moduleProgress, course.id, refs, course.body.modules.length);
  const firstOpen = own.findIndex((module) => !done.has(module.id));
  const current = own[firstOpen === -1 ? 0 : firstOpen];
  const row = current ? findModuleRow(moduleProgress, course.id, { id: current.id, index: current.body.index }) : null;
  const videos = summarizeCourseOffline(courseVideos(moduleRows.map((doc) => doc.toJSON()), course.id), []);
  return { own: own.length, progress, row, videos, assessment: assessmentByCourse.get(course.id), timezone: profiles[0]?.timezone };
}

async function time(work: () => Promise<unknown>): Promise<number> {
  const start = performance.now();
  await work();
  return performance.now() - start;
}

const BROWSER_COLD_RUNS = 5;
const BROWSER_WARM_RUNS = 5;
const COURSE_SCREEN = {
  hash: '#/training/courses/demo-course-advanced-techniques',
  ready: `document.querySelectorAll('nav[aria-label="Modules"] li').length === 15 && document.getElementById('module-title') !== null`,
};
const SETTINGS_SCREEN = { hash: '#/settings', ready: `document.querySelector('h1')?.textContent === 'Settings'` };

/**
 * In-page promise source: polls each frame until `ready` holds, then one frame and one task more
 * (painted, main thread free), resolving with performance.now() — for a fresh document, the time
 * since navigation started. Written into the source because the app's CSP forbids eval.
 */
function waitReadySource(ready: string): string {
  return `new Promise((resolve, reject) => {
    const deadline = performance.now() + 60000;
    const poll = () => {
      if (${ready}) return requestAnimationFrame(() => setTimeout(() => resolve(performance.now()), 0));
      if (performance.now() > deadline) return reject(new Error('screen not ready within 60 s'));
      requestAnimationFrame(poll);
    };
    poll();
  })`;
}

async function seedInBrowser(context: BrowserContext, appUrl: string): Promise<TrainingSeedCounts> {
  const result = await build({
    configFile: false,
    logLevel: 'silent',
    root: projectRoot,
    mode: 'production',
    build: {
      write: false,
      minify: false,
      target: 'esnext',
      lib: { entry: join(projectRoot, 'tests/bench/support/training-course-seed.ts'), formats: ['es'], fileName: 'seed' },
      rollupOptions: { output: { inlineDynamicImports: true } },
    },
  });
  const outputs = (Array.isArray(result) ? result : [result]) as Rollup.RollupOutput[];
  const chunk = outputs.flatMap((output) => output.output).find((item) => item.type === 'chunk');
  if (!chunk || chunk.type !== 'chunk') throw new Error('The seeding bundle has no code.');
  const page = await context.newPage();
  // Served on the app's origin (so it writes the app's IndexedDB), from memory, outside the app's CSP.
  await page.route(new URL('__bench/seed.html', appUrl).href, (route) =>
    route.fulfill({ contentType: 'text/html', body: '<!doctype html><title>seed</title><script type="module" src="seed.js"></script>' }),
  );
  await page.route(new URL('__bench/seed.js', appUrl).href, (route) => route.fulfill({ contentType: 'text/javascript', body: chunk.code }));
  await page.goto(new URL('__bench/seed.html', appUrl).href);
  await page.waitForFunction(() => 'seedTrainingCourse' in globalThis);
  const counts = await page.evaluate(() => (globalThis as unknown as { seedTrainingCourse(): Promise<TrainingSeedCounts> }).seedTrainingCourse());
  await page.close();
  return counts;
}

async function runInBrowser(): Promise<void> {
  if (!existsSync(join(rendererBuildDir, 'index.html'))) {
    console.log(`Chromium: skipped (no renderer build in ${rendererBuildDir}; npm run bench builds it first)`);
    return;
  }
  const server = await startStaticServer();
  const browser = await launchChromium();
  try {
    const context = await browser.newContext({ viewport: { width: 1280, height: 720 }, locale: 'en-GB', colorScheme: 'light' });
    const counts = await seedInBrowser(context, server.url);
    if (counts.modules !== 15) throw new Error(`Expected 15 Advanced Techniques modules in the demo store, found ${counts.modules}`);
    const coldLoad = async (screen: typeof COURSE_SCREEN) => {
      const page = await context.newPage();
      await page.goto(new URL(screen.hash, server.url).href, { waitUntil: 'commit' });
      return { ms: Number(await page.evaluate(waitReadySource(screen.ready))), page };
    };
    const navigate = async (page: Awaited<ReturnType<typeof coldLoad>>['page'], screen: typeof COURSE_SCREEN) =>
      Number(
        await page.evaluate(
          `(async () => { const start = performance.now(); location.hash = ${JSON.stringify(screen.hash)}; return (await ${waitReadySource(screen.ready)}) - start; })()`,
        ),
      );
    const cold: number[] = [];
    const settingsCold: number[] = [];
    const warm: number[] = [];
    for (let i = 0; i < BROWSER_COLD_RUNS; i += 1) {
      const settings = await coldLoad(SETTINGS_SCREEN);
      settingsCold.push(settings.ms);
      await settings.page.close();
      const course = await coldLoad(COURSE_SCREEN);
      cold.push(course.ms);
      if (i === BROWSER_COLD_RUNS - 1) {
        for (let j = 0; j < BROWSER_WARM_RUNS; j += 1) {
          await navigate(course.page, SETTINGS_SCREEN);
          warm.push(await navigate(course.page, COURSE_SCREEN));
        }
      }
      await course.page.close();
    }
    const c = stats(cold);
    const s = stats(settingsCold);
    const w = stats(warm);
    console.log(`Chromium, demo workspace with ${counts.modules} Advanced Techniques modules (${counts.completed} completed), offline from IndexedDB:`);
    console.log(`  baseline: app start onto Settings (no training data) median ${ms(s.median)} [${settingsCold.map((v) => v.toFixed(0)).join(', ')}]`);
    console.log(
      `  course page cold (app start onto the course) median ${ms(c.median)} [${cold.map((v) => v.toFixed(0)).join(', ')}], ${(c.median / s.median).toFixed(2)}× Settings cold; ` +
        `warm (navigate away and back) median ${ms(w.median)}; cold/warm ${(c.median / w.median).toFixed(1)}×`,
    );
  } finally {
    await browser.close();
    await server.close();
  }
}

export async function run(): Promise<void> {
  await runInBrowser();
  const { catalog, progress, profile, course, modules } = await seedDocs();
  const name = `bench-training-${randomUUID().slice(0, 8)}`;
  const writer = await open(name);
  await writer.catalog.bulkInsert(catalog as CatalogDoc[]);
  await writer.training_progress.bulkInsert(progress);
  if (profile.length > 0) await writer.profiles.bulkInsert(profile);
  await writer.close();
  const oneModuleId = modules[7]?.id ?? '';

  const opens: number[] = [];
  const cold: number[] = [];
  const coldBaseline: number[] = [];
  let check: Awaited<ReturnType<typeof openCourse>> | null = null;
  for (let i = 0; i < COLD_RUNS; i += 1) {
    // Alternate which read goes first after an open, so neither profits from the other's disk cache.
    for (const which of i % 2 === 0 ? (['course', 'module'] as const) : (['module', 'course'] as const)) {
      let db: WorkstationDatabase | null = null;
      opens.push(await time(async () => (db = await open(name))));
      const opened = db as unknown as WorkstationDatabase;
      if (which === 'course') cold.push(await time(async () => (check = await openCourse(opened, course.id))));
      else coldBaseline.push(await time(() => opened.catalog.findOne(oneModuleId).exec()));
      await opened.close();
    }
  }
  const db = await open(name);
  await openCourse(db, course.id);
  const warm: number[] = [];
  const warmBaseline: number[] = [];
  for (let i = 0; i < WARM_RUNS; i += 1) {
    warm.push(await time(() => openCourse(db, course.id)));
    warmBaseline.push(await time(() => db.catalog.findOne(oneModuleId).exec()));
  }
  await db.remove();

  const result = check as Awaited<ReturnType<typeof openCourse>> | null;
  if (!result || result.own !== 15) throw new Error(`Expected ${COURSE_TITLE} to have 15 modules on the device, found ${result?.own ?? 0}`);
  const c = stats(cold);
  const cb = stats(coldBaseline);
  const w = stats(warm);
  const wb = stats(warmBaseline);
  const o = stats(opens);
  console.log(
    `local store: ${catalog.length} catalog rows (${modules.length} modules in ${COURSE_TITLE}), ${progress.length} training rows; ` +
      `opening the database (3 collections) median ${ms(o.median)}`,
  );
  console.log(`baseline: one module row by id — cold median ${ms(cb.median)} (min ${ms(cb.min)}, max ${ms(cb.max)}); warm median ${ms(wb.median)}`);
  console.log(
    `course page (${result.progress.completed} of ${result.progress.total} done, ${result.videos.keepable.length + result.videos.streamOnly.length} videos): ` +
      `cold median ${ms(c.median)} (min ${ms(c.min)}, max ${ms(c.max)}), ${(c.median / cb.median).toFixed(1)}× one module cold; ` +
      `warm median ${ms(w.median)} (min ${ms(w.min)}, max ${ms(w.max)}), ${(w.median / wb.median).toFixed(1)}× one module warm; cold/warm ${(c.median / w.median).toFixed(1)}×`,
  );
}
