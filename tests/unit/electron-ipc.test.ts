import { mkdtemp, readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { validatedHandler, isTrustedSender, registerHandler } from '../../electron/main/ipc/validated-handler';
import { registerShellIpc } from '../../electron/main/ipc/shell-ipc';
import { registerNotifyIpc } from '../../electron/main/ipc/notify-ipc';
import { safeFileName } from '../../electron/main/ipc/files-ipc';
import { createSecretStore, type SafeStorageLike } from '../../electron/main/secret-store';
import { parseDeepLink, findDeepLinkArgument } from '../../electron/main/deep-links';
import { readAppConfig } from '../../electron/main/app-config';
import { ipcContract } from '../../electron/contract/channels';

const APP = 'app://workstation/index.html';
const fromApp = { senderFrame: { url: 'app://workstation/index.html#/leads', parent: null } } as never;

describe('IPC validation', () => {
  it('refuses calls from frames that are not the app page', async () => {
    const handler = validatedHandler('secrets:get', async () => ({ value: 'x' }), () => APP);
    await expect(handler({ senderFrame: { url: 'https://evil.example/', parent: null } } as never, { key: 'session' })).rejects.toThrow(/not the workstation/);
    await expect(handler({ senderFrame: { url: APP, parent: {} } } as never, { key: 'session' })).rejects.toThrow(/not the workstation/);
    await expect(handler({ senderFrame: null } as never, { key: 'session' })).rejects.toThrow(/not the workstation/);
    expect(isTrustedSender({ url: APP, parent: null }, APP)).toBe(true);
  });

  it('refuses payloads that fail the contract and never calls the handler', async () => {
    const inner = vi.fn(async () => ({ value: 'x' }));
    const handler = validatedHandler('secrets:get', inner, () => APP);
    for (const bad of [undefined, null, 42, 'session', {}, { key: '' }, { key: '../../etc' }, { key: 'a'.repeat(500) }, { key: 5 }]) {
      await expect(handler(fromApp, bad)).rejects.toThrow(/invalid request/);
    }
    expect(inner).not.toHaveBeenCalled();
    await expect(handler(fromApp, { key: 'session' })).resolves.toEqual({ value: 'x' });
  });

  it('refuses oversized or mistyped file saves', async () => {
    const inner = vi.fn(async () => ({ saved: true }));
    const handler = validatedHandler('files:save', inner, () => APP);
    await expect(handler(fromApp, { suggestedName: 'a.pdf', mimeType: 'application/pdf', data: 'not bytes' })).rejects.toThrow(/invalid request/);
    await expect(handler(fromApp, { suggestedName: '', mimeType: 'application/pdf', data: new Uint8Array(1) })).rejects.toThrow(/invalid request/);
    expect(inner).not.toHaveBeenCalled();
  });

  it('checks replies against the contract too', async () => {
    const handler = validatedHandler('notify:show', async () => ({ shown: 'yes' }) as never, () => APP);
    await expect(handler(fromApp, { title: 'Reminder', body: 'Call Acme' })).rejects.toThrow();
  });

  it('lets a desktop notification open only a screen of the screen list', async () => {
    const handlers = new Map<string, (e: unknown, p: unknown) => Promise<unknown>>();
    const shown: (string | undefined)[] = [];
    registerNotifyIpc({
      ipc: { handle: (c, l) => handlers.set(c, l as never) },
      appUrl: () => APP,
      showNotification: (_title, _body, route) => (shown.push(route), true),
    });
    const show = handlers.get('notify:show')!;
    await show(fromApp, { title: 'SISO replied', body: 'Open the ticket.', route: '/support/tickets/t-1' });
    await show(fromApp, { title: 'Odd', body: '', route: '/not-a-screen/x/y' });
    await show(fromApp, { title: 'Plain', body: '' });
    await expect(show(fromApp, { title: 'Bad', body: '', route: 'https://evil.example/' })).rejects.toThrow(/invalid request/);
    expect(shown).toEqual(['/support/tickets/t-1', undefined, undefined]);
  });

  it('registers every handler under its contract channel name', () => {
    const channels: string[] = [];
    registerHandler({ handle: (c) => channels.push(c) }, 'app:info', async () => ({ version: '1', platform: 'linux', packaged: false }), () => APP);
    expect(channels).toEqual(['app:info']);
    expect(Object.keys(ipcContract)).toContain('app:info');
  });

  it('opens only allow-listed links externally', async () => {
    const handlers = new Map<string, (e: unknown, p: unknown) => Promise<unknown>>();
    const openExternal = vi.fn(async () => undefined);
    registerShellIpc({ ipc: { handle: (c, l) => handlers.set(c, l as never) }, appUrl: () => APP, openExternal });
    const open = handlers.get('shell:open-external')!;
    expect(await open(fromApp, { url: 'https://siso.agency/partners' })).toEqual({ opened: true });
    expect(await open(fromApp, { url: 'file:///etc/passwd' })).toMatchObject({ opened: false });
    expect(openExternal).toHaveBeenCalledTimes(1);
  });

  it('keeps suggested file names inside the chosen directory', () => {
    expect(safeFileName('../../etc/passwd')).toBe('passwd');
    expect(safeFileName('C:\\Windows\\evil.pdf')).toBe('evil.pdf');
    expect(safeFileName('..')).toBe('download');
    expect(safeFileName('Proposal – Acme.pdf')).toBe('Proposal – Acme.pdf');
  });
});

describe('secret store', () => {
  const fakeSafeStorage = (available: boolean): SafeStorageLike => ({
    isEncryptionAvailable: () => available,
    encryptString: (s) => Buffer.from(`enc:${Buffer.from(s).toString('base64')}`),
    decryptString: (b) => Buffer.from(b.toString().replace(/^enc:/, ''), 'base64').toString(),
  });

  it('writes only encrypted values to disk and reads them back', async () => {
    const file = join(await mkdtemp(join(tmpdir(), 'secrets-')), 'secrets.json');
    const store = createSecretStore(file, fakeSafeStorage(true));
    expect(await store.set('session', 'refresh-token-123')).toEqual({ stored: true, encrypted: true });
    expect(await readFile(file, 'utf8')).not.toContain('refresh-token-123');
    expect(await createSecretStore(file, fakeSafeStorage(true)).get('session')).toBe('refresh-token-123');
    expect(await store.delete('session')).toBe(true);
    expect(await store.get('session')).toBeNull();
  });

  it('keeps secrets in memory only when the OS offers no encryption', async () => {
    const file = join(await mkdtemp(join(tmpdir(), 'secrets-')), 'secrets.json');
    const store = createSecretStore(file, fakeSafeStorage(false));
    expect(await store.set('session', 'tok')).toEqual({ stored: true, encrypted: false });
    expect(await store.get('session')).toBe('tok');
    await expect(readFile(file, 'utf8')).rejects.toThrow();
  });
});

describe('deep links', () => {
  it('routes screens of the screen list and ids', () => {
    expect(parseDeepLink('siso://leads/lead_123')).toEqual({ ok: true, route: '/leads/lead_123' });
    expect(parseDeepLink('siso://settings')).toEqual({ ok: true, route: '/settings' });
    expect(parseDeepLink('siso://marketing')).toEqual({ ok: true, route: '/marketing-center' });
    expect(parseDeepLink('siso://dashboard')).toEqual({ ok: true, route: '/' });
    expect(parseDeepLink('siso://support')).toEqual({ ok: true, route: '/support' });
    expect(parseDeepLink('siso://knowledge-base')).toEqual({ ok: true, route: '/support/knowledge-base' });
    expect(parseDeepLink('siso://community')).toEqual({ ok: true, route: '/community' });
    expect(findDeepLinkArgument(['/usr/bin/app', '--flag', 'siso://leads'])).toBe('siso://leads');
  });

  it('refuses everything else with a reason', () => {
    for (const bad of [
      'https://siso.agency/leads',
      'siso://admin-secret',
      'siso://leads/<script>',
      'siso://leads/a/b',
      'siso://leads/a%2Fb',
      'siso://leads/%E0%A4%A',
      'siso://settings/x',
      'siso://support-secret',
      'siso://',
      'nonsense',
      `siso://leads/${'a'.repeat(3000)}`,
    ]) {
      const result = parseDeepLink(bad);
      expect(result.ok, bad).toBe(false);
      if (!result.ok) expect(result.reason).toMatch(/^[A-Z].{10,}\.$/);
    }
  });
});

describe('app configuration', () => {
  it('defaults to the local backend and accepts a Supabase project', () => {
    expect(readAppConfig({}).supabaseUrl).toBe('http://127.0.0.1:54321');
    const config = readAppConfig({ SUPABASE_URL: 'https://abc.supabase.co', SUPABASE_ANON_KEY: 'eyJhbGciOiJIUzI1NiJ9.e30.sig-sig-sig' });
    expect(config).toEqual({ supabaseUrl: 'https://abc.supabase.co', supabaseAnonKey: 'eyJhbGciOiJIUzI1NiJ9.e30.sig-sig-sig' });
    expect(() => readAppConfig({ SUPABASE_URL: 'not a url' })).toThrow(/SUPABASE_URL/);
  });
});
