import 'fake-indexeddb/auto';
import { describe, expect, it, vi } from 'vitest';
import type { SisoApi } from '../../electron/contract/api';
import {
  LOCAL_BACKEND_ANON_KEY,
  LOCAL_BACKEND_URL,
  browserConfigFromEnv,
  detectOperatingSystem,
} from '../../renderer/platform/browser';
import { createIndexedDbSecretStore } from '../../renderer/platform/browser-secrets';
import { createElectronPlatform } from '../../renderer/platform/electron';

describe('browser platform', () => {
  it('falls back to the local backend when the build sets no server', () => {
    expect(browserConfigFromEnv({})).toEqual({ supabaseUrl: LOCAL_BACKEND_URL, supabaseAnonKey: LOCAL_BACKEND_ANON_KEY });
  });

  it('uses the build-time server settings', () => {
    expect(
      browserConfigFromEnv({ VITE_SUPABASE_URL: 'https://abc.supabase.co', VITE_SUPABASE_ANON_KEY: 'public-anon' }),
    ).toEqual({ supabaseUrl: 'https://abc.supabase.co', supabaseAnonKey: 'public-anon' });
  });

  it('explains an invalid server URL instead of starting with it', () => {
    expect(() => browserConfigFromEnv({ VITE_SUPABASE_URL: 'ftp://files.example' })).toThrow(/VITE_SUPABASE_URL/);
  });

  it.each([
    ['Mozilla/5.0 (Macintosh; Intel Mac OS X 14_0) AppleWebKit/537.36', 'darwin'],
    ['Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36', 'win32'],
    ['Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36', 'linux'],
    ['SomethingElse/1.0', 'other'],
  ] as const)('detects the OS from %s', (userAgent, os) => {
    expect(detectOperatingSystem(userAgent)).toBe(os);
  });
});

describe('IndexedDB secret store', () => {
  it('stores, reads and deletes tokens, and says they are not encrypted', async () => {
    const secrets = createIndexedDbSecretStore(new IDBFactory());
    await expect(secrets.get('supabase.session')).resolves.toBeNull();
    await expect(secrets.set('supabase.session', '{"access_token":"t"}')).resolves.toEqual({ stored: true, encrypted: false });
    await expect(secrets.get('supabase.session')).resolves.toBe('{"access_token":"t"}');
    await expect(secrets.delete('supabase.session')).resolves.toBe(true);
    await expect(secrets.delete('supabase.session')).resolves.toBe(false);
    await expect(secrets.get('supabase.session')).resolves.toBeNull();
  });

  it('rejects key names the desktop app would also reject', async () => {
    const secrets = createIndexedDbSecretStore(new IDBFactory());
    await expect(secrets.set('../etc', 'x')).rejects.toThrow(/short names/);
  });
});

function fakeSiso(): SisoApi & { openExternalSpy: ReturnType<typeof vi.fn> } {
  const openExternalSpy = vi.fn(async () => ({ opened: true }));
  return {
    openExternalSpy,
    app: { info: async () => ({ version: '1.2.3', platform: 'darwin', packaged: true }) },
    config: { get: async () => ({ supabaseUrl: 'https://abc.supabase.co', supabaseAnonKey: 'anon' }) },
    secrets: {
      get: async () => ({ value: 'v' }),
      set: async () => ({ stored: true, encrypted: true }),
      delete: async () => ({ deleted: true }),
    },
    shell: { openExternal: openExternalSpy },
    files: { save: async () => ({ saved: true, path: '/tmp/x.pdf' }) },
    assets: {
      cachePut: async () => ({ stored: false, reason: 'The file does not match its checksum, so it was not kept.' }),
      cacheGet: async () => ({ data: new Uint8Array([1, 2, 3]) }),
      cacheList: async () => ({ entries: [] }),
      cacheDelete: async () => ({ removed: 1 }),
      cacheClear: async () => ({ removed: 2 }),
    },
    notify: { show: async () => ({ shown: true }) },
    servers: { allow: async ({ serverUrl }) => ({ allowed: true, origin: new URL(serverUrl).origin, reloadRequired: false }) },
    deeplink: {
      onOpen: (listener) => {
        listener({ route: '/settings' });
        return () => undefined;
      },
    },
  };
}

describe('Electron platform', () => {
  it('maps the preload API onto the Platform interface', async () => {
    const siso = fakeSiso();
    const platform = createElectronPlatform(siso);
    expect(platform.kind).toBe('electron');
    await expect(platform.assetCache.put({ assetId: 'a', sha256: 'f'.repeat(64), version: 1, data: new Uint8Array(1) })).resolves.toEqual({
      stored: false,
      reason: 'The file does not match its checksum, so it was not kept.',
    });
    await expect(platform.assetCache.get('a', 'f'.repeat(64))).resolves.toEqual(new Uint8Array([1, 2, 3]));
    await expect(platform.appInfo()).resolves.toEqual({ version: '1.2.3', os: 'darwin', packaged: true });
    await expect(platform.config()).resolves.toEqual({ supabaseUrl: 'https://abc.supabase.co', supabaseAnonKey: 'anon' });
    await expect(platform.secrets.get('k')).resolves.toBe('v');
    await expect(platform.secrets.set('k', 'v')).resolves.toEqual({ stored: true, encrypted: true });
    await expect(platform.saveFile({ suggestedName: 'a.pdf', mimeType: 'application/pdf', data: new Uint8Array([1]) })).resolves.toEqual({
      saved: true,
      path: '/tmp/x.pdf',
    });
    await expect(platform.notify({ title: 't', body: 'b' })).resolves.toBe(true);
    const routes: string[] = [];
    platform.onDeepLink((route) => routes.push(route));
    expect(routes).toEqual(['/settings']);
  });

  it('refuses links off the allow-list without asking main', async () => {
    const siso = fakeSiso();
    const platform = createElectronPlatform(siso);
    await expect(platform.openExternal('https://example.com/')).resolves.toMatchObject({ opened: false });
    expect(siso.openExternalSpy).not.toHaveBeenCalled();
    await expect(platform.openExternal('https://siso.agency/')).resolves.toEqual({ opened: true });
    expect(siso.openExternalSpy).toHaveBeenCalledWith({ url: 'https://siso.agency/' });
  });
});
