/**
 * The feature write modules against a local store filled with the demo workspace: each write
 * changes what it says and nothing else (notifications already read keep their time, a profile
 * without a logo is not re-stamped by clearing it, a missing profile is reported, not created).
 */
import 'fake-indexeddb/auto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { getRxStorageMemory } from 'rxdb/plugins/storage-memory';
import { openWorkstationDatabase, type WorkstationDatabase } from '../../sync/schema/database';
import { loadDemoWorkspace } from '../../sync/schema/demo-workspace';
import { markNotificationsRead } from '../../renderer/features/notifications/notification-writes';
import { createReferralLink } from '../../renderer/features/referrals/referral-writes';
import { saveBrandDetails, setProfileLogoPath } from '../../renderer/features/brand-kit/brand-kit-writes';
import { recordAssetUsage } from '../../renderer/features/marketing/marketing-writes';
import { parseAssets } from '../../sync/domain/assets';

const raw: unknown = JSON.parse(readFileSync(join(import.meta.dirname, '../../resources/demo/workspace.json'), 'utf8'));
const NOW = new Date('2026-06-15T12:00:00Z');
let db: WorkstationDatabase;
let partnerId: string;
let count = 0;

beforeEach(async () => {
  count += 1;
  db = await openWorkstationDatabase({ name: `feature-writes-${count}`, storage: getRxStorageMemory(), devMode: true });
  await loadDemoWorkspace(db, raw, NOW);
  const profile = await db.profiles.findOne().exec();
  partnerId = profile!.partner_id;
});

afterEach(async () => {
  await db.close();
});

describe('markNotificationsRead', () => {
  it('marks only the unread ones and keeps the time an earlier read was recorded', async () => {
    const all = await db.notifications.find().exec();
    const read = all.find((doc) => doc.read_at);
    const unread = all.filter((doc) => !doc.read_at);
    expect(read, 'the demo has a read notification').toBeDefined();
    expect(unread.length).toBeGreaterThan(0);

    const at = new Date('2026-06-16T09:00:00Z');
    await markNotificationsRead(db, all.map((doc) => doc.id), at);

    const after = new Map((await db.notifications.find().exec()).map((doc) => [doc.id, doc.read_at]));
    expect(after.get(read!.id)).toBe(read!.read_at);
    for (const doc of unread) expect(after.get(doc.id)).toBe(at.toISOString());
  });
});

describe('createReferralLink', () => {
  it('saves the link for this partner and returns it as stored', async () => {
    const doc = await createReferralLink(db, partnerId, {
      name: 'Spring post',
      destination: 'https://siso.agency/',
      source: 'linkedin',
      medium: 'social',
      campaign: 'spring',
      term: '',
      content: '',
    });
    const stored = await db.referral_links.findOne(doc.id).exec();
    expect(stored?.toJSON()).toMatchObject({ name: 'Spring post', partner_id: partnerId });
  });
});

describe('brand kit writes', () => {
  it('reports a profile that has not reached this device instead of creating one', async () => {
    const saved = await saveBrandDetails(db, '00000000-0000-4000-8000-0000000000ff', {
      brand_primary: '#112233',
      brand_secondary: '#445566',
      company: null,
      email: null,
      phone: null,
      website: null,
      tagline: null,
    });
    expect(saved).toBe(false);
    expect(await db.profiles.findOne('00000000-0000-4000-8000-0000000000ff').exec()).toBeNull();
  });

  it('stamps the profile when a logo path is set, even the same one, but not when clearing none', async () => {
    const before = await db.profiles.findOne(partnerId).exec();
    expect(before?.logo_path ?? null, 'the demo profile starts without a logo').toBeNull();
    expect(await setProfileLogoPath(db, partnerId, null, '2026-06-16T00:00:00.000Z')).toBeNull();
    expect((await db.profiles.findOne(partnerId).exec())?.updated_at).toBe(before!.updated_at);

    const path = `${partnerId}/logo.png`;
    expect(await setProfileLogoPath(db, partnerId, path, '2026-06-16T01:00:00.000Z')).toBeNull();
    expect(await setProfileLogoPath(db, partnerId, path, '2026-06-16T02:00:00.000Z')).toBe(path);
    expect((await db.profiles.findOne(partnerId).exec())?.toJSON()).toMatchObject({ logo_path: path, updated_at: '2026-06-16T02:00:00.000Z' });
  });
});

describe('recordAssetUsage', () => {
  it('adds one usage entry naming the asset', async () => {
    const asset = parseAssets(await db.catalog.find({ selector: { kind: 'asset' } }).exec()).assets[0]!;
    const before = await db.activities.count({ selector: { kind: 'asset_download' } }).exec();
    await recordAssetUsage(db, partnerId, 'asset_download', asset);
    expect(await db.activities.count({ selector: { kind: 'asset_download' } }).exec()).toBe(before + 1);
  });
});
