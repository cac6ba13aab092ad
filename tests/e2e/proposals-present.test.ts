/**
 * Proposals v2 end to end for an Elite partner, against the production build and a fresh seeded
 * local backend, with an admin in a second window: the past proposal (saved on another laptop) is
 * opened again from the proposals bucket and checked against its sha256; a new version on the
 * price-list template with a discount over Elite's 15% limit is kept as pending and its PDF carries
 * the watermark; present mode cannot be signed until the admin approves in Admin → Discount
 * approvals, then can, live; the client toggles an optional item, and signs offline with a typed
 * name; the signed PDF (pdftotext) shows the signer and the audit page; back online the signature
 * evidence and both files reach the server and the lead is Won; a tracked view of the proposal's
 * link appears on the proposal. Screenshots: resources/screenshots/present-mode.png (1280×720),
 * /tmp/proposals-history.png, /tmp/proposal-pricing.png, /tmp/present-signed.png, /tmp/admin-discount-approvals.png, /tmp/lead-proposals.png.
 */
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Download, Page } from 'playwright-core';
import { afterAll, describe, expect, it } from 'vitest';
import { seedId } from '../../sync/server/db/seed';
import { seedUsers } from '../../sync/server/db/seed-accounts';
import { checkA11y } from '../fixtures/browser';
import { realProblems } from '../fixtures/account-browser';
import { useAccountsHarness } from '../fixtures/accounts-harness';

const SYNC_TIMEOUT = 45_000;
const LIVE_MS = 15_000;
const COMPANY = 'Larkspur Photography';
const LEAD_ID = seedId('elite:lead:3');
const PROPOSAL_ID = seedId('elite:proposal:3');
const PAST_VERSION_ID = seedId('elite:proposal:3:version:1');
const PAST_FILE = `${COMPANY} proposal.pdf`;
const SIGNER = "Zoë O'Brien";
const SIGNER_EMAIL = 'zoe@larkspur.example';

const harness = useAccountsHarness({ syncTimeout: SYNC_TIMEOUT, viewport: { width: 1280, height: 720 } });
const downloads = mkdtempSync(join(tmpdir(), 'siso-present-'));
afterAll(() => rmSync(downloads, { recursive: true, force: true }));

interface ActivityRow {
  id: string;
  kind: string;
  proposal_id: string | null;
  discount_percent: number | null;
  approval_status: string | null;
  meta: string | null;
}

async function proposalRows(): Promise<ActivityRow[]> {
  const { data, error } = await harness.backend
    .serviceClient()
    .from('activities')
    .select('id, kind, proposal_id, discount_percent, approval_status, meta')
    .eq('proposal_id', PROPOSAL_ID)
    .order('occurred_at');
  if (error) throw new Error(`activities: ${error.message}`);
  return data as ActivityRow[];
}

async function serverFile(path: string): Promise<Buffer | null> {
  const { data, error } = await harness.backend.serviceClient().storage.from('proposals').download(path);
  return error || !data ? null : Buffer.from(await data.arrayBuffer());
}

const sha256 = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');

async function saveDownload(page: Page, click: () => Promise<void>, name: RegExp): Promise<{ file: string; download: Download }> {
  const [download] = await Promise.all([page.waitForEvent('download', { predicate: (event) => name.test(event.suggestedFilename()) }), click()]);
  const file = join(downloads, download.suggestedFilename());
  await download.saveAs(file);
  return { file, download };
}

const pdfText = (file: string) => execFileSync('pdftotext', ['-enc', 'UTF-8', file, '-'], { encoding: 'utf8' }).replace(/\s+/g, ' ');

describe('proposals that close at the meeting', () => {
  it('reopens a past proposal, prices a new version, gets the discount approved, presents and is signed offline', async () => {
    const partner = await harness.newWindow();
    const { page } = partner;
    await harness.signIn(page, 'elite');

    // 1. The past proposal, saved on another laptop, opens from the bucket, byte for byte.
    await harness.open(page, '#/proposals');
    const proposal = page.getByRole('article', { name: COMPANY });
    await proposal.waitFor({ timeout: SYNC_TIMEOUT });
    await proposal.getByText('Opened 3 times').waitFor();
    await proposal.getByRole('button', { name: `Versions of the ${COMPANY} proposal (1)` }).click();
    await proposal.getByText('First version').waitFor();
    await proposal.getByRole('button', { name: `Open ${PAST_FILE}` }).click();
    const viewer = page.getByRole('dialog', { name: PAST_FILE });
    const frame = viewer.locator(`iframe[title="${PAST_FILE}"]`);
    await frame.waitFor({ timeout: LIVE_MS });
    await viewer.getByRole('button', { name: 'Close' }).click();
    const again = await saveDownload(page, () => proposal.getByRole('button', { name: `Download again ${PAST_FILE}` }).click(), /proposal\.pdf$/);
    const past = (await proposalRows()).find((row) => row.id === PAST_VERSION_ID);
    expect(JSON.parse(past?.meta ?? '{}')).toMatchObject({ sha256: sha256(readFileSync(again.file)) });
    await page.screenshot({ path: '/tmp/proposals-history.png' });

    // 2. A new version on the price-list template with a 20% discount: Elite's limit is 15%.
    await proposal.getByRole('link', { name: `New version from ${PAST_FILE}` }).click();
    await page.getByRole('heading', { level: 1, name: `New version of ${COMPANY} proposal` }).waitFor();
    await page.getByRole('radio', { name: /Priced proposal/ }).check();
    await page.getByText('Your tier allows up to 15%', { exact: false }).waitFor();
    await page.getByRole('spinbutton', { name: 'Discount (%)' }).fill('20');
    await page.getByRole('status').filter({ hasText: '20% is more than your tier allows' }).waitFor();
    await page.getByText(/Your commission at 30%/).waitFor();
    await page.getByRole('button', { name: 'Save version 2' }).waitFor();
    await page.getByText('Preview up to date.').waitFor({ timeout: LIVE_MS });
    await page.getByRole('spinbutton', { name: 'Discount (%)' }).scrollIntoViewIfNeeded();
    await page.screenshot({ path: '/tmp/proposal-pricing.png' });
    await page.getByRole('button', { name: 'Save version 2' }).click();
    await page.getByRole('status').filter({ hasText: /as version 2 in your proposal history/ }).waitFor({ timeout: LIVE_MS });
    const pending = await saveDownload(page, () => page.getByRole('button', { name: 'Download PDF' }).click(), /v2\.pdf$/);
    expect(pdfText(pending.file)).toContain('Draft — pending approval');
    await expect.poll(async () => (await proposalRows()).find((row) => row.kind === 'proposal_created' && row.id !== PAST_VERSION_ID)?.approval_status, { timeout: SYNC_TIMEOUT }).toBe('pending');

    // 3. Present mode refuses a signature while the discount waits for SISO.
    await harness.open(page, '#/proposals');
    await page.getByRole('article', { name: COMPANY }).getByText("Waiting for SISO's approval of a 20% discount").waitFor();
    await page.getByRole('article', { name: COMPANY }).getByRole('link', { name: `Present the ${COMPANY} proposal` }).click();
    const present = page.getByRole('dialog', { name: 'Present mode' });
    await present.getByRole('heading', { level: 1, name: `Proposal for ${COMPANY}` }).waitFor();
    await present.getByText(/20% discount waiting for SISO.s approval; the client can.t sign it yet/).waitFor();
    expect(await present.getByRole('button', { name: 'Client signs' }).count()).toBe(0);
    // Client-facing: nothing about the partner's commission.
    expect(await present.textContent()).not.toMatch(/commission/i);

    // 4. The admin approves in a second window; the open present mode can be signed, live.
    const admin = await harness.newWindow();
    await harness.signIn(admin.page, 'admin');
    await harness.open(admin.page, '#/admin?tab=discounts');
    const request = admin.page.getByRole('row').filter({ hasText: COMPANY });
    await request.getByText('20%').first().waitFor({ timeout: LIVE_MS });
    await request.getByRole('button', { name: /^Approve/ }).click();
    await admin.page.getByRole('status').filter({ hasText: /Approved/ }).first().waitFor({ timeout: LIVE_MS });
    await admin.page.screenshot({ path: '/tmp/admin-discount-approvals.png' });
    const signButton = present.getByRole('button', { name: 'Client signs' });
    await signButton.waitFor({ timeout: LIVE_MS });

    // 5. The client adds the support retainer: the total follows at once.
    const total = present.getByTestId('present-total');
    const before = await total.textContent();
    await present.getByRole('checkbox', { name: 'Include Support retainer' }).check();
    await expect.poll(() => total.textContent()).not.toBe(before);
    await present.getByRole('spinbutton', { name: 'Quantity of Support retainer' }).fill('6');
    await present.getByText('The PDF is up to date.').waitFor({ timeout: LIVE_MS });
    expect(await checkA11y(page)).toEqual([]);
    await page.screenshot({ path: '/tmp/present-mode-1280.png' });
    // The README's picture: the client-facing side, tall enough for the totals. (Headless Chromium
    // has no PDF viewer, so the PDF pane beside it would only show a dark frame.)
    await page.setViewportSize({ width: 1280, height: 1100 });
    const pricing = await present.getByRole('region', { name: 'Pricing' }).boundingBox();
    if (!pricing) throw new Error('The pricing card is not on screen.');
    await page.screenshot({ path: 'resources/screenshots/present-mode.png', clip: { x: 0, y: 0, width: pricing.x + pricing.width + 24, height: pricing.y + pricing.height + 24 } });
    await page.setViewportSize({ width: 1280, height: 720 });

    // 6. Offline, the client signs with a typed name.
    await partner.context.setOffline(true);
    await signButton.click();
    const signing = page.getByRole('dialog', { name: `Accept the proposal for ${COMPANY}` });
    await signing.getByRole('textbox', { name: 'Full name' }).fill(SIGNER);
    await signing.getByRole('textbox', { name: 'Email' }).fill(SIGNER_EMAIL);
    await signing.getByRole('button', { name: 'Sign with typed name instead' }).click();
    await signing.getByRole('button', { name: 'I accept this proposal' }).click();
    await page.getByRole('heading', { name: `Signed by ${SIGNER}` }).waitFor({ timeout: LIVE_MS });
    const signed = await saveDownload(page, () => page.getByRole('button', { name: 'Download signed PDF' }).click(), /\(signed\)\.pdf$/);
    const signedText = pdfText(signed.file);
    expect(signedText).toContain(SIGNER);
    expect(signedText).toContain(SIGNER_EMAIL);
    expect(signedText).toContain('Audit trail');
    expect(signedText).not.toContain('Draft — pending approval');
    await page.screenshot({ path: '/tmp/present-signed.png' });
    await page.getByRole('button', { name: `Move ${COMPANY} to Won` }).click();
    await page.getByRole('status').filter({ hasText: `${COMPANY} is now Won.` }).waitFor();

    // 7. Online again: the evidence, both files and the stage reach the server.
    await partner.context.setOffline(false);
    const signatureRow = async () => (await proposalRows()).find((row) => row.kind === 'proposal_signed');
    await expect.poll(async () => (await signatureRow()) !== undefined, { timeout: SYNC_TIMEOUT }).toBe(true);
    const evidence = JSON.parse((await signatureRow())?.meta ?? '{}') as { version_id: string; sha256: string; sha256_before: string; file_path: string; signer_name: string };
    expect(evidence.signer_name).toBe(SIGNER);
    expect(sha256(readFileSync(signed.file))).toBe(evidence.sha256);
    expect(signedText).toContain(evidence.sha256_before);
    const signedVersion = (await proposalRows()).find((row) => row.id === evidence.version_id);
    // The toggled items made a new version; its approval came from the approved 20%.
    expect(signedVersion).toMatchObject({ kind: 'proposal_created', approval_status: 'approved', discount_percent: 20 });
    const versionMeta = JSON.parse(signedVersion?.meta ?? '{}') as { sha256: string; file_path: string; version: number };
    expect(versionMeta.version).toBe(3);
    expect(versionMeta.sha256).toBe(evidence.sha256_before);
    await expect.poll(async () => { const file = await serverFile(evidence.file_path); return file ? sha256(file) : null; }, { timeout: SYNC_TIMEOUT }).toBe(evidence.sha256);
    await expect.poll(async () => { const file = await serverFile(versionMeta.file_path); return file ? sha256(file) : null; }, { timeout: SYNC_TIMEOUT }).toBe(evidence.sha256_before);
    await expect
      .poll(async () => (await harness.backend.serviceClient().from('leads').select('stage').eq('id', LEAD_ID).single()).data?.stage, { timeout: SYNC_TIMEOUT })
      .toBe('won');

    // 8. Someone opens the proposal's tracked link: the view shows on the proposal, live.
    const anon = harness.backend.anonClient();
    const { error: viewError } = await anon.rpc('record_proposal_view', { p_ref: seedUsers.elite.id, p_content: `proposal-${PROPOSAL_ID.slice(0, 8)}` });
    expect(viewError).toBeNull();
    await page.getByRole('button', { name: 'Exit present mode' }).click();
    await page.getByRole('heading', { level: 1, name: 'Proposals' }).waitFor();
    const row = page.getByRole('article', { name: COMPANY });
    await row.getByText(`Signed by ${SIGNER}`).waitFor();
    await row.getByText('Opened 4 times').waitFor({ timeout: LIVE_MS });

    // 9. The lead's page lists its proposal and the timeline records the signature and the views.
    await harness.open(page, `#/leads/${LEAD_ID}`);
    const card = page.getByRole('region', { name: 'Proposals' });
    await card.getByText(`Version 3 of 3 · Signed by ${SIGNER}`, { exact: false }).waitFor();
    const timeline = page.getByRole('list', { name: 'Activities, newest first' });
    await timeline.getByText('Proposal signed').waitFor();
    await timeline.getByText(/^Proposal viewed (once|\d+ times)$/).first().waitFor();
    await card.scrollIntoViewIfNeeded();
    await page.screenshot({ path: '/tmp/lead-proposals.png' });
    await card.getByRole('link', { name: 'Versions and files' }).click();
    await page.getByRole('heading', { level: 2, name: `Proposal history for ${COMPANY}` }).waitFor();
    expect(await page.getByRole('article').count()).toBe(1);
    expect(realProblems(partner.problems)).toEqual([]);
    expect(realProblems(admin.problems)).toEqual([]);
  }, 240_000);
});
