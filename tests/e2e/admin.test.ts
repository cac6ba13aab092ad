/**
 * The admin area in a real browser against the production build and a fresh seeded local backend:
 * the admin signs in and sees "Admin"; publishes an asset with a file (a progress bar while it
 * uploads, then listed as published, version 1; the row on the server has the file's hash, size,
 * type and a JPEG thumbnail, and a Starter partner can download the file; an Active partner's open
 * Marketing center shows the publish, the update and the retirement within 2 s); oversized, wrong-type
 * and mislabelled files are refused with messages before any upload; offline, the submit button is
 * disabled with the reason and the form keeps its contents; a partner sees no Admin link and
 * #/admin says it is for SISO admins only; an admin adjusts a commission and records a bonus (reason
 * required, kept in the line's history) and publishes, then retires, a promotion (the form refuses a
 * missing reward and an end before the start, and keeps its contents offline). axe finds nothing
 * serious on any of these screens.
 * Screenshots: /tmp/admin-assets.png, /tmp/admin-form.png, /tmp/admin-refusals.png,
 * /tmp/admin-offline.png, /tmp/admin-partner.png, /tmp/admin-tabs-*.png, /tmp/admin-commissions.png,
 * /tmp/admin-promotions.png.
 */
import { createHash } from 'node:crypto';
import { open as openFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { BrowserContext, Page } from 'playwright-core';
import { PNG } from 'pngjs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedUsers } from '../../sync/server/db/seed-accounts';
import { seedId } from '../../sync/server/db/seed';
import { checkA11y } from '../fixtures/browser';
import { type SeedAccount } from '../fixtures/backend';
import { realProblems } from '../fixtures/account-browser';
import { useAccountsHarness } from '../fixtures/accounts-harness';

const bigFile = join(tmpdir(), `admin-e2e-too-big-${process.pid}.mp4`);

const SYNC_TIMEOUT = 45_000;

const harness = useAccountsHarness({ syncTimeout: SYNC_TIMEOUT });

beforeAll(async () => {
  // 52 MB, sparse: only its size matters, the check refuses it before reading it.
  const handle = await openFile(bigFile, 'w');
  await handle.truncate(52 * 1024 * 1024);
  await handle.close();
});

afterAll(async () => {
  await rm(bigFile, { force: true });
});

function pngBytes(width: number, height: number): Buffer {
  const png = new PNG({ width, height });
  for (let y = 0; y < height; y += 1) {
    for (let x = 0; x < width; x += 1) {
      const offset = (y * width + x) * 4;
      png.data[offset] = (x * 255) / width;
      png.data[offset + 1] = (y * 255) / height;
      png.data[offset + 2] = 120;
      png.data[offset + 3] = 255;
    }
  }
  return PNG.sync.write(png);
}

describe('admin area', () => {
  let admin: { page: Page; context: BrowserContext; problems: string[] };
  /** An Active partner's app, open on the Marketing center while the admin works. */
  let partner: { page: Page; context: BrowserContext; problems: string[] };
  const partnerCard = (title: string) => partner.page.getByRole('article', { name: title, exact: true });
  // Changes must reach the partner's open screen within 2 s of the admin's confirmation, no reload.
  const LIVE_PUSH_MS = 2_000;

  it('shows Admin to an admin, with the catalog’s assets listed', async () => {
    admin = await harness.newWindow();
    const { page } = admin;
    await harness.signIn(page, 'admin');
    // An admin's store holds every partner's rows: partner screens are not offered, the start is Admin.
    await page.getByRole('heading', { level: 1, name: 'Admin' }).waitFor();
    const nav = page.getByRole('navigation', { name: 'Main' });
    const links = await nav.getByRole('link').allTextContents();
    expect(links.map((text) => text.trim())).toEqual(['Admin', 'Marketing center', 'Workspace', 'Settings']);
    await page.goto(new URL('#/leads', harness.appUrl).href);
    await page.getByRole('heading', { level: 1, name: 'Leads' }).waitFor();
    await page.getByText('Leads shows a partner’s own data, and this is a SISO admin account.', { exact: false }).waitFor();
    await nav.getByRole('link', { name: 'Admin' }).click();
    await page.getByRole('heading', { level: 1, name: 'Admin' }).waitFor();
    await expect(page.getByRole('tab', { name: 'Assets' }).getAttribute('aria-selected')).resolves.toBe('true');
    const table = page.getByRole('table', { name: /Marketing assets/ });
    await table.getByRole('rowheader', { name: /SISO Overview Brochure/ }).waitFor();
    await page.screenshot({ path: '/tmp/admin-assets.png', fullPage: true });
    expect(await checkA11y(page)).toEqual([]);

    // The Marketing center as partners see it, with nothing locked for an admin.
    await nav.getByRole('link', { name: 'Marketing center' }).click();
    const whiteLabel = page.getByRole('article', { name: 'White-label Brochure', exact: true });
    await whiteLabel.getByRole('button', { name: 'Preview White-label Brochure' }).waitFor();
    await expect(whiteLabel.getByText(/Unlocks at/).count()).resolves.toBe(0);
    await nav.getByRole('link', { name: 'Admin' }).click();
    await page.getByRole('heading', { level: 1, name: 'Admin' }).waitFor();
  }, 90_000);

  it('refuses oversized, wrong-type and mislabelled files with messages, before uploading', async () => {
    const { page } = admin;
    await page.getByRole('button', { name: 'New asset' }).click();
    await page.getByRole('heading', { level: 2, name: 'Publish a new asset' }).waitFor();
    const fileInput = page.getByLabel('File', { exact: true });
    let uploads = 0;
    page.on('request', (request) => {
      if (request.url().includes('/storage/v1/object/assets/')) uploads += 1;
    });

    await fileInput.setInputFiles(bigFile);
    await page.getByText(/is 52\.0 MB; asset files can be at most 50\.0 MB\. Compress it/).waitFor();

    await fileInput.setInputFiles({ name: 'setup.exe', mimeType: 'application/octet-stream', buffer: Buffer.from('MZ\x90\x00 not for partners') });
    await page.getByText(/“setup\.exe” can’t be published: \.exe files are not offered to partners/).waitFor();

    await fileInput.setInputFiles({ name: 'brochure.pdf', mimeType: 'application/pdf', buffer: pngBytes(8, 8) });
    await page.getByText('“brochure.pdf” ends in .pdf but its contents are not a PDF file, so partners could not open it. Export it again as PDF, or rename it to its real type.').waitFor();
    await expect(fileInput.getAttribute('aria-invalid')).resolves.toBe('true');

    // Submitting with the refused file and empty fields names every problem and uploads nothing.
    await page.getByRole('button', { name: 'Save draft' }).click();
    await page.getByText('Give the asset a title partners will recognise.').waitFor();
    await page.getByText('Choose the category the asset is listed under.').waitFor();
    await page.screenshot({ path: '/tmp/admin-refusals.png', fullPage: true });
    expect(uploads).toBe(0);
    expect(await checkA11y(page)).toEqual([]);
  }, 60_000);

  it('says why it cannot publish while offline and keeps what was typed', async () => {
    const { page, context } = admin;
    await page.getByRole('textbox', { name: 'Title' }).fill('Offline draft title');
    await context.setOffline(true);
    try {
      const submit = page.getByRole('button', { name: 'Save draft' });
      await expect.poll(() => submit.isDisabled()).toBe(true);
      await page.getByText(/^You are offline\. Admin changes go straight to the server/).first().waitFor();
      await expect(submit.getAttribute('aria-describedby')).resolves.toBeTruthy();
      await page.screenshot({ path: '/tmp/admin-offline.png', fullPage: true });
    } finally {
      await context.setOffline(false);
    }
    await expect.poll(() => page.getByRole('button', { name: 'Save draft' }).isDisabled()).toBe(false);
    await expect(page.getByRole('textbox', { name: 'Title' }).inputValue()).resolves.toBe('Offline draft title');
  }, 60_000);

  it('publishes an asset with a file: progress while uploading, then listed with its thumbnail and hash', async () => {
    partner = await harness.newWindow();
    await harness.signIn(partner.page, 'active');
    await partner.page.goto(new URL('#/marketing-center', harness.appUrl).href);
    await partnerCard('Plans and Pricing Brochure').waitFor();

    const { page } = admin;
    const image = pngBytes(640, 400);
    const title = 'Autumn Campaign Visual';
    await page.getByRole('textbox', { name: 'Title' }).fill(title);
    await page.getByRole('textbox', { name: 'Description' }).fill('A ready-to-post image for the autumn campaign.');
    await page.getByRole('combobox', { name: 'Category' }).selectOption({ label: 'Social media' });
    await page.getByRole('combobox', { name: 'Tier required' }).selectOption({ label: 'Starter' });
    await page.getByRole('textbox', { name: 'Tags' }).fill('autumn, LinkedIn');
    await page.getByLabel('File', { exact: true }).setInputFiles({ name: 'Autumn Visual.png', mimeType: 'image/png', buffer: image });
    await page.getByRole('img', { name: 'Thumbnail preview of Autumn Visual.png' }).waitFor();
    await page.getByRole('checkbox', { name: /^Published/ }).check();
    await page.screenshot({ path: '/tmp/admin-form.png', fullPage: true });

    // Hold the upload's reply a moment so the progress bar can be seen (and asserted).
    let release: () => void = () => undefined;
    const held = new Promise<void>((resolve) => (release = resolve));
    await page.route('**/storage/v1/object/assets/**', async (route) => {
      await held;
      await route.continue();
    });
    await page.getByRole('button', { name: 'Publish asset' }).click();
    const progress = page.getByRole('progressbar', { name: 'Uploading Autumn Visual.png' });
    await progress.waitFor();
    await page.screenshot({ path: '/tmp/admin-uploading.png' });
    release();
    await page.getByRole('status').filter({ hasText: `Published “${title}” (version 1).` }).waitFor({ timeout: 20_000 });
    await page.unroute('**/storage/v1/object/assets/**');
    await partnerCard(title).waitFor({ timeout: LIVE_PUSH_MS });

    const row = page.getByRole('table', { name: /Marketing assets/ }).getByRole('row').filter({ has: page.getByRole('rowheader', { name: new RegExp(title) }) });
    await row.getByText('Published', { exact: true }).waitFor({ timeout: SYNC_TIMEOUT });
    await row.getByText('Version 1', { exact: true }).waitFor();

    const { data, error } = await harness.backend.serviceClient().from('catalog').select('*').eq('title', title).single();
    expect(error).toBeNull();
    const stored = data as { file_path: string; file_sha256: string; file_size: number; mime_type: string; version: number; tags: string[]; body: { thumbnail: string; description: string } };
    expect(stored).toMatchObject({ file_size: image.length, mime_type: 'image/png', version: 1, tags: ['autumn', 'linkedin'] });
    expect(stored.file_sha256).toBe(createHash('sha256').update(image).digest('hex'));
    expect(stored.file_path).toMatch(/^social_media\/[0-9a-f-]+\/[0-9a-f]{16}-autumn-visual\.png$/);
    expect(stored.body.thumbnail).toMatch(/^data:image\/jpeg;base64,/);
    expect(stored.body.thumbnail.length).toBeLessThanOrEqual(96 * 1024);

    const { client } = await harness.backend.signIn('starter');
    const download = await client.storage.from('assets').download(stored.file_path);
    expect(download.error).toBeNull();
    expect(Buffer.from(await (download.data as Blob).arrayBuffer()).equals(image)).toBe(true);

    await page.screenshot({ path: '/tmp/admin-published.png', fullPage: true });
    expect(await checkA11y(page)).toEqual([]);
  }, 90_000);

  it('updates an asset (its version goes up) and retires one after confirmation', async () => {
    const { page } = admin;
    const table = page.getByRole('table', { name: /Marketing assets/ });
    const rowOf = (title: string) => table.getByRole('row').filter({ has: page.getByRole('rowheader', { name: new RegExp(title) }) });

    await rowOf('Autumn Campaign Visual').getByRole('button', { name: 'Edit Autumn Campaign Visual' }).click();
    await page.getByRole('heading', { level: 2, name: 'Update “Autumn Campaign Visual”' }).waitFor();
    await page.getByRole('textbox', { name: 'Title' }).fill('Autumn Campaign Visual (2026)');
    await page.getByRole('combobox', { name: 'Tier required' }).selectOption({ label: 'Active' });
    await page.getByRole('button', { name: 'Save changes' }).click();
    await page.getByRole('status').filter({ hasText: 'Saved “Autumn Campaign Visual (2026)” (version 2, published).' }).waitFor();
    await partnerCard('Autumn Campaign Visual (2026)').waitFor({ timeout: LIVE_PUSH_MS });
    await partnerCard('Autumn Campaign Visual').waitFor({ state: 'detached' });
    const updated = rowOf('Autumn Campaign Visual \\(2026\\)');
    await updated.getByText('Version 2', { exact: true }).waitFor({ timeout: SYNC_TIMEOUT });
    await expect(updated.getByRole('cell').nth(1).textContent()).resolves.toBe('Active');

    await rowOf('Plans and Pricing Brochure').getByRole('button', { name: 'Retire Plans and Pricing Brochure' }).click();
    const dialog = page.getByRole('dialog', { name: 'Retire “Plans and Pricing Brochure”?' });
    await dialog.waitFor();
    expect(await checkA11y(page)).toEqual([]);
    await dialog.getByRole('button', { name: 'Retire asset' }).click();
    await page.getByRole('status').filter({ hasText: 'Retired “Plans and Pricing Brochure”.' }).waitFor();
    await partnerCard('Plans and Pricing Brochure').waitFor({ state: 'detached', timeout: LIVE_PUSH_MS });
    expect(realProblems(partner.problems)).toEqual([]);
    await rowOf('Plans and Pricing Brochure').waitFor({ state: 'detached', timeout: SYNC_TIMEOUT });
    const { data } = await harness.backend.serviceClient().from('catalog').select('_deleted, version').eq('slug', 'siso-pricing-brochure').single();
    expect(data).toEqual({ _deleted: true, version: 1 });

    // Restored from Retired assets: back in the admin's list and on the partner's open screen.
    const retired = page.getByRole('list', { name: 'Retired assets' });
    await retired.getByRole('button', { name: 'Restore Plans and Pricing Brochure' }).click();
    await page.getByRole('status').filter({ hasText: 'Restored “Plans and Pricing Brochure”.' }).waitFor();
    await rowOf('Plans and Pricing Brochure').waitFor({ timeout: SYNC_TIMEOUT });
    await partnerCard('Plans and Pricing Brochure').waitFor({ timeout: LIVE_PUSH_MS });
  }, 90_000);

  it('shows every admin tab without accessibility problems', async () => {
    const { page } = admin;
    // Usage events as partners' apps record them.
    const service = harness.backend.serviceClient();
    const { data: brochure } = await service.from('catalog').select('id').eq('slug', 'siso-overview-brochure').single();
    const { data: deck } = await service.from('catalog').select('id').eq('slug', 'proposal-deck').single();
    const event = (account: SeedAccount, assetId: string, index: number) => ({
      id: `e2e-usage-${account}-${index}`,
      partner_id: seedUsers[account].id,
      kind: 'asset_download',
      meta: JSON.stringify({ asset_id: assetId }),
    });
    const brochureId = (brochure as { id: string }).id;
    const deckId = (deck as { id: string }).id;
    const inserted = await service.from('activities').insert([event('starter', brochureId, 1), event('starter', brochureId, 2), event('active', brochureId, 3), event('active', deckId, 4)]);
    expect(inserted.error).toBeNull();
    for (const [tab, heading] of [
      ['Templates', 'Proposal templates'],
      ['Brand guidelines', 'SISO Brand Guidelines'],
      ['Tier rules', 'Starter'],
      ['Partners', 'Partners'],
      ['Usage', 'Most downloaded assets'],
      ['Commissions', 'Commission lines'],
      ['Payouts', 'Payout requests'],
      ['Promotions', 'Promotions'],
    ] as const) {
      await page.getByRole('tab', { name: tab }).focus();
      await page.keyboard.press('Enter');
      await page.getByRole('tabpanel', { name: tab }).getByRole('heading', { level: 2, name: new RegExp(`^${heading}`) }).first().waitFor();
      await page.getByText(/^Loading /).first().waitFor({ state: 'detached' });
      await page.screenshot({ path: `/tmp/admin-tabs-${tab.toLowerCase().replace(/\s+/g, '-')}.png`, fullPage: true });
      expect(await checkA11y(page), tab).toEqual([]);
    }
    await page.getByRole('tab', { name: 'Usage' }).click();
    const mostDownloaded = page.getByRole('table', { name: /most downloaded assets/ });
    const brochureRow = mostDownloaded.getByRole('row').filter({ has: page.getByRole('rowheader', { name: 'SISO Overview Brochure' }) });
    await expect(brochureRow.getByRole('cell').nth(1).textContent()).resolves.toBe('3');
    await expect(brochureRow.getByRole('cell').nth(3).textContent()).resolves.toBe('2');
    await expect(mostDownloaded.getByRole('rowheader').first().textContent()).resolves.toBe('SISO Overview Brochure');
    await page.getByRole('img', { name: /Downloads by partner tier\. Starter: 2; Active: 2; Performer: 0; Elite: 0/ }).waitFor();
    await page.screenshot({ path: '/tmp/admin-tabs-usage.png', fullPage: true });

    // Setting a partner's tier: the rate follows the tier rule.
    await page.getByRole('tab', { name: 'Partners' }).focus();
    await page.keyboard.press('Enter');
    await page.getByRole('combobox', { name: "New tier for Zoë O'Brien" }).selectOption({ label: 'Active' });
    await page.getByRole('button', { name: "Set tier for Zoë O'Brien" }).click();
    await page.getByRole('status').filter({ hasText: "Zoë O'Brien is now Active at 22% commission." }).waitFor();
    const zoe = page.getByRole('row').filter({ has: page.getByRole('rowheader', { name: /Zoë O'Brien/ }) });
    await zoe.getByRole('cell', { name: 'Active', exact: true }).waitFor();
    const { data: status } = await service.from('partner_status').select('tier, commission_rate').eq('partner_id', seedUsers.starter.id).single();
    expect(status).toEqual({ tier: 'active', commission_rate: 22 });

    // A broken template is refused with the proposal parser's message, before anything is saved.
    await page.getByRole('tab', { name: 'Templates' }).focus();
    await page.keyboard.press('Enter');
    await page.getByRole('button', { name: 'Edit One-page introduction' }).click();
    const editor = page.getByRole('textbox', { name: 'Template JSON' });
    const original = await editor.inputValue();
    await editor.fill(original.replace('"type": "text"', '"type": "txt"'));
    await page.getByRole('button', { name: 'Check', exact: true }).click();
    await page.getByRole('alert').filter({ hasText: 'is not a known block type' }).waitFor();
    await editor.fill('{ "id": "one-page-introduction", ');
    await page.getByRole('button', { name: 'Save template' }).click();
    await page.getByRole('alert').filter({ hasText: /^The JSON is not valid/ }).waitFor();
    await page.screenshot({ path: '/tmp/admin-template-errors.png', fullPage: true });
    expect(await checkA11y(page)).toEqual([]);
    await page.getByRole('button', { name: 'Cancel' }).click();

    // Tier rules: a missing number is named at its field.
    await page.getByRole('tab', { name: 'Tier rules' }).focus();
    await page.keyboard.press('Enter');
    const starterRule = page.getByRole('tabpanel', { name: 'Tier rules' }).getByRole('region', { name: /^Starter/ });
    await starterRule.getByRole('spinbutton', { name: 'Commission rate (%)' }).fill('');
    await starterRule.getByRole('button', { name: 'Save Starter rule' }).click();
    await starterRule.getByText('Enter a number.').waitFor();
    await starterRule.getByText('Check the highlighted fields; nothing was saved.').waitFor();

    // Keyboard: arrows move between tabs, wrapping from the last to the first.
    await page.getByRole('tablist', { name: 'Admin sections' }).getByRole('tab').last().focus();
    await page.keyboard.press('ArrowRight');
    await expect.poll(() => page.getByRole('tab', { name: 'Assets' }).getAttribute('aria-selected')).toBe('true');
    await expect.poll(() => page.evaluate(() => document.activeElement?.textContent)).toBe('Assets');
    expect(realProblems(admin.problems)).toEqual([]);
  }, 90_000);

  it('adjusts a commission with a reason and records a bonus, both kept in the line’s history', async () => {
    const { page } = admin;
    const service = harness.backend.serviceClient();
    const performer = seedUsers.performer;
    await page.getByRole('tab', { name: 'Commissions' }).click();
    const panel = page.getByRole('tabpanel', { name: 'Commissions' });
    await panel.getByRole('combobox', { name: 'Partner' }).selectOption({ label: performer.displayName });
    await panel.getByRole('combobox', { name: 'Status' }).selectOption({ label: 'Pending' });
    const table = panel.getByRole('table', { name: 'Commission lines across partners' });
    await table.waitFor();
    for (const cell of await table.getByRole('cell').allTextContents()) expect(cell).not.toBe('Approved');

    // The line to adjust: the performer's newest pending one, as the server holds it.
    const { data: pending, error } = await service
      .from('earnings')
      .select('id, deal_name, amount, currency, history')
      .eq('partner_id', performer.id)
      .eq('status', 'pending')
      .eq('kind', 'commission')
      .eq('_deleted', false)
      .order('created_at', { ascending: false })
      .limit(1)
      .single();
    expect(error).toBeNull();
    const line = pending as { id: string; deal_name: string; amount: number; currency: string; history: unknown[] };
    const row = table.getByRole('row').filter({ has: page.getByRole('rowheader', { name: line.deal_name }) }).first();
    await row.getByRole('button', { name: /^Adjust/ }).click();
    const dialog = page.getByRole('dialog', { name: 'Adjust commission' });
    await dialog.waitFor();
    const newAmount = Math.round(line.amount * 100 + 1234) / 100;
    await dialog.getByRole('textbox', { name: `New amount (${line.currency})` }).fill(newAmount.toFixed(2));
    await dialog.getByRole('combobox', { name: 'New status' }).selectOption({ label: 'Approved' });
    // No reason: refused at the field, nothing sent.
    await dialog.getByRole('button', { name: 'Save adjustment' }).click();
    await dialog.getByText('Give a reason; the partner sees it in the commission’s history.').waitFor();
    expect(await checkA11y(page)).toEqual([]);
    await dialog.getByRole('textbox', { name: 'Reason' }).fill('Client paid early; rate corrected to the signed contract.');
    await dialog.getByRole('button', { name: 'Save adjustment' }).click();
    await page.getByRole('status').filter({ hasText: `Adjusted “${line.deal_name}” for ${performer.displayName}` }).waitFor({ timeout: 20_000 });
    await dialog.waitFor({ state: 'detached' });

    const { data: adjusted } = await service.from('earnings').select('amount, status, reason, history').eq('id', line.id).single();
    const after = adjusted as { amount: number; status: string; reason: string; history: { amount_from: number; amount_to: number; status_to: string; reason: string }[] };
    expect(after).toMatchObject({ amount: newAmount, status: 'approved', reason: 'Client paid early; rate corrected to the signed contract.' });
    expect(after.history).toHaveLength(line.history.length + 1);
    expect(after.history.at(-1)).toMatchObject({ amount_from: line.amount, amount_to: newAmount, status_to: 'approved', reason: 'Client paid early; rate corrected to the signed contract.' });

    // Record a bonus for the performer.
    await panel.getByRole('button', { name: 'Record commission' }).click();
    const record = page.getByRole('dialog', { name: 'Record commission' });
    await record.getByRole('combobox', { name: 'Partner' }).selectOption({ label: performer.displayName });
    await record.getByRole('combobox', { name: 'Type' }).selectOption({ label: 'Bonus' });
    await record.getByRole('textbox', { name: 'Amount' }).fill('-40');
    await record.getByRole('textbox', { name: 'Currency' }).fill('GBP');
    await record.getByRole('textbox', { name: 'Description' }).fill('Webinar host bonus');
    await record.getByRole('textbox', { name: 'Reason' }).fill('Hosted the November partner webinar.');
    await record.getByRole('button', { name: 'Save commission' }).click();
    await record.getByText('Only a clawback is negative; choose Clawback or enter a positive amount.').waitFor();
    await record.getByRole('textbox', { name: 'Amount' }).fill('120');
    await record.getByRole('button', { name: 'Save commission' }).click();
    await page.getByRole('status').filter({ hasText: `for ${performer.displayName}.` }).filter({ hasText: /^Recorded bonus of/ }).waitFor({ timeout: 20_000 });
    await panel.getByRole('combobox', { name: 'Status' }).selectOption({ label: 'Approved' });
    await table.getByRole('rowheader', { name: /Webinar host bonus/ }).waitFor({ timeout: SYNC_TIMEOUT });
    const { data: bonus } = await service.from('earnings').select('amount, currency, commission_type, status, reason, history').eq('deal_name', 'Webinar host bonus').single();
    expect(bonus).toMatchObject({ amount: 120, currency: 'GBP', commission_type: 'bonus', status: 'approved', reason: 'Hosted the November partner webinar.' });
    expect((bonus as { history: { reason: string }[] }).history.map((entry) => entry.reason)).toEqual(['Hosted the November partner webinar.']);
    await page.screenshot({ path: '/tmp/admin-commissions.png', fullPage: true });
    expect(await checkA11y(page)).toEqual([]);
    expect(realProblems(admin.problems)).toEqual([]);
  }, 90_000);

  it('publishes a promotion partners can read, keeps the form offline, and retires it', async () => {
    const { page, context } = admin;
    await page.getByRole('tab', { name: 'Promotions' }).click();
    const panel = page.getByRole('tabpanel', { name: 'Promotions' });
    await panel.getByText('Winter referral sprint').first().waitFor({ timeout: SYNC_TIMEOUT });
    await panel.getByRole('button', { name: 'New promotion' }).click();
    const title = 'Spring upsell challenge';
    await panel.getByRole('textbox', { name: 'Title' }).fill(title);
    await panel.getByRole('textbox', { name: 'Headline' }).fill('Two upsells in March earn a bonus');
    await panel.getByRole('textbox', { name: 'Description' }).fill('Close two upsells before the end of March.');
    // No reward: refused at the field.
    await panel.getByRole('button', { name: 'Save promotion' }).click();
    await panel.getByText('Say what partners get, e.g. “€250 bonus per won deal”.').waitFor();
    await panel.getByRole('textbox', { name: 'Reward' }).fill('£150 bonus');
    await panel.getByLabel('Starts on').fill('2027-03-01');
    await panel.getByLabel('Ends on').fill('2027-02-01');
    await panel.getByRole('button', { name: 'Save promotion' }).click();
    await panel.getByText('The last day must be on or after the first day.').waitFor();
    await panel.getByLabel('Ends on').fill('2027-03-31');
    await panel.getByRole('combobox', { name: 'Tier required' }).selectOption({ label: 'Active' });

    await context.setOffline(true);
    try {
      const submit = panel.getByRole('button', { name: 'Save promotion' });
      await expect.poll(() => submit.isDisabled()).toBe(true);
      await panel.getByText(/^You are offline\. Admin changes go straight to the server/).first().waitFor();
    } finally {
      await context.setOffline(false);
    }
    await expect.poll(() => panel.getByRole('button', { name: 'Save promotion' }).isDisabled()).toBe(false);
    await expect(panel.getByRole('textbox', { name: 'Reward' }).inputValue()).resolves.toBe('£150 bonus');

    await panel.getByRole('button', { name: 'Save promotion' }).click();
    await page.getByRole('status').filter({ hasText: `Saved promotion “${title}” (version 1, published).` }).waitFor({ timeout: 20_000 });
    const listed = panel.getByRole('listitem').filter({ hasText: title });
    await listed.getByText(/£150 bonus · .* Active and above · version 1 · published/).waitFor({ timeout: SYNC_TIMEOUT });

    const { client } = await harness.backend.signIn('active');
    const { data } = await client.from('catalog').select('kind, tier_required, published, body').eq('title', title).single();
    const stored = data as { kind: string; tier_required: string; published: boolean; body: Record<string, string> };
    expect(stored).toMatchObject({ kind: 'promotion', tier_required: 'active', published: true });
    expect(stored.body).toMatchObject({ headline: 'Two upsells in March earn a bonus', reward: '£150 bonus' });
    expect(Date.parse(stored.body.ends_at!)).toBeGreaterThan(Date.parse(stored.body.starts_at!));
    await page.screenshot({ path: '/tmp/admin-promotions.png', fullPage: true });
    expect(await checkA11y(page)).toEqual([]);

    await listed.getByRole('button', { name: `Retire ${title}` }).click();
    await page.getByRole('dialog', { name: `Retire “${title}”?` }).getByRole('button', { name: 'Retire promotion' }).click();
    await page.getByRole('status').filter({ hasText: `Retired promotion “${title}”.` }).waitFor();
    await listed.waitFor({ state: 'detached', timeout: SYNC_TIMEOUT });
    expect(realProblems(admin.problems)).toEqual([]);
  }, 90_000);

  it('reports training by course and tier and publishes a webinar partners can read', async () => {
    const { page } = admin;
    const { client: adminClient } = await harness.backend.signIn('admin');
    const TIER_NAMES = { starter: 'Starter', active: 'Active', performer: 'Performer', elite: 'Elite' } as const;
    // The report groups by each partner's current tier; an earlier test may have promoted the Starter.
    const status = await harness.backend.serviceClient().from('partner_status').select('tier').eq('partner_id', seedUsers.starter.id).single();
    const starterTier = (status.data as { tier: 'starter' | 'active' | 'performer' | 'elite' }).tier;
    type ReportRow = { course_title: string; tier: string; partners_started: number; modules_completed: number; attempts: number };
    const serverRow = async () => {
      const { data, error } = await adminClient.rpc('admin_training_report');
      expect(error).toBeNull();
      return (data as ReportRow[]).find((row) => row.course_title === 'Sales Fundamentals' && row.tier === starterTier);
    };
    const before = (await serverRow())?.modules_completed ?? 0;
    // Two more completed modules of Sales Fundamentals by the Starter, as the partner's app records them.
    const courseId = seedId('catalog:sales-fundamentals');
    const progress = [6, 7].map((index) => ({
      id: `e2e-training-${index}`, partner_id: seedUsers.starter.id, kind: 'module', course_id: courseId, module_index: index, completed_at: new Date().toISOString(),
    }));
    expect((await harness.backend.serviceClient().from('training_progress').insert(progress)).error).toBeNull();

    await page.getByRole('tab', { name: 'Training' }).click();
    const panel = page.getByRole('tabpanel', { name: 'Training' });
    // The panel may have loaded before the rows above were written.
    await panel.getByRole('button', { name: 'Refresh training report' }).click();
    const table = panel.getByRole('table', { name: 'Training by course and tier' });
    const row = table.getByRole('row').filter({ has: page.getByRole('rowheader', { name: 'Sales Fundamentals' }) }).filter({ hasText: TIER_NAMES[starterTier] });
    await row.waitFor({ timeout: 20_000 });
    const expected = await serverRow();
    expect(Number(expected?.modules_completed)).toBe(before + 2);
    const cells = (await row.getByRole('cell').allTextContents()).map((text) => text.trim());
    expect(cells.slice(0, 4)).toEqual([TIER_NAMES[starterTier], String(expected?.partners_started), String(expected?.modules_completed), String(expected?.attempts)]);

    await panel.getByRole('button', { name: 'New webinar' }).click();
    const title = 'Referral clinic';
    await panel.getByRole('textbox', { name: 'Title' }).fill(title);
    await panel.getByRole('textbox', { name: 'Host' }).fill('Maya Patel');
    await panel.getByRole('textbox', { name: 'Join link' }).fill('not a link');
    await panel.getByRole('button', { name: 'Save webinar' }).click();
    await panel.getByText('Enter the full meeting link, starting with https://.').waitFor();
    await panel.getByRole('textbox', { name: 'Join link' }).fill('https://meet.siso.test/referral-clinic');
    await panel.getByRole('combobox', { name: 'Tier required' }).selectOption({ label: 'Performer' });
    await panel.getByRole('button', { name: 'Save webinar' }).click();
    await page.getByRole('status').filter({ hasText: `Saved webinar “${title}” (version 1, published).` }).waitFor({ timeout: 20_000 });

    const { client } = await harness.backend.signIn('performer');
    const { data } = await client.from('catalog').select('kind, tier_required, body').eq('title', title).single();
    expect(data).toMatchObject({ kind: 'webinar', tier_required: 'performer', body: { host: 'Maya Patel', join_url: 'https://meet.siso.test/referral-clinic' } });
    await page.screenshot({ path: '/tmp/admin-training.png', fullPage: true });
    expect(await checkA11y(page)).toEqual([]);
    expect(realProblems(admin.problems)).toEqual([]);
  }, 90_000);

  it('hides Admin from partners and says #/admin is for SISO admins only', async () => {
    const { page, problems } = await harness.newWindow();
    await harness.signIn(page, 'starter');
    const nav = page.getByRole('navigation', { name: 'Main' });
    await nav.getByRole('link', { name: 'Dashboard' }).waitFor();
    expect(await nav.getByRole('link', { name: 'Admin' }).count()).toBe(0);
    await page.goto(new URL('#/admin', harness.appUrl).href);
    await page.getByRole('heading', { level: 1, name: 'Admin' }).waitFor();
    await page.getByRole('alert').filter({ hasText: /The admin area is only for SISO admins\. starter@siso\.test is a partner account/ }).waitFor();
    expect(await page.getByRole('tab').count()).toBe(0);
    await page.screenshot({ path: '/tmp/admin-partner.png', fullPage: true });
    expect(await checkA11y(page)).toEqual([]);
    expect(realProblems(problems)).toEqual([]);
  }, 90_000);
});
