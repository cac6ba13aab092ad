/**
 * The one interface through which the renderer reaches its host: Electron (via the preload
 * bridge) or a plain browser. Features use `usePlatform()` and never check which one they got.
 */
import { z } from 'zod';
import type { CacheEntry } from '../../sync/domain/assets';

export const operatingSystems = ['darwin', 'win32', 'linux', 'other'] as const;
export type OperatingSystem = (typeof operatingSystems)[number];

export interface AppInfo {
  version: string;
  os: OperatingSystem;
  /** True for an installed build, false when running from sources or in a browser. */
  packaged: boolean;
}

/** Validated wherever the values come from (build env or main process). */
export const platformConfigSchema = z.object({
  supabaseUrl: z.url({ protocol: /^https?$/ }),
  supabaseAnonKey: z.string().min(1),
});
export type PlatformConfig = z.infer<typeof platformConfigSchema>;

/** Same rule as the IPC contract's secret keys, so both platforms reject the same names. */
export const secretKeySchema = z.string().regex(/^[a-z0-9._:-]{1,128}$/i, 'Secret keys are short names');

export interface SecretStore {
  get(key: string): Promise<string | null>;
  /** `encrypted` says whether the value is encrypted at rest (OS keychain) or only stored. */
  set(key: string, value: string): Promise<{ stored: boolean; encrypted: boolean }>;
  delete(key: string): Promise<boolean>;
}

export type OpenExternalResult = { opened: true } | { opened: false; reason: string };

export interface SaveFileRequest {
  suggestedName: string;
  mimeType: string;
  data: Uint8Array;
}
/** `saved: false` means the person cancelled or the file could not be written. */
export interface SaveFileResult {
  saved: boolean;
  path?: string;
}

export interface NotificationRequest {
  title: string;
  body: string;
  /** The in-app route a click on the notification opens, e.g. '/support/tickets/t-1'. */
  route?: string;
}

/** IPC and Blob need plain ArrayBuffer-backed bytes; copy only when given a shared buffer. */
export function toArrayBufferBytes(data: Uint8Array): Uint8Array<ArrayBuffer> {
  const isPlain = (bytes: Uint8Array): bytes is Uint8Array<ArrayBuffer> => bytes.buffer instanceof ArrayBuffer;
  return isPlain(data) ? data : data.slice();
}

/** One file kept for offline use, as the cache lists it. */
export type AssetCacheEntryInfo = CacheEntry;

export interface AssetCachePut {
  assetId: string;
  /** Lower-case hex sha256 the catalog states for the file. */
  sha256: string;
  version: number;
  data: Uint8Array;
}

/**
 * Marketing asset files on this device: Electron keeps them in the app data folder (through IPC),
 * a browser in the Cache API. Callers verify bytes against the catalog on open.
 */
export interface AssetFileCache {
  put(entry: AssetCachePut): Promise<{ stored: true } | { stored: false; reason: string }>;
  get(assetId: string, sha256: string): Promise<Uint8Array | null>;
  list(): Promise<AssetCacheEntryInfo[]>;
  delete(assetId: string): Promise<void>;
  clear(): Promise<void>;
}

export type DesktopNotificationPermission = 'granted' | 'denied' | 'default' | 'unsupported';

export type DeepLinkListener = (route: string) => void;

/**
 * The answer to "may the app talk to this server?". `reloadRequired`: the host allowed it, but the
 * page loaded before that must reload to pick it up (Electron's CSP is fixed per page load).
 */
export type ServerAccessResult = { allowed: true; origin: string; reloadRequired: boolean } | { allowed: false; reason: string };

export interface Platform {
  readonly kind: 'electron' | 'browser';
  appInfo(): Promise<AppInfo>;
  config(): Promise<PlatformConfig>;
  readonly secrets: SecretStore;
  /** Opens the links the shared URL policy allows (sync/domain/url-policy.ts): SISO sites, share dialogs, mailto:. */
  openExternal(url: string): Promise<OpenExternalResult>;
  saveFile(request: SaveFileRequest): Promise<SaveFileResult>;
  readonly assetCache: AssetFileCache;
  /** Returns false where system notifications are unavailable; callers then show it in-app. */
  notify(request: NotificationRequest): Promise<boolean>;
  /** Whether desktop notifications can show: Electron's are native (always 'granted'); a browser asks once. */
  desktopNotificationPermission(): DesktopNotificationPermission;
  /** Asks the person (browser only, from a click); Electron answers 'granted' at once. */
  requestDesktopNotifications(): Promise<DesktopNotificationPermission>;
  /**
   * Lets the app connect to a server the person confirmed (Welcome's server address). Electron adds
   * exactly its origin to the page's CSP and keeps it; a browser needs nothing and allows it.
   */
  allowServer(serverUrl: string): Promise<ServerAccessResult>;
  /** Routes opened from outside (siso:// links). Returns an unsubscribe function. */
  onDeepLink(listener: DeepLinkListener): () => void;
}
