import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { mainWindowOptions } from '../../electron/main/window-options';
import { buildCsp } from '../../electron/main/csp';
import { decideNavigation, isAllowedExternalUrl, isAppUrl } from '../../electron/main/navigation-guard';
import { resolveAppFile, APP_URL, isAppDocumentRequest, serveAppFile } from '../../electron/main/app-protocol';

describe('main window options', () => {
  const prefs = mainWindowOptions('/app/preload.cjs').webPreferences!;
  it('isolates and sandboxes the renderer', () => {
    expect(prefs.contextIsolation).toBe(true);
    expect(prefs.sandbox).toBe(true);
    expect(prefs.nodeIntegration).toBe(false);
    expect(prefs.nodeIntegrationInWorker).toBe(false);
    expect(prefs.webSecurity).toBe(true);
    expect(prefs.webviewTag).toBe(false);
    expect(prefs.allowRunningInsecureContent).toBe(false);
    expect(prefs.preload).toBe('/app/preload.cjs');
  });
});

describe('content security policy', () => {
  const directive = (csp: string, name: string) => csp.split('; ').find((d) => d.startsWith(`${name} `)) ?? '';

  it('limits connections to the app and the configured Supabase project (http and ws)', () => {
    const csp = buildCsp({ supabaseUrl: 'https://abc.supabase.co', development: false });
    expect(directive(csp, 'connect-src')).toBe("connect-src 'self' https://abc.supabase.co wss://abc.supabase.co");
  });

  it('never allows eval or inline scripts in production', () => {
    const csp = buildCsp({ supabaseUrl: 'http://127.0.0.1:54321', development: false });
    expect(csp).not.toContain('unsafe-eval');
    expect(directive(csp, 'script-src')).toBe("script-src 'self'");
    expect(directive(csp, 'object-src')).toBe("object-src 'none'");
    expect(directive(csp, 'connect-src')).toContain('ws://127.0.0.1:54321');
  });

  it('lets previews show verified files from blob: URLs (PDF frames, images, video) and nothing from other origins', () => {
    const csp = buildCsp({ supabaseUrl: 'https://abc.supabase.co', development: false });
    expect(directive(csp, 'frame-src')).toBe("frame-src 'self' blob:");
    expect(directive(csp, 'media-src')).toBe("media-src 'self' blob:");
  });

  it('adds each server confirmed on Welcome to connect-src (with its WebSocket twin) and img-src, once', () => {
    const csp = buildCsp({
      supabaseUrl: 'https://abc.supabase.co',
      serverOrigins: ['https://other.example', 'http://127.0.0.1:54321', 'https://abc.supabase.co'],
      development: false,
    });
    expect(directive(csp, 'connect-src')).toBe(
      "connect-src 'self' https://abc.supabase.co wss://abc.supabase.co https://other.example wss://other.example http://127.0.0.1:54321 ws://127.0.0.1:54321",
    );
    expect(directive(csp, 'img-src')).toBe("img-src 'self' data: blob: https://abc.supabase.co https://other.example http://127.0.0.1:54321");
    expect(directive(csp, 'script-src')).toBe("script-src 'self'");
  });

  it('refuses a Supabase URL that is not http(s)', () => {
    expect(() => buildCsp({ supabaseUrl: 'javascript:alert(1)', development: false })).toThrow(/http/);
  });
});

describe('navigation guard', () => {
  it('keeps in-app hash navigation and refuses leaving the app', () => {
    expect(decideNavigation('app://workstation/index.html#/settings', APP_URL)).toEqual({ action: 'allow' });
    expect(decideNavigation('https://evil.example/', APP_URL)).toEqual({ action: 'deny', openExternally: false });
    expect(decideNavigation('app://other/index.html', APP_URL)).toEqual({ action: 'deny', openExternally: false });
    expect(decideNavigation('foo://workstation/index.html', APP_URL).action).toBe('deny');
  });

  it('sends links the shared URL policy allows to the system browser, nothing else', () => {
    expect(decideNavigation('https://www.linkedin.com/sharing/share-offsite/?url=x', APP_URL)).toEqual({ action: 'deny', openExternally: true });
    expect(decideNavigation('https://offers.siso.agency/spring?ref=p-1', APP_URL)).toEqual({ action: 'deny', openExternally: true });
    expect(isAllowedExternalUrl('https://www.linkedin.com/in/someone')).toBe(false);
    expect(isAllowedExternalUrl('https://evil-siso.agency/')).toBe(false);
    expect(isAllowedExternalUrl('https://siso.agency:8443/')).toBe(false);
    expect(isAllowedExternalUrl('http://siso.agency/')).toBe(false);
    expect(isAllowedExternalUrl('https://siso.agency.evil.com/')).toBe(false);
    expect(isAllowedExternalUrl('https://user:pw@siso.agency/')).toBe(false);
    expect(isAllowedExternalUrl('file:///etc/passwd')).toBe(false);
    expect(isAllowedExternalUrl('javascript:alert(1)')).toBe(false);
    expect(isAllowedExternalUrl('mailto:client@example.com?subject=Hi')).toBe(true);
    expect(isAllowedExternalUrl('not a url')).toBe(false);
  });

  it('treats the dev server origin as the app in development', () => {
    expect(isAppUrl('http://localhost:5173/#/leads', 'http://localhost:5173')).toBe(true);
    expect(isAppUrl('http://localhost:5174/', 'http://localhost:5173')).toBe(false);
  });
});

describe('app:// protocol', () => {
  it('knows which requests are the page itself (they carry the CSP until a reload)', () => {
    expect(isAppDocumentRequest('app://workstation/index.html')).toBe(true);
    expect(isAppDocumentRequest('app://workstation/')).toBe(true);
    expect(isAppDocumentRequest('app://workstation/assets/index-abc.js')).toBe(false);
    expect(isAppDocumentRequest('app://elsewhere/index.html')).toBe(false);
    expect(isAppDocumentRequest('not a url')).toBe(false);
  });

  it('sends the CSP it is given with each file', async () => {
    const root = await mkdtemp(join(tmpdir(), 'app-root-'));
    await writeFile(join(root, 'index.html'), '<!doctype html>');
    const first = await serveAppFile(root, 'app://workstation/index.html', "connect-src 'self'");
    const second = await serveAppFile(root, 'app://workstation/index.html', "connect-src 'self' https://other.example");
    expect(first.headers.get('content-security-policy')).toBe("connect-src 'self'");
    expect(second.headers.get('content-security-policy')).toBe("connect-src 'self' https://other.example");
  });

  it('serves files under the renderer root only', () => {
    expect(resolveAppFile('/r', 'app://workstation/index.html')).toBe('/r/index.html');
    expect(resolveAppFile('/r', 'app://workstation/assets/a.js')).toBe('/r/assets/a.js');
    expect(resolveAppFile('/r', 'app://workstation/a%2f..%2f..%2f..%2fetc%2fpasswd')).toBeUndefined();
    expect(resolveAppFile('/r', 'app://elsewhere/index.html')).toBeUndefined();
  });
});
