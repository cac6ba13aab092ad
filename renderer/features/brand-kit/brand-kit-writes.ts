/**
 * Every write the brand kit makes: the profile's brand fields and logo path in the local store
 * (replication pushes them), the logo kept on this device, and deleting a removed logo's file
 * from the `brand` bucket.
 */
import type { SupabaseClient } from '@supabase/supabase-js';
import { brandLogoPath, type BrandKitValues } from '../../../sync/domain/brand-kit';
import type { WorkstationDatabase } from '../../../sync/schema/database';
import { deleteCachedLogo, readCachedLogo, updateCachedLogo, writeCachedLogo } from './logo-cache';

export const BRAND_BUCKET = 'brand';

/** Writes the brand fields to the local profile; false when the profile has not reached this device yet. */
export async function saveBrandDetails(db: WorkstationDatabase, partnerId: string, values: BrandKitValues): Promise<boolean> {
  const doc = await db.profiles.findOne(partnerId).exec();
  if (!doc) return false;
  const now = new Date().toISOString();
  await doc.incrementalPatch({ ...values, updated_at: now });
  // The cached logo carries the profile stamp it matches; without this it would look out of date.
  const cached = await readCachedLogo(partnerId);
  if (cached?.uploaded) await updateCachedLogo(partnerId, cached.savedAt, { profileStamp: now });
  return true;
}

/**
 * Points the local profile at a logo file (or at none) and returns the path it had. Setting a path
 * always stamps the profile, so other devices see a new upload even at the same path.
 */
export async function setProfileLogoPath(db: WorkstationDatabase, partnerId: string, path: string | null, now = new Date().toISOString()): Promise<string | null> {
  const doc = await db.profiles.findOne(partnerId).exec();
  const previous = doc?.logo_path ?? null;
  if (doc && (path !== null || previous !== null)) await doc.incrementalPatch({ logo_path: path, updated_at: now });
  return previous;
}

/** Saves a new logo on this device; an account workspace uploads it when it can. */
export async function saveLogoOnDevice(partnerId: string, logo: { type: 'png' | 'jpeg'; bytes: Uint8Array; width: number; height: number }, account: boolean): Promise<void> {
  await writeCachedLogo({
    partnerId,
    type: logo.type,
    bytes: logo.bytes,
    width: logo.width,
    height: logo.height,
    path: account ? brandLogoPath(partnerId, logo.type) : null,
    uploaded: false,
    refused: null,
    profileStamp: null,
    savedAt: new Date().toISOString(),
  });
}

/** Removes the logo here and from the profile; the bucket file is deleted when online (else overwritten by the next upload). */
export async function removeLogo(db: WorkstationDatabase, partnerId: string, client: SupabaseClient | null, online: boolean): Promise<void> {
  await deleteCachedLogo(partnerId);
  const previous = await setProfileLogoPath(db, partnerId, null);
  if (client && previous && online) await client.storage.from(BRAND_BUCKET).remove([previous]).catch(() => undefined);
}
