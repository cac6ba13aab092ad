import { describe, expect, it, vi } from 'vitest';
import { submitSignIn, type SignInSubmitDeps } from '../../renderer/features/welcome/sign-in-submit';
import { clearPendingSignIn, readPendingSignIn, rememberPendingSignIn } from '../../renderer/features/welcome/pending-sign-in';
import { createBrowserPlatform } from '../../renderer/platform/browser';
import { createElectronPlatform } from '../../renderer/platform/electron';
import type { SisoApi } from '../../electron/contract/api';

const values = { email: 'ana@example.com', password: 'secret', serverUrl: 'https://other.example' };

function deps(access: Awaited<ReturnType<SignInSubmitDeps['allowServer']>>) {
  const calls: string[] = [];
  const result = {
    calls,
    allowServer: vi.fn(async () => {
      calls.push('allowServer');
      return access;
    }),
    signIn: vi.fn(async () => {
      calls.push('signIn');
    }),
    rememberPending: vi.fn(),
    reload: vi.fn(() => {
      calls.push('reload');
    }),
  };
  return result;
}

function memoryStorage(): Pick<Storage, 'getItem' | 'setItem' | 'removeItem'> & { items: Map<string, string> } {
  const items = new Map<string, string>();
  return {
    items,
    getItem: (key) => items.get(key) ?? null,
    setItem: (key, value) => void items.set(key, value),
    removeItem: (key) => void items.delete(key),
  };
}

describe('signing in from Welcome', () => {
  it('asks the host to allow the server before sending anything to it', async () => {
    const d = deps({ allowed: true, origin: 'https://other.example', reloadRequired: false });
    await expect(submitSignIn(values, d)).resolves.toEqual({ kind: 'signed-in' });
    expect(d.calls).toEqual(['allowServer', 'signIn']);
    expect(d.allowServer).toHaveBeenCalledWith('https://other.example');
    expect(d.signIn).toHaveBeenCalledWith(values);
  });

  it('stops with the host’s sentence when it refuses the server, and never signs in', async () => {
    const d = deps({ allowed: false, reason: 'Use a secure https:// server address.' });
    await expect(submitSignIn(values, d)).resolves.toEqual({ kind: 'server-refused', reason: 'Use a secure https:// server address.' });
    expect(d.signIn).not.toHaveBeenCalled();
    expect(d.reload).not.toHaveBeenCalled();
  });

  it('keeps email and server (never the password) and reloads when the page must pick up the new policy', async () => {
    const d = deps({ allowed: true, origin: 'https://other.example', reloadRequired: true });
    await expect(submitSignIn(values, d)).resolves.toEqual({ kind: 'reloading' });
    expect(d.calls).toEqual(['allowServer', 'reload']);
    expect(d.rememberPending).toHaveBeenCalledWith({ email: 'ana@example.com', serverUrl: 'https://other.example', origin: 'https://other.example' });
  });

  it('passes sign-in errors to the form', async () => {
    const d = deps({ allowed: true, origin: 'https://other.example', reloadRequired: false });
    d.signIn.mockRejectedValueOnce(new Error('The email or password is not right.'));
    await expect(submitSignIn(values, d)).rejects.toThrow('The email or password is not right.');
  });
});

describe('what the form keeps across the reload', () => {
  it('reads back what was saved, without a password, until cleared', () => {
    const store = memoryStorage();
    rememberPendingSignIn({ email: 'ana@example.com', serverUrl: 'https://other.example', origin: 'https://other.example' }, store);
    expect([...store.items.values()].join()).not.toContain('secret');
    expect(readPendingSignIn(store)).toEqual({ email: 'ana@example.com', serverUrl: 'https://other.example', origin: 'https://other.example' });
    clearPendingSignIn(store);
    expect(readPendingSignIn(store)).toBeNull();
  });

  it('ignores damaged values', () => {
    const store = memoryStorage();
    store.setItem('siso.welcome.pending-sign-in', '{not json');
    expect(readPendingSignIn(store)).toBeNull();
    store.setItem('siso.welcome.pending-sign-in', JSON.stringify({ email: 5 }));
    expect(readPendingSignIn(store)).toBeNull();
    expect(readPendingSignIn(null)).toBeNull();
  });
});

describe('platform allowServer', () => {
  it('asks main in Electron and passes its answer on', async () => {
    const allow = vi.fn(async () => ({ allowed: false as const, reason: 'Use a secure https:// server address.' }));
    const platform = createElectronPlatform({ servers: { allow } } as unknown as SisoApi);
    await expect(platform.allowServer('http://other.example')).resolves.toEqual({ allowed: false, reason: 'Use a secure https:// server address.' });
    expect(allow).toHaveBeenCalledWith({ serverUrl: 'http://other.example' });
  });

  it('allows any server in a browser, where there is no app CSP to extend', async () => {
    const platform = createBrowserPlatform({ env: {}, window: globalThis as never });
    await expect(platform.allowServer('https://other.example/')).resolves.toEqual({ allowed: true, origin: 'https://other.example', reloadRequired: false });
  });
});
