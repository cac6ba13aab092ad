/**
 * The partner's logo bytes on this device (IndexedDB, one record per partner), so proposals carry
 * the logo offline and an upload that could not happen yet is not lost. Records are checked with
 * zod when read: a store written by an older build, or damaged, reads as "no logo".
 */
import { z } from 'zod';
import { createIdbStore } from '../../platform/idb-store';

const DB_NAME = 'siso-brand-kit';
const STORE = 'logos';

export const cachedLogoSchema = z.object({
  partnerId: z.string().min(1),
  type: z.enum(['png', 'jpeg']),
  bytes: z.custom<Uint8Array>((value) => value instanceof Uint8Array, 'The cached logo has no image bytes.'),
  width: z.int().positive(),
  height: z.int().positive(),
  /** Where the logo is (or will be) in the `brand` bucket; null in the demo workspace. */
  path: z.string().nullable(),
  /** The bucket holds these bytes at `path` and the profile points at it. */
  uploaded: z.boolean(),
  /** The server's refusal of the last upload, as a sentence. */
  refused: z.string().nullable(),
  /** The profile's updated_at when these bytes were known to match it (another device may replace the logo). */
  profileStamp: z.string().nullable(),
  savedAt: z.string(),
});
export type CachedLogo = z.infer<typeof cachedLogoSchema>;

const { run } = createIdbStore(DB_NAME, STORE, 'logo store');

/** Notifies every screen showing the logo that the cached copy changed. */
const changes = new EventTarget();

export function onCachedLogoChange(partnerId: string, listener: () => void): () => void {
  const handler = (event: Event) => {
    if (event instanceof CustomEvent && event.detail === partnerId) listener();
  };
  changes.addEventListener('change', handler);
  return () => changes.removeEventListener('change', handler);
}

export async function readCachedLogo(partnerId: string): Promise<CachedLogo | null> {
  const value: unknown = await run('readonly', (store) => store.get(partnerId));
  const parsed = cachedLogoSchema.safeParse(value);
  return parsed.success ? parsed.data : null;
}

export async function writeCachedLogo(logo: CachedLogo): Promise<void> {
  const record = cachedLogoSchema.parse(logo);
  await run('readwrite', (store) => store.put(record, record.partnerId));
  changes.dispatchEvent(new CustomEvent('change', { detail: record.partnerId }));
}

/** Applies `update` to the current record, if there is one and it is still the one `savedAt` names. */
export async function updateCachedLogo(partnerId: string, savedAt: string, update: Partial<Omit<CachedLogo, 'partnerId' | 'savedAt'>>): Promise<void> {
  const current = await readCachedLogo(partnerId);
  if (!current || current.savedAt !== savedAt) return;
  await writeCachedLogo({ ...current, ...update });
}

export async function deleteCachedLogo(partnerId: string): Promise<void> {
  await run('readwrite', (store) => store.delete(partnerId));
  changes.dispatchEvent(new CustomEvent('change', { detail: partnerId }));
}
