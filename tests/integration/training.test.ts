/**
 * The training hub on the server, against the local backend: content tier locks, the server-only
 * answer keys, grading of submitted attempts into passed/failed with a certificate on a pass, the
 * retake cooldown, partners' limits on what they may write, and module progress synced from a
 * device that was offline.
 */
import 'fake-indexeddb/auto';
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SupabaseClient } from '@supabase/supabase-js';
import { seedId } from '../../sync/server/db/seed';
import { assessmentKey, assessmentSlug, moduleSlug, trainingCourses } from '../../sync/server/db/seed-training';
import { encodeAttemptAnswers, type AttemptAnswers } from '../../sync/schema/training-progress.schema';
import { startTestBackend, type TestBackend } from '../fixtures/backend';
import { eventually, startClient, type WorkstationClient } from '../fixtures/sync-clients';

let backend: TestBackend;
let starter: SupabaseClient;
let performer: SupabaseClient;
let admin: SupabaseClient;
let starterId: string;
let performerId: string;
const clients: WorkstationClient[] = [];

const salesCourse = trainingCourses.find((course) => course.slug === 'sales-fundamentals')!;
const salesCourseId = seedId('catalog:sales-fundamentals');
const salesAssessmentId = seedId(`catalog:${assessmentSlug('sales-fundamentals')}`);

beforeAll(async () => {
  backend = await startTestBackend();
  ({ client: starter, userId: starterId } = await backend.signIn('starter'));
  ({ client: performer, userId: performerId } = await backend.signIn('performer'));
  admin = (await backend.signIn('admin')).client;
}, 60_000);

afterAll(async () => {
  for (const client of clients) await client.close();
  await backend?.close();
});

function attempt(partnerId: string, answers: AttemptAnswers) {
  return {
    id: randomUUID(), partner_id: partnerId, kind: 'attempt', course_id: salesAssessmentId, module_index: 0,
    status: 'submitted', answers: encodeAttemptAnswers(answers),
  };
}

describe('tier locks on training content', () => {
  it('shows a Starter every course (to show the locks) but not the modules or assessment of a Performer course', async () => {
    const courses = await starter.from('catalog').select('slug').eq('kind', 'course');
    expect(courses.error).toBeNull();
    expect((courses.data ?? []).map((row) => row.slug)).toContain('technical-basics');

    const technicalId = seedId('catalog:technical-basics');
    const contentOf = async (client: SupabaseClient, courseId: string) => {
      const { data, error } = await client.from('catalog').select('kind, body').in('kind', ['module', 'assessment']);
      expect(error).toBeNull();
      return (data as { kind: string; body: { course_id: string } }[]).filter((row) => row.body.course_id === courseId).map((row) => row.kind);
    };
    expect(await contentOf(starter, technicalId)).toEqual([]);
    expect((await contentOf(starter, salesCourseId)).sort()).toEqual(['assessment', ...Array<string>(8).fill('module')]);
    expect(await contentOf(performer, technicalId)).toHaveLength(6);
  });

  it('lets nobody but the service role read the answer keys', async () => {
    for (const client of [starter, performer, admin]) {
      const { data } = await client.from('assessment_keys').select('*');
      expect(data ?? []).toEqual([]);
    }
    const probe = await starter.rpc('grade_training_attempt', { assessment_id: salesAssessmentId, answers: '{}' });
    expect(probe.error?.message).toBe('Assessments are graded when an attempt is submitted.');
    const keys = await backend.serviceClient().from('assessment_keys').select('question_id').eq('assessment_id', salesAssessmentId);
    expect(keys.error).toBeNull();
    expect(keys.data).toHaveLength(salesCourse.questions.length);
  });
});

describe('what partners may write', () => {
  it('refuses a certificate made by a partner and an attempt that arrives already graded', async () => {
    const certificate = await starter.from('training_progress').insert({
      id: randomUUID(), partner_id: starterId, kind: 'certificate', course_id: salesCourseId, module_index: 0, verification_code: 'FAKE',
    });
    expect(certificate.error).not.toBeNull();
    const graded = await starter.from('training_progress').insert({ ...attempt(starterId, {}), status: 'passed', score: 1 });
    expect(graded.error).not.toBeNull();
    const mine = await starter.from('training_progress').select('id').in('kind', ['certificate', 'attempt']);
    expect(mine.data).toEqual([]);
  });
});

describe('grading', () => {
  it('grades a correct attempt passed, scores it and issues exactly one certificate', async () => {
    const row = attempt(performerId, assessmentKey(salesCourse));
    expect((await performer.from('training_progress').insert(row)).error).toBeNull();
    const stored = await performer.from('training_progress').select('status, score, completed_at').eq('id', row.id).single();
    expect(stored.data).toMatchObject({ status: 'passed', score: 1 });

    const certificates = await performer.from('training_progress').select('*').eq('kind', 'certificate').eq('ref_id', row.id);
    expect(certificates.data).toHaveLength(1);
    const certificate = certificates.data![0] as Record<string, string>;
    expect(certificate).toMatchObject({ course_id: salesCourseId, track: 'Sales', partner_id: performerId });
    expect(certificate.verification_code).toMatch(/^[0-9A-F]{12}$/);
    const year = Date.parse(certificate.expires_at!) - Date.parse(certificate.issued_at!);
    expect(year / (24 * 3600 * 1000)).toBeGreaterThanOrEqual(365);

    const changed = await performer.from('training_progress').update({ status: 'failed' }).eq('id', row.id).select();
    expect(changed.data ?? []).toEqual([]);
    expect((await performer.from('training_progress').select('status').eq('id', row.id).single()).data).toEqual({ status: 'passed' });
  });

  it('grades a wrong attempt failed, issues no certificate and refuses a retake inside the cooldown with a sentence', async () => {
    const wrong = Object.fromEntries(Object.keys(assessmentKey(salesCourse)).map((question) => [question, ['o99']]));
    const row = attempt(starterId, wrong);
    expect((await starter.from('training_progress').insert(row)).error).toBeNull();
    expect((await starter.from('training_progress').select('status, score').eq('id', row.id).single()).data).toEqual({ status: 'failed', score: 0 });
    expect((await starter.from('training_progress').select('id').eq('kind', 'certificate')).data).toEqual([]);

    const retake = await starter.from('training_progress').insert(attempt(starterId, assessmentKey(salesCourse)));
    expect(retake.error?.message).toMatch(/^You can retake this assessment after \d{4}-\d{2}-\d{2} \d{2}:\d{2} UTC\. Review the course modules in the meantime\.$/);
  });
});

describe('module progress from a device', () => {
  it('syncs module progress recorded while offline', async () => {
    const device = await startClient(backend, { account: 'starter', dbName: `training-${randomUUID()}`, collections: ['training_progress', 'catalog'], online: false });
    clients.push(device);
    const id = randomUUID();
    const moduleId = seedId(`catalog:${moduleSlug('siso-platform-mastery', 4)}`);
    await device.db.training_progress.insert({
      id, partner_id: device.userId, created_at: new Date().toISOString(), kind: 'module',
      course_id: seedId('catalog:siso-platform-mastery'), module_index: 4, module_id: moduleId, position_seconds: 42,
    });
    await device.replication.setOnline(true);
    const server = await eventually(async () => (await starter.from('training_progress').select('kind, module_id, position_seconds').eq('id', id).maybeSingle()).data, 'the offline module progress on the server');
    expect(server).toEqual({ kind: 'module', module_id: moduleId, position_seconds: 42 });
    await eventually(async () => (await device.db.catalog.findOne(moduleId).exec())?.kind === 'module', 'the module pulled to the device');
  });
});
