import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { createServerOriginAccess, readAllowedOrigins, MAX_ALLOWED_SERVER_ORIGINS, type AllowServerOutcome } from '../../electron/main/server-origins';
import { registerServersIpc } from '../../electron/main/ipc/servers-ipc';
import { buildCsp } from '../../electron/main/csp';

const CONFIGURED = 'http://127.0.0.1:54321';
const APP = 'app://workstation/index.html';
const fromApp = { senderFrame: { url: 'app://workstation/index.html#/', parent: null } } as never;

async function tempFile(): Promise<string> {
  return join(await mkdtemp(join(tmpdir(), 'servers-')), 'allowed-servers.json');
}

const connectSrc = (csp: string) => csp.split('; ').find((d) => d.startsWith('connect-src ')) ?? '';

describe('allowed servers file', () => {
  it('keeps a confirmed server across restarts and puts it in the CSP of the next response', async () => {
    const file = await tempFile();
    const access = createServerOriginAccess({ file, configuredOrigin: CONFIGURED });
    await access.load();
    const cspBefore = buildCsp({ supabaseUrl: CONFIGURED, serverOrigins: access.origins(), development: false });
    expect(connectSrc(cspBefore)).not.toContain('other.example');

    expect(await access.allow('https://other.example/')).toEqual({ allowed: true, origin: 'https://other.example', reloadRequired: true });
    const cspAfter = buildCsp({ supabaseUrl: CONFIGURED, serverOrigins: access.origins(), development: false });
    expect(connectSrc(cspAfter)).toContain('https://other.example wss://other.example');

    const restarted = createServerOriginAccess({ file, configuredOrigin: CONFIGURED });
    await restarted.load();
    expect(restarted.origins()).toEqual(['https://other.example']);
    expect(JSON.parse(await readFile(file, 'utf8'))).toEqual({ version: 1, origins: ['https://other.example'] });
  });

  it('asks for a reload only when the loaded page was served without the server', async () => {
    const access = createServerOriginAccess({ file: await tempFile(), configuredOrigin: CONFIGURED });
    await access.load();
    access.noteDocumentServed();
    expect(await access.allow('https://other.example')).toMatchObject({ allowed: true, reloadRequired: true });
    // Asked again before the reload: the page still lacks it.
    expect(await access.allow('https://other.example')).toMatchObject({ allowed: true, reloadRequired: true });
    access.noteDocumentServed();
    expect(await access.allow('https://other.example')).toMatchObject({ allowed: true, reloadRequired: false });
    // The configured server is always in the CSP and never stored.
    expect(await access.allow(`${CONFIGURED}/`)).toEqual({ allowed: true, origin: CONFIGURED, reloadRequired: false });
    expect(access.origins()).toEqual(['https://other.example']);
  });

  it('refuses with a sentence and stores nothing for a server the policy refuses', async () => {
    const file = await tempFile();
    const access = createServerOriginAccess({ file, configuredOrigin: CONFIGURED });
    await access.load();
    for (const bad of ['http://other.example', 'https://user:pw@other.example', 'https://other.example/rest/v1', 'javascript:alert(1)', 42]) {
      const outcome = await access.allow(bad);
      expect(outcome.allowed, String(bad)).toBe(false);
      if (!outcome.allowed) expect(outcome.reason).toMatch(/^[A-Z].+\.$/);
    }
    expect(access.origins()).toEqual([]);
    await expect(readFile(file, 'utf8')).rejects.toThrow();
  });

  it('reads a missing, corrupt or tampered file as the empty list', async () => {
    const file = await tempFile();
    expect(await readAllowedOrigins(file)).toEqual([]);
    for (const content of [
      '{not json',
      '[]',
      JSON.stringify({ version: 2, origins: ['https://a.example'] }),
      JSON.stringify({ version: 1, origins: ['http://evil.example'] }),
      JSON.stringify({ version: 1, origins: ['https://a.example/path'] }),
      JSON.stringify({ version: 1, origins: Array.from({ length: MAX_ALLOWED_SERVER_ORIGINS + 1 }, (_, i) => `https://s${i}.example`) }),
    ]) {
      await writeFile(file, content);
      expect(await readAllowedOrigins(file), content.slice(0, 40)).toEqual([]);
      const access = createServerOriginAccess({ file, configuredOrigin: CONFIGURED });
      await access.load();
      expect(access.origins()).toEqual([]);
    }
  });

  it('keeps at most the newest servers, dropping the oldest', async () => {
    const access = createServerOriginAccess({ file: await tempFile(), configuredOrigin: CONFIGURED, max: 3 });
    await access.load();
    await Promise.all(['https://a.example', 'https://b.example', 'https://c.example', 'https://d.example'].map((url) => access.allow(url)));
    expect(access.origins()).toEqual(['https://b.example', 'https://c.example', 'https://d.example']);
  });

  it('says so, and allows nothing, when the file cannot be written', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'servers-'));
    await writeFile(join(dir, 'blocker'), 'a file where a folder should be');
    const access = createServerOriginAccess({ file: join(dir, 'blocker', 'allowed-servers.json'), configuredOrigin: CONFIGURED });
    await access.load();
    expect(await access.allow('https://other.example')).toMatchObject({ allowed: false, reason: expect.stringMatching(/could not save/) });
    expect(access.origins()).toEqual([]);
  });
});

describe('servers:allow IPC', () => {
  function register(allow: (serverUrl: unknown) => Promise<AllowServerOutcome> = vi.fn(async () => ({ allowed: true as const, origin: 'https://other.example', reloadRequired: true }))) {
    const handlers = new Map<string, (e: unknown, p: unknown) => Promise<unknown>>();
    registerServersIpc({ ipc: { handle: (c, l) => handlers.set(c, l as never) }, appUrl: () => APP, access: { allow } });
    return { call: handlers.get('servers:allow')!, allow };
  }

  it('refuses calls from other frames and malformed payloads without touching the list', async () => {
    const { call, allow } = register();
    await expect(call({ senderFrame: { url: 'https://evil.example/', parent: null } }, { serverUrl: 'https://other.example' })).rejects.toThrow(/not the workstation/);
    for (const bad of [undefined, null, 'https://other.example', {}, { serverUrl: '' }, { serverUrl: 42 }, { serverUrl: `https://${'a'.repeat(3000)}.example` }]) {
      await expect(call(fromApp, bad)).rejects.toThrow(/invalid request/);
    }
    expect(allow).not.toHaveBeenCalled();
  });

  it('validates the address with the URL policy and replies with a sentence', async () => {
    const access = createServerOriginAccess({ file: await tempFile(), configuredOrigin: CONFIGURED });
    await access.load();
    const { call } = register(access.allow);
    expect(await call(fromApp, { serverUrl: 'https://other.example' })).toEqual({ allowed: true, origin: 'https://other.example', reloadRequired: true });
    expect(await call(fromApp, { serverUrl: 'http://other.example' })).toMatchObject({ allowed: false, reason: expect.stringMatching(/https/) });
    expect(access.origins()).toEqual(['https://other.example']);
  });

  it('checks its reply against the contract', async () => {
    const { call } = register(vi.fn(async () => ({ allowed: false, reason: '' }) as never));
    await expect(call(fromApp, { serverUrl: 'https://other.example' })).rejects.toThrow();
  });
});
