/**
 * Training authoring on the server, against the local backend: an admin writes a course, a module
 * and an assessment as catalog rows and its answer key through admin_set_assessment_keys (checked
 * against the questions, refused for partners and anon), partners never read the keys, a video
 * lesson's file opens only to partners who may open its module, attempts
 * are graded against the new key, and the training report counts a completion under the tier the
 * partner held when they completed it, not the tier they hold now.
 */
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SupabaseClient } from '@supabase/supabase-js';
import { assessmentBodySchema, courseBodySchema, moduleBodySchema } from '../../sync/schema/catalog-bodies';
import { encodeAttemptAnswers } from '../../sync/schema/training-progress.schema';
import { clientFor, startTestBackend, type TestBackend } from '../fixtures/backend';

let backend: TestBackend;
let admin: SupabaseClient;
let starter: SupabaseClient;
let active: SupabaseClient;
let starterId: string;
let activeId: string;

const courseId = randomUUID();
const moduleIds = [randomUUID(), randomUUID()];
const assessmentId = randomUUID();
const courseTitle = `Authoring test course ${courseId.slice(0, 6)}`;

const assessment = assessmentBodySchema.parse({
  course_id: courseId,
  pass_mark: 1,
  // No wait after a fail, so one partner can fail and then pass.
  cooldown_hours: 0,
  questions: [
    { id: 'q1', prompt: 'Which link do you share?', kind: 'single', options: [{ id: 'a', text: 'My referral link' }, { id: 'b', text: 'The home page' }] },
    {
      id: 'q2', prompt: 'Which make a lead qualified?', kind: 'multiple',
      options: [{ id: 'a', text: 'Budget' }, { id: 'b', text: 'Cheapest quote' }, { id: 'c', text: 'Decision maker' }],
    },
  ],
});
const rightAnswers = { q1: ['a'], q2: ['c', 'a'] };

beforeAll(async () => {
  backend = await startTestBackend();
  admin = (await backend.signIn('admin')).client;
  ({ client: starter, userId: starterId } = await backend.signIn('starter'));
  ({ client: active, userId: activeId } = await backend.signIn('active'));
}, 60_000);

afterAll(async () => {
  await backend?.close();
});

function catalogRow(id: string, kind: string, title: string, body: Record<string, unknown>, sortOrder: number) {
  return { id, kind, title, slug: `${kind}-${id}`, body, tier_required: 'starter', category: 'training', tags: [kind], published: true, sort_order: sortOrder };
}

function attempt(partnerId: string, answers: Record<string, string[]>) {
  return {
    id: randomUUID(), partner_id: partnerId, kind: 'attempt', course_id: assessmentId, module_index: 0,
    status: 'submitted', answers: encodeAttemptAnswers(answers),
  };
}

async function storedAttempt(client: SupabaseClient, id: string): Promise<{ status: string; score: number }> {
  const { data, error } = await client.from('training_progress').select('status, score').eq('id', id).single();
  if (error) throw new Error(error.message);
  return data as { status: string; score: number };
}

describe('authoring a course', () => {
  it('lets an admin write the course, its modules and assessment, and set the key through the RPC', async () => {
    const modules = moduleIds.map((id, index) =>
      catalogRow(id, 'module', `Module ${index + 1}`, moduleBodySchema.parse({
        course_id: courseId, index, title: `Module ${index + 1}`, duration_minutes: 10,
        lessons: [{ kind: 'text', blocks: [{ type: 'heading', text: `Module ${index + 1}` }, { type: 'paragraph', text: 'Say who you are.' }] }],
      }), index));
    const course = catalogRow(courseId, 'course', courseTitle, courseBodySchema.parse({
      summary: 'Written in the admin area.', duration_minutes: 20, level: 'beginner', track: 'Authoring',
      modules: modules.map((row) => ({ title: row.title, duration_minutes: 10 })), module_count: 2,
    }), 0);
    for (const row of [...modules, catalogRow(assessmentId, 'assessment', `${courseTitle} assessment`, assessment, 0), course]) {
      const { error } = await admin.from('catalog').insert(row);
      expect(error, row.kind).toBeNull();
    }

    const saved = await admin.rpc('admin_set_assessment_keys', { assessment_id: assessmentId, keys: rightAnswers });
    expect(saved.error).toBeNull();
    expect(saved.data).toBe(2);
    const keys = await backend.serviceClient().from('assessment_keys').select('question_id, correct_option_ids').eq('assessment_id', assessmentId).order('question_id');
    expect(keys.data).toEqual([{ question_id: 'q1', correct_option_ids: ['a'] }, { question_id: 'q2', correct_option_ids: ['a', 'c'] }]);

    // The key stays out of what partners read.
    const { data } = await starter.from('catalog').select('body').eq('id', assessmentId).single();
    expect(JSON.stringify(data)).not.toMatch(/correct/);
  });

  it('refuses keys that do not fit the questions, with sentences, and keeps the saved key', async () => {
    const cases: [Record<string, unknown>, string][] = [
      [{ q1: ['a'], q2: ['a'], q9: ['a'] }, `The answer key names question "q9", which "${courseTitle} assessment" does not have. Save the assessment's questions first, then its key.`],
      [{ q1: ['a'], q2: ['a', 'z'] }, 'The answer key marks option "z" for the question "Which make a lead qualified?", but that question has no such option.'],
      [{ q1: ['a', 'b'], q2: ['a'] }, 'The question "Which link do you share?" is single choice, so mark exactly one correct option (or make it multiple choice).'],
      [{ q1: ['a'] }, 'Mark at least one correct option for the question "Which make a lead qualified?".'],
    ];
    for (const [keys, message] of cases) {
      const { error } = await admin.rpc('admin_set_assessment_keys', { assessment_id: assessmentId, keys });
      expect(error?.message).toBe(message);
    }
    const missing = await admin.rpc('admin_set_assessment_keys', { assessment_id: 'no-such-assessment', keys: rightAnswers });
    expect(missing.error?.message).toBe('There is no assessment with id no-such-assessment. Save the assessment first, then its answer key.');
    const keys = await backend.serviceClient().from('assessment_keys').select('question_id').eq('assessment_id', assessmentId);
    expect(keys.data).toHaveLength(2);
  });

  it('refuses partners and anon, and partners read no keys', async () => {
    const partner = await starter.rpc('admin_set_assessment_keys', { assessment_id: assessmentId, keys: { q1: ['b'], q2: ['b'] } });
    expect(partner.error?.message).toBe('Only SISO admins can set assessment answer keys.');
    const anon = await clientFor(backend.url, backend.anonKey).rpc('admin_set_assessment_keys', { assessment_id: assessmentId, keys: { q1: ['b'], q2: ['b'] } });
    expect(anon.error).not.toBeNull();
    for (const client of [starter, active]) {
      const { data } = await client.from('assessment_keys').select('*').eq('assessment_id', assessmentId);
      expect(data ?? []).toEqual([]);
    }
    const keys = await backend.serviceClient().from('assessment_keys').select('correct_option_ids').eq('question_id', 'q1').eq('assessment_id', assessmentId).single();
    expect(keys.data).toEqual({ correct_option_ids: ['a'] });
  });
});

describe('video lessons', () => {
  it('lets partners who may open the module download its video, and no one else', async () => {
    const path = `training/${randomUUID()}/lesson.mp4`;
    const bytes = Buffer.from('\0\0\0\x18ftypmp42 a lesson video');
    expect((await admin.storage.from('assets').upload(path, new Blob([bytes], { type: 'video/mp4' }))).error).toBeNull();
    // Before any module plays it, it is nobody's to download.
    expect((await starter.storage.from('assets').createSignedUrl(path, 60)).error).not.toBeNull();

    const moduleId = randomUUID();
    const body = moduleBodySchema.parse({
      course_id: courseId, index: 2, title: 'Watch this', duration_minutes: 5,
      lessons: [{ kind: 'video', asset_path: path, duration_seconds: 90, caption: 'A short film.' }],
    });
    const row = { ...catalogRow(moduleId, 'module', 'Watch this', body, 2), tier_required: 'active' };
    expect((await admin.from('catalog').insert(row)).error).toBeNull();

    const allowed = await active.storage.from('assets').createSignedUrl(path, 60);
    expect(allowed.error).toBeNull();
    const download = await fetch(allowed.data?.signedUrl ?? '');
    expect(Buffer.from(await download.arrayBuffer()).equals(bytes)).toBe(true);
    // A Starter is below the module's tier.
    expect((await starter.storage.from('assets').createSignedUrl(path, 60)).error).not.toBeNull();

    expect((await admin.from('catalog').update({ _deleted: true }).eq('id', moduleId)).error).toBeNull();
    expect((await active.storage.from('assets').createSignedUrl(path, 60)).error).not.toBeNull();
  });
});

describe('grading against the authored key', () => {
  it('fails a wrong attempt and passes a right one, with a certificate', async () => {
    const wrong = attempt(activeId, { q1: ['a'], q2: ['a', 'b'] });
    expect((await active.from('training_progress').insert(wrong)).error).toBeNull();
    expect(await storedAttempt(active, wrong.id)).toEqual({ status: 'failed', score: 0.5 });

    const right = attempt(activeId, rightAnswers);
    expect((await active.from('training_progress').insert(right)).error).toBeNull();
    expect(await storedAttempt(active, right.id)).toEqual({ status: 'passed', score: 1 });
    const certificate = await active.from('training_progress').select('course_id, track').eq('id', `cert-${right.id}`).single();
    expect(certificate.data).toEqual({ course_id: courseId, track: 'Authoring' });
  });

  it('grades against a replaced key', async () => {
    expect((await admin.rpc('admin_set_assessment_keys', { assessment_id: assessmentId, keys: { q1: ['b'], q2: ['b'] } })).error).toBeNull();
    const old = attempt(activeId, rightAnswers);
    expect((await active.from('training_progress').insert(old)).error).toBeNull();
    expect(await storedAttempt(active, old.id)).toEqual({ status: 'failed', score: 0 });
    expect((await admin.rpc('admin_set_assessment_keys', { assessment_id: assessmentId, keys: rightAnswers })).error).toBeNull();
  });
});

describe('the training report', () => {
  type ReportRow = { course_id: string; tier: string; partners_started: number; modules_completed: number; attempts: number; passed: number };
  async function reportRows(): Promise<ReportRow[]> {
    const { data, error } = await admin.rpc('admin_training_report');
    expect(error).toBeNull();
    return (data as ReportRow[]).filter((row) => row.course_id === courseId).map((row) => ({
      course_id: row.course_id, tier: row.tier, partners_started: Number(row.partners_started), modules_completed: Number(row.modules_completed),
      attempts: Number(row.attempts), passed: Number(row.passed),
    }));
  }

  it('counts completions and passes under the tier held at the time, after a promotion', async () => {
    const status = await backend.serviceClient().from('partner_status').select('tier').eq('partner_id', starterId).single();
    expect(status.data).toEqual({ tier: 'starter' });
    const moduleRow = (index: number) => ({
      id: randomUUID(), partner_id: starterId, kind: 'module', course_id: courseId, module_id: moduleIds[index], module_index: index,
      completed_at: new Date().toISOString(),
    });
    expect((await starter.from('training_progress').insert(moduleRow(0))).error).toBeNull();
    const passedAsStarter = attempt(starterId, rightAnswers);
    expect((await starter.from('training_progress').insert(passedAsStarter)).error).toBeNull();
    expect((await storedAttempt(starter, passedAsStarter.id)).status).toBe('passed');

    const promoted = await admin.rpc('admin_set_partner_tier', { target_partner: starterId, new_tier: 'active' });
    expect(promoted.error).toBeNull();
    expect((await starter.from('training_progress').insert(moduleRow(1))).error).toBeNull();

    const rows = await reportRows();
    const starterRow = rows.find((row) => row.tier === 'starter');
    const activeRow = rows.find((row) => row.tier === 'active');
    // Before the fix, everything the (now Active) partner did sat under Active.
    expect(starterRow).toEqual({ course_id: courseId, tier: 'starter', partners_started: 1, modules_completed: 1, attempts: 1, passed: 1 });
    // Active: the Active partner's three attempts (one pass) and the promoted partner's second module.
    expect(activeRow).toEqual({ course_id: courseId, tier: 'active', partners_started: 2, modules_completed: 1, attempts: 3, passed: 1 });
  });
});
