/**
 * The Training hub for a seeded Starter, in a real browser against the production build and a
 * fresh seeded backend: courses above Starter show the tier that unlocks them, the featured learning
 * paths show progress per course, the next step and the tier a locked step waits on, Sales Fundamentals
 * opens with its written lessons, a module completed offline is kept on the device, reaches the
 * server once the connection returns, and moves the Tier progress page's training requirement.
 * axe in both themes. Screenshot: resources/screenshots/training-hub.png (1280×720).
 */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { BrowserContext, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { checkA11y } from '../fixtures/browser';
import { realProblems } from '../fixtures/account-browser';
import { projectRoot } from '../fixtures/web-server';
import { useAccountsHarness } from '../fixtures/accounts-harness';

let context: BrowserContext;

const SYNC_TIMEOUT = 45_000;

const harness = useAccountsHarness({ syncTimeout: SYNC_TIMEOUT, viewport: { width: 1280, height: 720 } });

async function open(page: Page, hash: string, heading: string): Promise<void> {
  await page.goto(new URL(hash, harness.appUrl).href);
  await page.getByRole('heading', { level: 1, name: heading }).waitFor();
  await page.getByText(/^Loading (your|the)/).waitFor({ state: 'detached' });
}

/** The starter's completed module rows of one course on the server. */
async function serverCompletions(courseTitle: string): Promise<number[]> {
  const { client } = await harness.backend.signIn('starter');
  const course = await client.from('catalog').select('id').eq('kind', 'course').eq('title', courseTitle).single();
  if (course.error) throw new Error(course.error.message);
  const { data, error } = await client
    .from('training_progress')
    .select('module_index, completed_at')
    .eq('kind', 'module')
    .eq('course_id', course.data.id)
    .eq('_deleted', false);
  if (error) throw new Error(error.message);
  return data.filter((row) => row.completed_at !== null).map((row) => row.module_index as number);
}

const trainingRequirement = (page: Page) => page.getByTestId('requirement-training_modules').locator('.requirement__value');

describe('Training hub for a Starter', () => {
  it('locks higher-tier courses, completes a module offline that syncs and moves the tier requirement', async () => {
    const window = await harness.newWindow();
    context = window.context;
    const { page, problems } = window;
    await harness.signIn(page, 'starter');

    await open(page, '#/tiers', 'Tier progress');
    const before = (await trainingRequirement(page).textContent()) ?? '';
    const countBefore = Number(before.split('/')[0]);
    expect(Number.isFinite(countBefore)).toBe(true);

    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Training' }).click();
    await page.getByRole('heading', { level: 1, name: 'Training' }).waitFor();
    await page.getByText(/^Loading your/).waitFor({ state: 'detached' });
    const courses = page.getByRole('region', { name: 'Courses' });
    await expect(courses.getByRole('listitem').count()).resolves.toBe(6);
    const technical = courses.getByRole('listitem').filter({ hasText: 'Technical Basics' });
    await technical.getByText('Locked: unlocks at the Performer tier.').waitFor();
    await expect(technical.getByRole('link').count()).resolves.toBe(0);
    await page.getByRole('region', { name: 'Your learning' }).getByText('Modules this month').waitFor();

    // Featured learning paths: courses in order with progress, the next step as a link, locks naming the tier.
    const paths = page.getByRole('region', { name: 'Featured learning paths' });
    const firstDeal = paths.getByRole('article', { name: 'Close your first deal' });
    const salesProgress = firstDeal.getByRole('progressbar', { name: 'Close your first deal: Sales Fundamentals progress' });
    await expect(salesProgress.getAttribute('aria-valuetext')).resolves.toMatch(/^[1-7] of 8 modules completed$/);
    await firstDeal.getByText('Locked: unlocks at the Active tier.').waitFor();
    await firstDeal.getByRole('link', { name: 'Continue Sales Fundamentals' }).waitFor();
    const specialist = paths.getByRole('article', { name: 'Become a SISO specialist' });
    await expect(specialist.getByRole('list', { name: 'Become a SISO specialist: courses in order' }).getByRole('listitem').allTextContents()).resolves.toEqual([
      expect.stringMatching(/^SISO Platform Mastery/),
      'Technical BasicsLocked: unlocks at the Performer tier.',
      'Advanced TechniquesLocked: unlocks at the Elite tier.',
    ]);
    const marketing = paths.getByRole('article', { name: 'Grow with marketing' });
    await marketing.getByText('Next step: Marketing Strategies, which unlocks at the Active tier.').waitFor();
    await expect(marketing.getByRole('link', { name: /^(Start|Continue) / }).count()).resolves.toBe(0);

    const directory = join(projectRoot, 'resources', 'screenshots');
    mkdirSync(directory, { recursive: true });
    await page.screenshot({ path: join(directory, 'training-hub.png') });
    for (const colorScheme of ['light', 'dark'] as const) {
      await page.emulateMedia({ colorScheme });
      await expect(checkA11y(page)).resolves.toEqual([]);
    }
    await page.emulateMedia({ colorScheme: 'light' });

    const serverBefore = await serverCompletions('Sales Fundamentals');
    await courses.getByRole('link', { name: 'Sales Fundamentals' }).click();
    await page.getByRole('heading', { level: 1, name: 'Sales Fundamentals' }).waitFor();
    const player = page.getByRole('article');
    const moduleHeading = (await player.getByRole('heading', { level: 2 }).textContent()) ?? '';
    const moduleNumber = Number(/^Module (\d+) of/.exec(moduleHeading)?.[1]);
    expect(serverBefore).not.toContain(moduleNumber - 1);
    await player.getByRole('complementary', { name: 'Tip' }).waitFor();

    await context.setOffline(true);
    await player.getByRole('button', { name: 'Mark complete' }).click();
    await player.getByRole('status').filter({ hasText: 'Completed' }).waitFor();
    await page.getByRole('navigation', { name: 'Modules' }).getByRole('button', { name: /\(completed\)$/ }).first().waitFor();
    for (const colorScheme of ['light', 'dark'] as const) {
      await page.emulateMedia({ colorScheme });
      await expect(checkA11y(page)).resolves.toEqual([]);
    }
    await page.emulateMedia({ colorScheme: 'light' });

    await page.screenshot({ path: '/tmp/training-course.png', fullPage: true });
    await context.setOffline(false);
    await expect.poll(() => serverCompletions('Sales Fundamentals'), { timeout: SYNC_TIMEOUT }).toContain(moduleNumber - 1);

    await page.getByRole('link', { name: 'Back to Training' }).click();
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Tier progress' }).click();
    await page.getByRole('heading', { level: 1, name: 'Tier progress' }).waitFor();
    await expect.poll(async () => Number(((await trainingRequirement(page).textContent()) ?? '').split('/')[0])).toBe(countBefore + 1);

    expect(realProblems(problems)).toEqual([]);
  });
});
