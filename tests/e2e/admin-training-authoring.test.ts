/**
 * Course authoring in a real browser against the production build and a fresh seeded local
 * backend: an admin writes a course in the Training tab (a missing title and an unmarked answer
 * are refused with sentences) with a text module, a video module (a text file offered as the
 * video is refused before upload; the video uploads with a progress bar; the module is reordered
 * by keyboard with focus kept) and a one-question assessment, and publishes it. A Starter's Training hub, open in a second browser context, shows
 * the course without a reload, and its module shows the text; the Starter downloads the course for
 * offline (the uploaded video's checksum and size are on its module row, as for seeded videos) and,
 * with the connection cut, the video lesson opens from the verified copy. On the server the answer
 * key is in assessment_keys and nowhere in the catalog. axe finds nothing serious on the editor.
 * Screenshots: /tmp/admin-training-authoring.png (1280×720), /tmp/admin-training-authoring-full.png.
 */
import { createHash } from 'node:crypto';
import type { BrowserContext, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { checkA11y } from '../fixtures/browser';
import type { SeedAccount } from '../fixtures/backend';
import { realProblems } from '../fixtures/account-browser';
import { useAccountsHarness } from '../fixtures/accounts-harness';

const SYNC_TIMEOUT = 45_000;
const courseTitle = 'Referral etiquette';
const moduleTitle = 'Introducing SISO politely';
const lessonText = 'Ask before you share a contact’s details, and say why you think SISO can help them.';
const videoModuleTitle = 'Watch a handover';
// The start of an MP4 (an ISO media "ftyp" box): enough for the type check; it is never played.
const videoBytes = Buffer.concat([Buffer.from([0, 0, 0, 0x18]), Buffer.from('ftypmp42'), Buffer.alloc(2048, 7)]);

const harness = useAccountsHarness({ syncTimeout: SYNC_TIMEOUT, viewport: { width: 1280, height: 720 } });

async function signedInWindow(account: SeedAccount): Promise<{ context: BrowserContext; page: Page; problems: string[] }> {
  const { context, page, problems } = await harness.newWindow();
  await harness.signIn(page, account);
  return { context, page, problems };
}

describe('authoring a course', () => {
  it('publishes a course with a text module and an assessment that a Starter sees appear live', async () => {
    const starter = await signedInWindow('starter');
    await starter.page.goto(new URL('#/training', harness.appUrl).href);
    await starter.page.getByRole('heading', { level: 1, name: 'Training' }).waitFor();
    await starter.page.getByText(/^Loading your/).waitFor({ state: 'detached' });
    const hubCourses = starter.page.getByRole('region', { name: 'Courses' });
    await hubCourses.getByRole('link', { name: 'Sales Fundamentals' }).waitFor();
    expect(await hubCourses.getByText(courseTitle).count()).toBe(0);

    const admin = await signedInWindow('admin');
    const { page } = admin;
    await page.getByRole('heading', { level: 1, name: 'Admin' }).waitFor();
    await page.getByRole('tab', { name: 'Training' }).click();
    const panel = page.getByRole('tabpanel', { name: 'Training' });
    const courses = panel.getByRole('region', { name: 'Courses' });
    await courses.getByRole('listitem').filter({ hasText: 'Sales Fundamentals' }).getByText(/^8 modules · Starter and above · version \d+ · published$/).waitFor();

    await courses.getByRole('button', { name: 'New course' }).click();
    const editor = panel.getByRole('region', { name: 'New course' });
    await expect.poll(() => editor.getByRole('heading', { name: 'New course' }).evaluate((node) => node === document.activeElement)).toBe(true);

    // Refused before anything is sent: no title, nothing written in the module.
    await editor.getByRole('checkbox', { name: /^Published/ }).check();
    await editor.getByRole('button', { name: 'Publish course' }).click();
    await editor.getByRole('alert').filter({ hasText: /^Nothing was saved: \d+ fields need attention\./ }).waitFor();
    await editor.getByText('Give the course a title partners recognise, e.g. “Sales Fundamentals”.').waitFor();
    await expect.poll(() => editor.getByRole('textbox', { name: 'Course title' }).evaluate((node) => node === document.activeElement)).toBe(true);

    await editor.getByRole('textbox', { name: 'Course title' }).fill(courseTitle);
    await expect(editor.getByRole('textbox', { name: 'Slug' }).inputValue()).resolves.toBe('referral-etiquette');
    await editor.getByRole('textbox', { name: 'Description' }).fill('How to introduce SISO to people who trust you.');
    const firstModule = editor.getByRole('group', { name: /^Module 1/ });
    await firstModule.getByRole('textbox', { name: 'Module title' }).fill(moduleTitle);
    await firstModule.getByRole('textbox', { name: 'Block 1 text' }).fill('Start with permission');
    await firstModule.getByRole('textbox', { name: 'Block 2 text' }).fill(lessonText);

    // A second module with a video lesson: a text file is refused before any upload, a video
    // goes up with a progress bar. The module is moved above the first by keyboard and back.
    await editor.getByRole('button', { name: 'Add module' }).click();
    const secondModule = editor.getByRole('group', { name: /^Module 2/ });
    await secondModule.getByRole('textbox', { name: 'Module title' }).fill(videoModuleTitle);
    await secondModule.getByRole('button', { name: 'Remove lesson Lesson 1 of Module 2' }).click();
    await secondModule.getByRole('button', { name: 'Add video lesson to Module 2' }).click();
    const videoLesson = secondModule.getByRole('group', { name: 'Lesson 1 of Module 2: video' });
    const videoInput = videoLesson.getByLabel('Video file');
    await videoInput.setInputFiles({ name: 'notes.txt', mimeType: 'text/plain', buffer: Buffer.from('not a video') });
    await videoLesson.getByText('“notes.txt” is a text file; a video lesson needs an MP4, MOV or WebM video. Choose a video file.').waitFor();
    await videoInput.setInputFiles({ name: 'handover.mp4', mimeType: 'video/mp4', buffer: videoBytes });
    await videoLesson.getByRole('progressbar', { name: 'Uploading the lesson video' }).waitFor();
    await videoLesson.getByText('Uploaded.').waitFor({ timeout: 20_000 });
    await videoLesson.getByText(/Current: handover\.mp4, 2 KB\.$/).waitFor();
    await videoLesson.getByRole('spinbutton', { name: 'Length (seconds)' }).fill('90');
    await videoLesson.getByRole('textbox', { name: 'Caption' }).fill('The handover e-mail, written live.');

    const fullVideoName = `Module 2: ${videoModuleTitle}`;
    await editor.getByRole('button', { name: `Move up ${fullVideoName}` }).focus();
    await page.keyboard.press('Enter');
    const legends = () => editor.locator('.course-module > legend').allTextContents();
    await expect.poll(legends).toEqual([`Module 1: ${videoModuleTitle}`, `Module 2: ${moduleTitle}`]);
    // At the top "Move up" is disabled, so focus is on the moved module's "Move down".
    await expect.poll(() => page.evaluate(() => document.activeElement?.textContent ?? '')).toBe(`Move down Module 1: ${videoModuleTitle}`);
    await page.keyboard.press('Enter');
    await expect.poll(legends).toEqual([`Module 1: ${moduleTitle}`, fullVideoName]);
    await expect.poll(() => page.evaluate(() => document.activeElement?.textContent ?? '')).toBe(`Move up ${fullVideoName}`);

    await editor.getByRole('button', { name: 'Add assessment' }).click();
    const question = editor.getByRole('group', { name: 'Question 1', exact: true });
    await question.getByRole('textbox', { name: 'Question 1 prompt' }).fill('What do you ask before sharing a contact?');
    await question.getByRole('textbox', { name: 'Option 1' }).fill('Their permission');
    await question.getByRole('textbox', { name: 'Option 2' }).fill('Their budget');
    await editor.getByRole('button', { name: 'Publish course' }).click();
    await editor.getByText('Mark the correct option of question 1.').waitFor();
    await question.getByRole('radio', { name: 'Correct: Question 1 option 1' }).check();

    await page.screenshot({ path: '/tmp/admin-training-authoring.png' });
    await page.screenshot({ path: '/tmp/admin-training-authoring-full.png', fullPage: true });
    expect(await checkA11y(page)).toEqual([]);

    await editor.getByRole('button', { name: 'Publish course' }).click();
    await page.getByRole('status').filter({ hasText: `Published course “${courseTitle}” (version 1, 2 modules and an assessment).` }).waitFor({ timeout: 20_000 });
    await courses.getByRole('listitem').filter({ hasText: courseTitle }).getByText('2 modules · Starter and above · version 1 · published').waitFor({ timeout: SYNC_TIMEOUT });

    // The Starter's open hub shows it without a reload, and its module shows the text.
    await hubCourses.getByRole('link', { name: courseTitle }).click({ timeout: SYNC_TIMEOUT });
    await starter.page.getByRole('heading', { level: 1, name: courseTitle }).waitFor();
    const player = starter.page.getByRole('article');
    await player.getByRole('heading', { name: `Module 1 of 2: ${moduleTitle}` }).waitFor();
    await player.getByText(lessonText).waitFor();

    // The admin's video is keepable like a seeded one: downloaded, verified, and opened offline.
    const offline = starter.page.getByRole('region', { name: 'Offline' });
    await offline.getByText('Written lessons are already on this device. Download the video lessons (1 video, 2 KB) to take the whole course offline.').waitFor();
    expect(await offline.getByText(/can only stream/).count()).toBe(0);
    await offline.getByRole('button', { name: 'Download course for offline' }).click();
    await offline.getByText('Available offline', { exact: true }).waitFor({ timeout: 20_000 });
    await offline.getByRole('status').filter({ hasText: `${courseTitle} is available offline.` }).waitFor();
    await starter.context.setOffline(true);
    await starter.page.getByRole('navigation', { name: 'Modules' }).getByRole('button', { name: new RegExp(`^${videoModuleTitle}`) }).click();
    await player.getByRole('heading', { name: `Module 2 of 2: ${videoModuleTitle}` }).waitFor();
    await expect(player.getByLabel('The handover e-mail, written live.').getAttribute('src')).resolves.toMatch(/^blob:/);
    await player.getByText('Playing the copy on this device').waitFor();
    await starter.context.setOffline(false);

    // The key reached assessment_keys through the RPC, and the catalog holds questions only.
    const service = harness.backend.serviceClient();
    const assessment = await service.from('catalog').select('id, body, published').eq('kind', 'assessment').eq('title', `${courseTitle} assessment`).single();
    expect(assessment.error).toBeNull();
    const body = (assessment.data as { id: string; body: { questions: { id: string; options: { id: string; text: string }[] }[] }; published: boolean });
    expect(body.published).toBe(true);
    expect(JSON.stringify(body.body)).not.toMatch(/correct/i);
    const [stored] = body.body.questions;
    const keys = await service.from('assessment_keys').select('question_id, correct_option_ids').eq('assessment_id', body.id);
    expect(keys.data).toEqual([{ question_id: stored!.id, correct_option_ids: [stored!.options.find((option) => option.text === 'Their permission')!.id] }]);

    // The video module names the uploaded file, which the Starter may now fetch.
    const videoModule = await service.from('catalog').select('body, file_path, file_sha256, file_size, mime_type').eq('kind', 'module').eq('title', videoModuleTitle).single();
    const videoBody = videoModule.data as {
      body: { index: number; lessons: { kind: string; asset_path: string; duration_seconds: number }[] };
      file_path: string | null; file_sha256: string | null; file_size: number | null; mime_type: string | null;
    };
    expect(videoBody.body.index).toBe(1);
    const [video] = videoBody.body.lessons;
    expect(video).toMatchObject({ kind: 'video', duration_seconds: 90, caption: 'The handover e-mail, written live.' });
    expect(video!.asset_path).toMatch(/^training\/.+-handover\.mp4$/);
    // Where seeded video modules state their file: the row's file columns, with the uploaded bytes' checksum and size.
    expect(videoBody).toMatchObject({
      file_path: video!.asset_path, file_sha256: createHash('sha256').update(videoBytes).digest('hex'), file_size: videoBytes.length, mime_type: 'video/mp4',
    });
    const { client: starterClient } = await harness.backend.signIn('starter');
    const signed = await starterClient.storage.from('assets').createSignedUrl(video!.asset_path, 60);
    expect(signed.error).toBeNull();
    const downloaded = Buffer.from(await (await fetch(signed.data?.signedUrl ?? '')).arrayBuffer());
    expect(downloaded.equals(videoBytes)).toBe(true);

    expect(realProblems(admin.problems)).toEqual([]);
    expect(realProblems(starter.problems)).toEqual([]);
  }, 180_000);
});
