/**
 * Assessments and certifications for a seeded Starter, in a real browser against the production
 * build and a fresh seeded backend: the Sales Fundamentals assessment answered offline (answers read
 * from the seed's server-only key here, never in the app) is queued with an honest "Submitted"
 * notice, graded by the server once online, and its verified certificate downloads as a PDF whose
 * text shows the partner's name; a failed attempt shows its score and blocks the retake until the
 * cooldown has passed. An Active partner sees the renewal notice of a certificate about to expire
 * (and the server's reminder), and a retake taken offline too early shows SISO's refusal with its
 * reason until discarded. axe in both themes. Screenshots for a look: /tmp/shots-certificates/.
 */
import { execFileSync } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkA11y, collectPageProblems, launchChromium } from '../fixtures/browser';
import { startTestBackend, type TestBackend } from '../fixtures/backend';
import { realProblems, signInFromWelcome } from '../fixtures/account-browser';
import { startStaticServer, type StaticServer } from '../fixtures/web-server';
import { seedUsers } from '../../sync/server/db/seed-accounts';
import { assessmentKey, assessmentSlug, optionId, questionId, trainingCourses } from '../../sync/server/db/seed-training';
import { seedId } from '../../sync/server/db/seed';

let backend: TestBackend;
let server: StaticServer;
let browser: Browser;
let context: BrowserContext;
/** One signed-in page for both tests: the second carries on in the same app, as a person would. */
let page: Page;
const downloads = mkdtempSync(join(tmpdir(), 'certifications-e2e-'));

const SYNC_TIMEOUT = 45_000;
const SHOTS = '/tmp/shots-certificates';

beforeAll(async () => {
  backend = await startTestBackend();
  server = await startStaticServer({ backendUrl: backend.url });
  browser = await launchChromium();
});

afterAll(async () => {
  await context?.close().catch(() => undefined);
  await browser?.close();
  await server?.close();
  await backend?.close();
  rmSync(downloads, { recursive: true, force: true });
});

async function expectAccessibleInBothThemes(): Promise<void> {
  for (const colorScheme of ['light', 'dark'] as const) {
    await page.emulateMedia({ colorScheme });
    await expect(checkA11y(page)).resolves.toEqual([]);
  }
  await page.emulateMedia({ colorScheme: 'light' });
}

const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

describe('Certifications for a Starter', () => {
  it('submits the Sales Fundamentals assessment offline, gets it graded after sync and downloads the certificate', async () => {
    const course = trainingCourses.find((candidate) => candidate.slug === 'sales-fundamentals');
    if (!course) throw new Error('The seed has no Sales Fundamentals course.');
    const key = assessmentKey(course);

    context = await browser.newContext({ viewport: { width: 1280, height: 720 }, colorScheme: 'light', locale: 'en-GB', acceptDownloads: true });
    page = await context.newPage();
    const problems = collectPageProblems(page);
    await signInFromWelcome(page, { appUrl: server.url, backendUrl: backend.url }, 'starter', { awaitSync: SYNC_TIMEOUT });

    await page.goto(new URL('#/certifications', server.url).href);
    await page.getByRole('heading', { level: 1, name: 'Certifications' }).waitFor();
    await page.getByText(/^Loading your/).waitFor({ state: 'detached' });
    await page.getByText(/^No certificates yet/).waitFor();
    const tracks = page.getByRole('region', { name: 'Certification tracks' });
    await tracks.getByRole('heading', { level: 3, name: 'Master trainer' }).waitFor();
    await tracks.getByText(/Enterprise Sales — Advanced Techniques: locked for your tier/).waitFor();
    await expectAccessibleInBothThemes();

    await tracks.getByRole('link', { name: 'Take the Sales Fundamentals assessment' }).click();
    await page.getByRole('heading', { level: 1, name: 'Sales Fundamentals assessment' }).waitFor();
    const form = page.getByRole('form', { name: 'Questions' });

    // Submitting with a question unanswered is refused with a sentence naming it.
    await form.getByRole('button', { name: 'Submit answers' }).click();
    await form.getByRole('alert').filter({ hasText: 'Answer every question before submitting' }).waitFor();

    for (const [index, [prompt, options]] of course.questions.entries()) {
      const group = form.getByRole('group', { name: new RegExp(`^${index + 1}\\. ${escapeRegExp(prompt)}`) });
      const correct = key[questionId(index)] ?? [];
      for (const [optionIndex, text] of options.entries()) {
        if (!correct.includes(optionId(optionIndex))) continue;
        const role = correct.length > 1 ? 'checkbox' : 'radio';
        // Keyboard: focus the option and press Space, as a keyboard user would.
        await group.getByRole(role, { name: text, exact: true }).focus();
        await page.keyboard.press('Space');
        await expect(group.getByRole(role, { name: text, exact: true }).isChecked()).resolves.toBe(true);
      }
    }

    await context.setOffline(true);
    await form.getByRole('button', { name: 'Submit answers' }).click();
    const result = page.getByRole('region', { name: 'Your result' });
    await result.getByText('Submitted — SISO checks your answers when you’re back online; the certificate appears here once verified.').waitFor();
    await expect(page.getByRole('form', { name: 'Questions' }).count()).resolves.toBe(0);
    await expectAccessibleInBothThemes();

    await context.setOffline(false);
    await result.getByText(/^Passed with 100%/).waitFor({ timeout: SYNC_TIMEOUT });
    await result.getByText(/^Certificate verified: Sales, code [0-9A-F]{12}/).waitFor({ timeout: SYNC_TIMEOUT });

    await result.getByRole('link', { name: 'Download it on the Certifications page' }).click();
    await page.getByRole('heading', { level: 1, name: 'Certifications' }).waitFor();
    const certificates = page.getByRole('region', { name: 'Your certificates' });
    await certificates.getByRole('heading', { level: 3, name: 'Sales certification' }).waitFor();
    await page.getByRole('table', { name: 'Assessment history' }).getByRole('cell', { name: 'Passed' }).waitFor();
    await expectAccessibleInBothThemes();
    mkdirSync(SHOTS, { recursive: true });
    await page.screenshot({ path: join(SHOTS, 'certifications-page.png'), fullPage: true });

    const [download] = await Promise.all([page.waitForEvent('download'), certificates.getByRole('button', { name: 'Download Sales certificate PDF' }).click()]);
    expect(download.suggestedFilename()).toMatch(/^siso-sales-certificate-[0-9A-F]{12}\.pdf$/);
    const file = join(downloads, download.suggestedFilename());
    await download.saveAs(file);
    const text = execFileSync('pdftotext', ['-enc', 'UTF-8', file, '-'], { encoding: 'utf8' }).replace(/\s+/g, ' ');
    expect(text).toContain(seedUsers.starter.displayName);
    expect(text).toContain('Sales certification');
    await certificates.getByRole('status').filter({ hasText: 'Certificate PDF saved.' }).waitFor();

    expect(realProblems(problems)).toEqual([]);
  });

  it('shows a failed attempt with its score and blocks the retake until the cooldown has passed', async () => {
    const course = trainingCourses.find((candidate) => candidate.slug === 'siso-platform-mastery');
    if (!course) throw new Error('The seed has no SISO Platform Mastery course.');
    const key = assessmentKey(course);
    const problems = collectPageProblems(page);
    await page.goto(new URL('#/certifications', server.url).href);
    await page.getByRole('heading', { level: 1, name: 'Certifications' }).waitFor();
    await page.getByText(/^Loading your/).waitFor({ state: 'detached' });
    const link = page.getByRole('region', { name: 'Certification tracks' }).getByRole('link', { name: /^Take the .* assessment$/ }).filter({ hasNotText: 'Sales Fundamentals' });
    await link.first().click();
    const form = page.getByRole('form', { name: 'Questions' });
    await form.waitFor();
    // Every answer wrong: the first option that is not in the key.
    for (const [index, [prompt, options]] of course.questions.entries()) {
      const group = form.getByRole('group', { name: new RegExp(`^${index + 1}\\. ${escapeRegExp(prompt)}`) });
      const correct = key[questionId(index)] ?? [];
      const wrongIndex = options.findIndex((_, optionIndex) => !correct.includes(optionId(optionIndex)));
      await group.getByRole(correct.length > 1 ? 'checkbox' : 'radio', { name: options[wrongIndex] ?? '', exact: true }).check();
    }
    await page.screenshot({ path: join(SHOTS, 'assessment-form.png'), fullPage: true });
    await form.getByRole('button', { name: 'Submit answers' }).click();
    const result = page.getByRole('region', { name: 'Your result' });
    await result.getByText(/^Not passed: 0% \(pass mark 80%\)\. You can retake it from .+; review the course modules until then\.$/).waitFor({ timeout: SYNC_TIMEOUT });
    await expect(page.getByRole('form', { name: 'Questions' }).count()).resolves.toBe(0);
    expect(realProblems(problems)).toEqual([]);
  });
});

describe('Renewals and refused retakes for an Active partner', () => {
  it('shows the renewal notice and reminder, and a retake SISO refused with its reason until the partner discards it', async () => {
    const course = trainingCourses.find((candidate) => candidate.slug === 'client-management');
    if (!course) throw new Error('The seed has no Client Management course.');
    const activeContext = await browser.newContext({ viewport: { width: 1280, height: 720 }, colorScheme: 'light', locale: 'en-GB' });
    try {
      const activePage = await activeContext.newPage();
      const problems = collectPageProblems(activePage);
      await signInFromWelcome(activePage, { appUrl: server.url, backendUrl: backend.url }, 'active', { awaitSync: SYNC_TIMEOUT });

      // The seeded Sales certificate expires in 20 days: the page's notice, and the server's reminder.
      await activePage.goto(new URL('#/certifications', server.url).href);
      const certificates = activePage.getByRole('region', { name: 'Your certificates' });
      await certificates.getByText(/^Renew soon: this certificate expires in 20 days\./).waitFor({ timeout: SYNC_TIMEOUT });
      const reminders = await backend.serviceClient().from('notifications').select('title, link')
        .eq('partner_id', seedUsers.active.id).eq('kind', 'certification_expiring');
      expect(reminders.data).toEqual([{ title: expect.stringMatching(/^Your Sales certification expires on \d{1,2} [A-Z][a-z]{2} \d{4}$/) as unknown as string, link: '#/certifications' }]);

      // Offline, this device does not learn of a failed attempt made elsewhere, so it lets the partner retake too early.
      await activeContext.setOffline(true);
      const assessmentId = seedId(`catalog:${assessmentSlug(course.slug)}`);
      const failed = await backend.serviceClient().from('training_progress').insert({
        id: randomUUID(), partner_id: seedUsers.active.id, kind: 'attempt', course_id: assessmentId, module_index: 0,
        answers: '{}', status: 'failed', score: 0, completed_at: new Date().toISOString(),
      });
      expect(failed.error).toBeNull();
      await activePage.goto(new URL(`#/training/assessments/${assessmentId}`, server.url).href);
      const form = activePage.getByRole('form', { name: 'Questions' });
      for (const [index, [prompt, options]] of course.questions.entries()) {
        const group = form.getByRole('group', { name: new RegExp(`^${index + 1}\\. ${escapeRegExp(prompt)}`) });
        await group.getByRole(course.questions[index]![2].length > 1 ? 'checkbox' : 'radio', { name: options[0] ?? '', exact: true }).check();
      }
      await form.getByRole('button', { name: 'Submit answers' }).click();
      const result = activePage.getByRole('region', { name: 'Your result' });
      await result.getByText(/^Submitted — SISO checks your answers/).waitFor();

      await activeContext.setOffline(false);
      await result.getByRole('alert').filter({ hasText: /^SISO did not accept your Client Management assessment attempt: You can retake this assessment after \d{4}-\d{2}-\d{2} \d{2}:\d{2} UTC\./ })
        .waitFor({ timeout: SYNC_TIMEOUT });
      await expect(result.getByText(/^Submitted —/).count()).resolves.toBe(0);
      mkdirSync(SHOTS, { recursive: true });
      await activePage.screenshot({ path: join(SHOTS, 'assessment-refused.png') });
      for (const colorScheme of ['light', 'dark'] as const) {
        await activePage.emulateMedia({ colorScheme });
        await expect(checkA11y(activePage)).resolves.toEqual([]);
      }
      await activePage.emulateMedia({ colorScheme: 'light' });

      await activePage.getByRole('link', { name: 'Your certifications' }).click();
      await activePage.getByRole('region', { name: 'Attempts SISO did not accept' }).getByText(/You can retake this assessment after/).waitFor();
      await activePage.getByRole('table', { name: 'Assessment history' }).getByRole('cell', { name: 'Not accepted by SISO' }).waitFor();
      await activePage.goBack();

      await result.getByRole('button', { name: 'Discard the refused Client Management assessment attempt' }).click();
      await result.getByText(/^Not passed: 0% \(pass mark 80%\)\. You can retake it from .+; review the course modules until then\.$/).waitFor({ timeout: SYNC_TIMEOUT });
      await expect(result.getByRole('alert').count()).resolves.toBe(0);
      expect(realProblems(problems)).toEqual([]);
    } finally {
      await activeContext.close();
    }
  });
});
