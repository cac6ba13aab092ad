/**
 * Moves the cached logo between this device and the `brand` bucket for an account workspace:
 * uploads a logo saved here (then points profile.logo_path at it), downloads one another device
 * uploaded, and forgets one removed elsewhere. Never awaited by a save: the local copy is what
 * proposals use, the network only catches up.
 */
import type { SupabaseClient } from '@supabase/supabase-js';
import { LOGO_MIME_TYPES, brandLogoPath, checkLogoFile, formatFileSize, LOGO_MAX_BYTES } from '../../../sync/domain/brand-kit';
import type { WorkstationDatabase } from '../../../sync/schema/database';
import { BRAND_BUCKET, setProfileLogoPath } from './brand-kit-writes';
import { deleteCachedLogo, readCachedLogo, updateCachedLogo, writeCachedLogo, type CachedLogo } from './logo-cache';
import { errorMessage } from '../../ui/error-message';

export interface LogoSyncContext {
  db: WorkstationDatabase;
  client: SupabaseClient;
  partnerId: string;
  /** Upload again even though the server refused this logo before (page opened, back online). */
  retryRefused: boolean;
}

export type LogoSyncOutcome =
  | { kind: 'nothing-to-do' }
  | { kind: 'uploaded' }
  | { kind: 'downloaded' }
  | { kind: 'forgotten' }
  | { kind: 'refused'; message: string }
  | { kind: 'failed'; message: string };

const running = new Map<string, Promise<LogoSyncOutcome>>();

/** One sync per partner at a time; a call while one runs shares its result. */
export function syncBrandLogo(context: LogoSyncContext): Promise<LogoSyncOutcome> {
  const current = running.get(context.partnerId);
  if (current) return current;
  const started = runSync(context).finally(() => running.delete(context.partnerId));
  running.set(context.partnerId, started);
  return started;
}

function detail(error: unknown): string {
  const text = errorMessage(error);
  return text.trim().replace(/\.$/, '') || 'no reason given';
}

function httpStatus(error: unknown): number | null {
  const status = error !== null && typeof error === 'object' ? (error as { status?: unknown }).status : undefined;
  return typeof status === 'number' ? status : null;
}

/** A sentence for an upload the server answered with a refusal (it will not succeed by retrying alone). */
function refusalMessage(status: number, error: unknown): string {
  if (status === 413) return `The server refused your logo because it is larger than the brand storage allows (${formatFileSize(LOGO_MAX_BYTES)}). Choose a smaller file.`;
  if (status === 415) return `The server refused your logo's file type (${detail(error)}). Use a PNG or JPEG file.`;
  if (status === 403) return `The server refused your logo: your account may not store files there (${detail(error)}). Sign in again; if it keeps happening, contact SISO support.`;
  return `The server refused your logo (${detail(error)}). It is still saved on this device; choose another file or contact SISO support.`;
}

async function runSync(context: LogoSyncContext): Promise<LogoSyncOutcome> {
  const { db, partnerId } = context;
  const profileDoc = await db.profiles.findOne(partnerId).exec();
  // The profile arrives with the first pull; until then there is nowhere to record the path.
  if (!profileDoc) return { kind: 'nothing-to-do' };
  const profile = profileDoc.toJSON();
  const cached = await readCachedLogo(partnerId);

  if (cached && !cached.uploaded) {
    if (cached.refused && !context.retryRefused) return { kind: 'refused', message: cached.refused };
    return upload(context, cached);
  }
  if (profile.logo_path && (!cached || cached.path !== profile.logo_path || cached.profileStamp !== profile.updated_at)) {
    return download(context, profile.logo_path, profile.updated_at ?? null, cached?.savedAt ?? null);
  }
  if (!profile.logo_path && cached?.uploaded && cached.profileStamp !== profile.updated_at) {
    // Removed on another device.
    await deleteCachedLogo(partnerId);
    return { kind: 'forgotten' };
  }
  return { kind: 'nothing-to-do' };
}

async function upload(context: LogoSyncContext, cached: CachedLogo): Promise<LogoSyncOutcome> {
  const { client, db, partnerId } = context;
  const path = brandLogoPath(partnerId, cached.type);
  let result: Awaited<ReturnType<ReturnType<SupabaseClient['storage']['from']>['upload']>>;
  try {
    const body = new Blob([cached.bytes.slice()], { type: LOGO_MIME_TYPES[cached.type] });
    result = await client.storage.from(BRAND_BUCKET).upload(path, body, { upsert: true, contentType: LOGO_MIME_TYPES[cached.type], cacheControl: '3600' });
  } catch (error) {
    return { kind: 'failed', message: `Your logo is saved on this device but did not upload (${detail(error)}). It will be tried again when you are back online or next open the brand kit.` };
  }
  if (result.error) {
    const status = httpStatus(result.error);
    if (status !== null && status >= 400 && status < 500 && ![401, 408, 429].includes(status)) {
      const message = refusalMessage(status, result.error);
      await updateCachedLogo(partnerId, cached.savedAt, { refused: message });
      return { kind: 'refused', message };
    }
    return {
      kind: 'failed',
      message: `Your logo is saved on this device but did not upload (${detail(result.error)}). It will be tried again when you are back online or next open the brand kit.`,
    };
  }
  const now = new Date().toISOString();
  const previous = await setProfileLogoPath(db, partnerId, path, now);
  await updateCachedLogo(partnerId, cached.savedAt, { uploaded: true, path, refused: null, profileStamp: now });
  // A logo of another type leaves its old file behind; tidy it, but a failure here harms nothing.
  if (previous && previous !== path) await client.storage.from(BRAND_BUCKET).remove([previous]).catch(() => undefined);
  return { kind: 'uploaded' };
}

async function download(context: LogoSyncContext, path: string, stamp: string | null, cachedSavedAt: string | null): Promise<LogoSyncOutcome> {
  const { client, db, partnerId } = context;
  const failed = (why: string): LogoSyncOutcome => ({
    kind: 'failed',
    message: `Your logo could not be downloaded to this device (${why}). Proposals show your company name instead until it is.`,
  });
  let bytes: Uint8Array;
  try {
    const { data, error } = await client.storage.from(BRAND_BUCKET).download(path);
    if (error) return failed(detail(error));
    bytes = new Uint8Array(await data.arrayBuffer());
  } catch (error) {
    return failed(detail(error));
  }
  const check = checkLogoFile(bytes, path.split('/').pop());
  if (!check.ok) return failed(check.message);
  if (check.logo.type === 'svg') return failed('it is an SVG file, which proposals cannot embed; upload it again from the brand kit');
  // Something changed while downloading (a new logo saved here, or the logo removed): keep that.
  const [now, profile] = await Promise.all([readCachedLogo(partnerId), db.profiles.findOne(partnerId).exec()]);
  if ((now?.savedAt ?? null) !== cachedSavedAt || profile?.logo_path !== path) return { kind: 'nothing-to-do' };
  await writeCachedLogo({
    partnerId,
    type: check.logo.type,
    bytes,
    width: check.logo.width,
    height: check.logo.height,
    path,
    uploaded: true,
    refused: null,
    profileStamp: stamp,
    savedAt: new Date().toISOString(),
  });
  return { kind: 'downloaded' };
}
