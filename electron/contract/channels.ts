/**
 * The one IPC contract between main and preload. Each channel name is written here once, with the
 * zod schemas of its request and reply. Main validates both directions; the renderer imports
 * only the `SisoApi` type.
 */
import { z } from 'zod';
import { MAX_SERVER_URL_LENGTH } from '../../sync/domain/url-policy';

const secretKey = z.string().regex(/^[a-z0-9._:-]{1,128}$/i, 'Secret keys are short names');

export const appInfoReply = z.object({
  version: z.string(),
  platform: z.enum(['darwin', 'win32', 'linux', 'other']),
  packaged: z.boolean(),
});

export const configReply = z.object({
  supabaseUrl: z.string().url(),
  supabaseAnonKey: z.string().min(1),
});

/** Catalog row ids (client-generated strings) and hex sha256 digests name cached asset files. */
const assetId = z.string().min(1).max(64);
const sha256 = z.string().regex(/^[0-9a-f]{64}$/, 'A sha256 digest is 64 lower-case hex digits');
export const ASSET_CACHE_MAX_FILE_BYTES = 100 * 1024 * 1024;
export const assetCacheEntry = z.object({
  assetId,
  sha256,
  version: z.int().min(1),
  size: z.int().min(0),
  storedAt: z.iso.datetime({ offset: true }),
});

export const ipcContract = {
  'app:info': { request: z.void(), reply: appInfoReply },
  'config:get': { request: z.void(), reply: configReply },
  'secrets:get': { request: z.object({ key: secretKey }), reply: z.object({ value: z.string().nullable() }) },
  'secrets:set': {
    request: z.object({ key: secretKey, value: z.string().max(64 * 1024) }),
    reply: z.object({ stored: z.boolean(), encrypted: z.boolean() }),
  },
  'secrets:delete': { request: z.object({ key: secretKey }), reply: z.object({ deleted: z.boolean() }) },
  'shell:open-external': {
    request: z.object({ url: z.string().max(4096) }),
    reply: z.object({ opened: z.boolean(), reason: z.string().optional() }),
  },
  'files:save': {
    request: z.object({
      suggestedName: z.string().min(1).max(200),
      mimeType: z.string().max(100),
      data: z.instanceof(Uint8Array).refine((d) => d.byteLength <= 200 * 1024 * 1024, 'Files are limited to 200 MB'),
    }),
    reply: z.object({ saved: z.boolean(), path: z.string().optional() }),
  },
  'assets:cache-put': {
    request: z.object({
      assetId,
      sha256,
      version: z.int().min(1),
      data: z.instanceof(Uint8Array).refine((d) => d.byteLength <= ASSET_CACHE_MAX_FILE_BYTES, 'Cached asset files are limited to 100 MB'),
    }),
    reply: z.object({ stored: z.boolean(), reason: z.string().optional() }),
  },
  'assets:cache-get': {
    request: z.object({ assetId, sha256 }),
    reply: z.object({ data: z.instanceof(Uint8Array).nullable() }),
  },
  'assets:cache-list': { request: z.void(), reply: z.object({ entries: z.array(assetCacheEntry) }) },
  'assets:cache-delete': { request: z.object({ assetId }), reply: z.object({ removed: z.int().min(0) }) },
  'assets:cache-clear': { request: z.void(), reply: z.object({ removed: z.int().min(0) }) },
  /** Lets the page connect to a server confirmed on Welcome (main validates it with the URL policy). */
  'servers:allow': {
    request: z.object({ serverUrl: z.string().min(1).max(MAX_SERVER_URL_LENGTH) }),
    reply: z.discriminatedUnion('allowed', [
      z.object({ allowed: z.literal(true), origin: z.string(), reloadRequired: z.boolean() }),
      z.object({ allowed: z.literal(false), reason: z.string().min(1) }),
    ]),
  },
  'notify:show': {
    /** route: the in-app screen a click opens (main checks it against the screen list). */
    request: z.object({ title: z.string().min(1).max(200), body: z.string().max(1000), route: z.string().startsWith('/').max(300).optional() }),
    reply: z.object({ shown: z.boolean() }),
  },
} as const;

export type IpcChannel = keyof typeof ipcContract;
export type IpcRequest<C extends IpcChannel> = z.infer<(typeof ipcContract)[C]['request']>;
export type IpcReply<C extends IpcChannel> = z.infer<(typeof ipcContract)[C]['reply']>;

/** Events main sends to the renderer (one-way). */
export const ipcEvents = {
  'deeplink:open': z.object({ route: z.string().startsWith('/') }),
} as const;
export type IpcEvent = keyof typeof ipcEvents;
export type IpcEventPayload<E extends IpcEvent> = z.infer<(typeof ipcEvents)[E]>;
