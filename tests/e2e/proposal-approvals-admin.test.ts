/**
 * Admin → Discount approvals end to end, against the production build and a fresh seeded local
 * backend: the Active partner's two proposal versions over their 5% limit are listed with the
 * lead, the limit and the quote's total; the admin approves one, and declining the other asks for
 * a note first. The server holds each decision. Screenshot: /tmp/admin-discount-approvals.png.
 */
import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { seedId } from '../../sync/server/db/seed';
import { seedUsers } from '../../sync/server/db/seed-accounts';
import { checkA11y } from '../fixtures/browser';
import { realProblems } from '../fixtures/account-browser';
import { useAccountsHarness } from '../fixtures/accounts-harness';

const active = seedUsers.active;
const KINGFISHER_LEAD = seedId('active:lead:3');
const harness = useAccountsHarness();

/** A version the partner's app would push: the server decides its approval whatever is sent. */
async function pushVersion(discount: number, totalMinor: number): Promise<string> {
  const { client } = await harness.backend.signIn('active');
  const id = randomUUID();
  const proposalId = randomUUID();
  const meta = {
    file_name: 'Kingfisher Estates proposal.pdf', template: 'priced-proposal', sha256: 'b'.repeat(64), version: 1,
    file_path: `${active.id}/${proposalId}/${id}.pdf`, size: 2048, watermarked: true, changes: ['First version'], link_id: null, tracked_url: null,
    quote: { currency: 'GBP', selection: { items: {}, discountPercent: discount }, subtotal_minor: totalMinor, discount_minor: 0, tax_minor: 0, total_minor: totalMinor },
    inputs: { template_id: 'priced-proposal', brand: { primary: '#0E8A5F', secondary: '#F5F5F0' }, intro: null, sections_off: [], white_label: false, rendered_at: new Date().toISOString() },
  };
  const { error } = await client.from('activities').insert({
    id, partner_id: active.id, lead_id: KINGFISHER_LEAD, kind: 'proposal_created', body: 'Priced proposal v1', proposal_id: proposalId,
    discount_percent: discount, approval_status: 'approved', meta: JSON.stringify(meta),
  });
  if (error) throw new Error(`activities: ${error.message}`);
  return id;
}

async function serverStatus(id: string): Promise<{ approval_status: string | null; decision_note: string | null }> {
  const { data, error } = await harness.backend.serviceClient().from('activities').select('approval_status, decision_note').eq('id', id).single();
  if (error) throw new Error(`activities: ${error.message}`);
  return data as { approval_status: string | null; decision_note: string | null };
}

describe('discount approvals in the admin area', () => {
  it('lists versions over the tier limit and decides them, declining only with a note', async () => {
    const twelve = await pushVersion(12, 1_650_000);
    const twenty = await pushVersion(20, 990_000);
    expect((await serverStatus(twelve)).approval_status).toBe('pending');

    const admin = await harness.newWindow();
    await admin.page.setViewportSize({ width: 1280, height: 720 });
    await harness.signIn(admin.page, 'admin');
    await harness.open(admin.page, '#/admin?tab=discounts');
    const table = admin.page.getByRole('table', { name: 'Discount approvals' });
    const twelveRow = table.getByRole('row').filter({ hasText: '12%' });
    await twelveRow.waitFor({ timeout: 20_000 });
    await expect.poll(() => twelveRow.textContent()).toMatch(/Kingfisher Estates.*12%Limit 5% \(Active\)£16,500\.00/);
    await admin.page.screenshot({ path: '/tmp/admin-discount-approvals.png' });
    expect(await checkA11y(admin.page)).toEqual([]);

    await twelveRow.getByRole('button', { name: /^Approve/ }).click();
    await admin.page.getByRole('status').filter({ hasText: `Approved the 12% discount on Kingfisher Estates v1 for ${active.displayName} · ${active.company}.` }).waitFor({ timeout: 20_000 });
    await expect.poll(async () => (await serverStatus(twelve)).approval_status).toBe('approved');

    await table.getByRole('row').filter({ hasText: '20%' }).getByRole('button', { name: /^Decline/ }).click();
    const dialog = admin.page.getByRole('dialog', { name: 'Decline discount' });
    await dialog.getByRole('button', { name: 'Decline discount' }).click();
    await dialog.getByText('Give a reason; the partner sees it with the declined discount.').waitFor();
    expect((await serverStatus(twenty)).approval_status).toBe('pending');
    await dialog.getByRole('textbox', { name: 'Reason' }).fill('Keep discounts at 10% or less this quarter.');
    await dialog.getByRole('button', { name: 'Decline discount' }).click();
    await admin.page.getByRole('status').filter({ hasText: 'Declined the 20% discount on Kingfisher Estates v1' }).waitFor({ timeout: 20_000 });
    expect(await serverStatus(twenty)).toEqual({ approval_status: 'declined', decision_note: 'Keep discounts at 10% or less this quarter.' });

    await admin.page.getByRole('combobox', { name: 'Show' }).selectOption('decided');
    await table.getByRole('row').filter({ hasText: 'Keep discounts at 10% or less this quarter.' }).waitFor();
    expect(realProblems(admin.problems)).toEqual([]);
  }, 180_000);
});
