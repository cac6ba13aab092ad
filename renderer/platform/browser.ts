/**
 * Platform for the plain-browser build (`npm run web`, e2e tests): IndexedDB for tokens,
 * `<a download>` for files, `window.open` for links, the Notification API when already permitted.
 */
import packageJson from '../../package.json';
import { LOCAL_ANON_KEY, LOCAL_BACKEND_URL } from '../../sync/replication/local-backend';
import { createBrowserAssetCache } from './browser-asset-cache';
import { createIndexedDbSecretStore } from './browser-secrets';
import { checkExternalUrl } from './external-links';
import {
  platformConfigSchema,
  toArrayBufferBytes,
  type OperatingSystem,
  type Platform,
  type PlatformConfig,
} from './platform';

/** Used when the build sets no server: the project's local backend (`npm run backend`). */
export { LOCAL_ANON_KEY as LOCAL_BACKEND_ANON_KEY, LOCAL_BACKEND_URL };

export interface BrowserPlatformOptions {
  env: Pick<ImportMetaEnv, 'VITE_SUPABASE_URL' | 'VITE_SUPABASE_ANON_KEY' | 'VITE_APP_VERSION'>;
  window: Window & typeof globalThis;
}

export function detectOperatingSystem(userAgent: string): OperatingSystem {
  if (/Mac OS X|Macintosh/i.test(userAgent)) return 'darwin';
  if (/Windows/i.test(userAgent)) return 'win32';
  if (/Linux|X11|CrOS/i.test(userAgent)) return 'linux';
  return 'other';
}

export function browserConfigFromEnv(env: BrowserPlatformOptions['env']): PlatformConfig {
  const parsed = platformConfigSchema.safeParse({
    supabaseUrl: env.VITE_SUPABASE_URL || LOCAL_BACKEND_URL,
    supabaseAnonKey: env.VITE_SUPABASE_ANON_KEY || LOCAL_ANON_KEY,
  });
  if (!parsed.success) {
    throw new Error(
      `The server settings in this build are invalid (VITE_SUPABASE_URL / VITE_SUPABASE_ANON_KEY): ${parsed.error.issues
        .map((issue) => `${issue.path.join('.')}: ${issue.message}`)
        .join('; ')}`,
    );
  }
  return parsed.data;
}

export function createBrowserPlatform({ env, window: win }: BrowserPlatformOptions): Platform {
  const secrets = createIndexedDbSecretStore(win.indexedDB);

  return {
    kind: 'browser',
    async appInfo() {
      return {
        version: env.VITE_APP_VERSION || packageJson.version,
        os: detectOperatingSystem(win.navigator.userAgent),
        packaged: false,
      };
    },
    async config() {
      return browserConfigFromEnv(env);
    },
    secrets,
    async openExternal(url) {
      const decision = checkExternalUrl(url);
      if (!decision.allowed) return { opened: false, reason: decision.reason };
      if (decision.url.startsWith('mailto:')) {
        win.location.href = decision.url;
        return { opened: true };
      }
      // With 'noopener' window.open returns null even on success, so there is nothing to check.
      win.open(decision.url, '_blank', 'noopener,noreferrer');
      return { opened: true };
    },
    async saveFile({ suggestedName, mimeType, data }) {
      const blob = new Blob([toArrayBufferBytes(data)], { type: mimeType });
      const href = URL.createObjectURL(blob);
      const link = win.document.createElement('a');
      link.href = href;
      link.download = suggestedName;
      link.rel = 'noopener';
      link.hidden = true;
      win.document.body.append(link);
      link.click();
      link.remove();
      // Revoke later: some browsers read the blob asynchronously after the click.
      win.setTimeout(() => URL.revokeObjectURL(href), 60_000);
      // The browser decides where the file goes; a download that started is the best we can know.
      return { saved: true };
    },
    assetCache: createBrowserAssetCache(win),
    async notify({ title, body, route }) {
      // Asking for permission is left to an explicit user action, never done implicitly here.
      if (typeof win.Notification !== 'function' || win.Notification.permission !== 'granted') return false;
      try {
        const notification = new win.Notification(title, { body });
        notification.onclick = () => {
          win.focus();
          if (route) win.location.hash = `#${route}`;
          notification.close();
        };
        return true;
      } catch {
        // Some browsers (e.g. Chrome on Android) only allow notifications from a service worker.
        return false;
      }
    },
    desktopNotificationPermission() {
      return typeof win.Notification === 'function' ? win.Notification.permission : 'unsupported';
    },
    async requestDesktopNotifications() {
      if (typeof win.Notification !== 'function') return 'unsupported';
      return win.Notification.requestPermission();
    },
    async allowServer(serverUrl) {
      // A browser page has no app CSP to extend: the server's own CORS rules decide.
      try {
        return { allowed: true, origin: new URL(serverUrl).origin, reloadRequired: false };
      } catch {
        return { allowed: false, reason: 'The server address is not a valid address. Use e.g. https://your-project.supabase.co.' };
      }
    },
    onDeepLink() {
      // Browsers have no OS-level deep links: the hash URL itself is the link.
      return () => {};
    },
  };
}
