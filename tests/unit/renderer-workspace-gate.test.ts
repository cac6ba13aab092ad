/**
 * The workspace gate's state machine with a fake session port and a fake store opener: restore
 * on start, sign-in, failures with retry, and closing/signing out. (The real session against a
 * backend is covered end to end in tests/e2e/sync.test.ts.)
 */
import { describe, expect, it, vi } from 'vitest';
import { LAST_WORKSPACE_KEY, readLastWorkspace, type WorkspaceMemoryStorage } from '../../renderer/session/last-workspace';
import type { WorkspaceTarget } from '../../renderer/session/open-workspace-database';
import type { AccountSession, SessionPort } from '../../renderer/session/session-port';
import { createWorkspaceController } from '../../renderer/session/workspace-controller';
import type { WorkspaceIdentity } from '../../renderer/session/workspace-store';
import type { WorkstationDatabase } from '../../sync/schema/database';

const SESSION: AccountSession = { userId: '11111111-1111-4111-8111-111111111111', email: 'ana@example.com', serverUrl: 'http://127.0.0.1:54321', role: 'partner' };

function memory(initial: Record<string, string> = {}): WorkspaceMemoryStorage & { data: Map<string, string> } {
  const data = new Map(Object.entries(initial));
  return {
    data,
    getItem: (key) => data.get(key) ?? null,
    setItem: (key, value) => void data.set(key, value),
    removeItem: (key) => void data.delete(key),
  };
}

function fakePort(overrides: Partial<SessionPort> = {}): SessionPort {
  return {
    restore: vi.fn(async () => SESSION),
    signIn: vi.fn(async () => SESSION),
    signOut: vi.fn(async () => undefined),
    ...overrides,
  };
}

function setup(options: { port?: SessionPort | null; stored?: Record<string, string>; open?: (target: WorkspaceTarget) => Promise<void> } = {}) {
  const identities: WorkspaceIdentity[] = [];
  const close = vi.fn(async () => true);
  const opened: WorkspaceTarget[] = [];
  const store = memory(options.stored);
  const controller = createWorkspaceController({
    port: options.port === undefined ? fakePort() : options.port,
    memory: store,
    openDatabase: async (target) => {
      opened.push(target);
      await options.open?.(target);
      return { db: { close } as unknown as WorkstationDatabase, partnerId: target.kind === 'demo' ? 'demo-partner' : target.session.userId };
    },
    setIdentity: (identity) => identities.push(identity),
  });
  return { controller, identities, close, opened, store };
}

const status = (controller: ReturnType<typeof setup>['controller']) => controller.store.getState().status;

describe('workspace gate controller', () => {
  it('shows Welcome on a first start, and start() runs only once', async () => {
    const { controller, identities } = setup();
    await Promise.all([controller.start(), controller.start()]);
    expect(status(controller)).toBe('welcome');
    expect(identities).toEqual([{ mode: 'signed-out' }]);
  });

  it('reopens the demo at once and remembers it', async () => {
    const { controller, opened, identities } = setup({ stored: { [LAST_WORKSPACE_KEY]: JSON.stringify({ kind: 'demo' }) } });
    await controller.start();
    expect(status(controller)).toBe('open');
    expect(opened).toEqual([{ kind: 'demo' }]);
    expect(identities.at(-1)).toEqual({ mode: 'demo' });
  });

  it('ignores a corrupt memory entry', async () => {
    const { controller, opened } = setup({ stored: { [LAST_WORKSPACE_KEY]: '{"kind":"account","email":"nope"}' } });
    await controller.start();
    expect(status(controller)).toBe('welcome');
    expect(opened).toEqual([]);
  });

  it('restores an account session through the port and opens that account’s store', async () => {
    const port = fakePort();
    const { controller, opened, identities } = setup({
      port,
      stored: { [LAST_WORKSPACE_KEY]: JSON.stringify({ kind: 'account', email: SESSION.email, serverUrl: SESSION.serverUrl }) },
    });
    await controller.start();
    expect(port.restore).toHaveBeenCalledOnce();
    expect(opened).toEqual([{ kind: 'account', session: SESSION }]);
    const state = controller.store.getState();
    expect(state.status === 'open' && state.workspace.partnerId).toBe(SESSION.userId);
    expect(identities.at(-1)).toEqual({ mode: 'account', accountName: SESSION.email, email: SESSION.email });
  });

  it('explains an ended session and pre-fills the email', async () => {
    const { controller } = setup({
      port: fakePort({ restore: async () => null }),
      stored: { [LAST_WORKSPACE_KEY]: JSON.stringify({ kind: 'account', email: SESSION.email, serverUrl: SESSION.serverUrl }) },
    });
    await controller.start();
    expect(controller.store.getState()).toEqual({
      status: 'welcome',
      notice: 'Your session has ended. Sign in again to open your workspace.',
      lastEmail: SESSION.email,
    });
  });

  it('signs in, passing the server’s error through unchanged', async () => {
    const port = fakePort({ signIn: vi.fn(async () => Promise.reject(new Error('Invalid email or password.'))) });
    const { controller, opened } = setup({ port });
    await controller.start();
    await expect(controller.signIn({ email: 'a@b.example', password: 'x', serverUrl: SESSION.serverUrl })).rejects.toThrow('Invalid email or password.');
    expect(status(controller)).toBe('welcome');
    expect(opened).toEqual([]);

    vi.mocked(port.signIn).mockResolvedValueOnce(SESSION);
    await controller.signIn({ email: SESSION.email, password: 'right', serverUrl: SESSION.serverUrl });
    await vi.waitFor(() => expect(status(controller)).toBe('open'));
  });

  it('refuses to sign in without a port', async () => {
    const { controller } = setup({ port: null });
    await controller.start();
    await expect(controller.signIn({ email: 'a@b.example', password: 'x', serverUrl: SESSION.serverUrl })).rejects.toThrow(/demo workspace/);
  });

  it('shows a failure with its message and opens on retry', async () => {
    let fail = true;
    const { controller } = setup({
      open: async () => {
        if (fail) throw new Error('The browser refused to open the local database.');
      },
    });
    await controller.start();
    await controller.openDemo();
    expect(controller.store.getState()).toMatchObject({ status: 'failed', message: 'The browser refused to open the local database.' });
    fail = false;
    await controller.retry();
    expect(status(controller)).toBe('open');
  });

  it('closes the demo, forgetting it, and signs an account out', async () => {
    const demo = setup({ stored: { [LAST_WORKSPACE_KEY]: JSON.stringify({ kind: 'demo' }) } });
    await demo.controller.start();
    await demo.controller.close();
    expect(demo.close).toHaveBeenCalledOnce();
    expect(status(demo.controller)).toBe('welcome');
    expect(readLastWorkspace(demo.store)).toBeNull();
    expect(demo.identities.at(-1)).toEqual({ mode: 'signed-out' });

    const port = fakePort();
    const account = setup({ port });
    await account.controller.start();
    await account.controller.signIn({ email: SESSION.email, password: 'pw', serverUrl: SESSION.serverUrl });
    await vi.waitFor(() => expect(status(account.controller)).toBe('open'));
    await account.controller.close({ signOut: true });
    expect(port.signOut).toHaveBeenCalledOnce();
    expect(account.close).toHaveBeenCalledOnce();
    expect(status(account.controller)).toBe('welcome');
  });
});

describe('welcome sign-in form', () => {
  it('validates each field with its own message', async () => {
    const { validateSignInForm } = await import('../../renderer/features/welcome/sign-in-form');
    expect(validateSignInForm({ email: '', password: '', serverUrl: '' })).toEqual({
      ok: false,
      errors: {
        email: 'Enter the email address of your partner account.',
        password: 'Enter your password.',
        serverUrl: 'Enter the server address, e.g. https://your-project.supabase.co.',
      },
    });
    expect(validateSignInForm({ email: 'ana', password: 'pw', serverUrl: 'ftp://files.example' })).toMatchObject({
      ok: false,
      errors: { email: expect.stringMatching(/email address/), serverUrl: expect.stringMatching(/http\(s\)/) },
    });
    expect(validateSignInForm({ email: ' ana@example.com ', password: ' pw ', serverUrl: 'https://x.supabase.co' })).toEqual({
      ok: true,
      values: { email: 'ana@example.com', password: ' pw ', serverUrl: 'https://x.supabase.co' },
    });
  });

  it('renders the form with a port, and only the demo with an explanation without one', async () => {
    const { createElement } = await import('react');
    const { renderToStaticMarkup } = await import('react-dom/server');
    const { WelcomePage } = await import('../../renderer/features/welcome/WelcomePage');
    const { PlatformProvider } = await import('../../renderer/platform');
    const { createBrowserPlatform } = await import('../../renderer/platform/browser');
    const platform = createBrowserPlatform({ env: {}, window: globalThis as never });
    const snapshot = { platform, appInfo: { version: '1', os: 'linux' as const, packaged: false }, config: { supabaseUrl: 'http://127.0.0.1:54321', supabaseAnonKey: 'anon' } };
    const renderWelcome = (page: ReturnType<typeof createElement>) => renderToStaticMarkup(createElement(PlatformProvider, { value: snapshot, children: page }));
    const props = { onOpenDemo: () => undefined, defaultServerUrl: 'http://127.0.0.1:54321', defaultEmail: 'ana@example.com', notice: null };
    const withPort = renderWelcome(createElement(WelcomePage, { ...props, signIn: async () => undefined }));
    // Each input is labelled by its <label for>, pre-filled where the app knows the value.
    const fields: [string, string, string][] = [['Email', 'email', 'ana@example.com'], ['Password', 'password', ''], ['Server address', 'serverUrl', 'http://127.0.0.1:54321']];
    for (const [label, name, value] of fields) {
      const input = new RegExp(`<label for="([^"]+)">${label}</label><input id="\\1"[^>]*name="${name}" value="${value.replace(/[./]/g, '\\$&')}"`);
      expect(withPort).toMatch(input);
    }
    expect(withPort).toContain('>Sign in</button>');
    expect(withPort).toContain('role="alert"');
    const withoutPort = renderWelcome(createElement(WelcomePage, { ...props, signIn: null }));
    expect(withoutPort).not.toContain('<form');
    expect(withoutPort).toContain('has no account sign-in yet');
    expect(withoutPort).toContain('Open demo workspace');
  });
});
