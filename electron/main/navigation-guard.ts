/**
 * The renderer may never navigate away from the app or open windows. Links the user clicks that
 * the shared URL policy allows (sync/domain/url-policy.ts) open in the system browser instead.
 */
import type { WebContents } from 'electron';
import { checkExternalUrl } from '../../sync/domain/url-policy';

/** The same decision the renderer's platform makes before it asks main to open a link. */
export function isAllowedExternalUrl(raw: string): boolean {
  return checkExternalUrl(raw).allowed;
}

/** Same-document navigations inside the app (hash routes) stay; everything else is refused. */
export function isAppUrl(raw: string, appUrl: string): boolean {
  try {
    const target = new URL(raw);
    const app = new URL(appUrl);
    if (app.protocol === 'file:') return target.protocol === 'file:' && target.pathname === app.pathname;
    // Compare scheme and host, not `origin`: custom schemes such as app:// have an opaque origin.
    return target.protocol === app.protocol && target.host === app.host && target.username === '' && target.password === '';
  } catch {
    return false;
  }
}

export type NavigationDecision = { action: 'allow' } | { action: 'deny'; openExternally: boolean };

export function decideNavigation(target: string, appUrl: string): NavigationDecision {
  if (isAppUrl(target, appUrl)) return { action: 'allow' };
  return { action: 'deny', openExternally: isAllowedExternalUrl(target) };
}

export interface NavigationGuardDeps {
  appUrl: () => string;
  openExternal: (url: string) => Promise<void>;
}

export function installNavigationGuard(contents: WebContents, deps: NavigationGuardDeps): void {
  const refuse = (event: { preventDefault(): void }, url: string) => {
    const decision = decideNavigation(url, deps.appUrl());
    if (decision.action === 'allow') return;
    event.preventDefault();
    if (decision.openExternally) void deps.openExternal(url);
  };
  contents.on('will-navigate', refuse);
  contents.on('will-redirect', refuse);
  contents.on('will-attach-webview', (event) => event.preventDefault());
  contents.setWindowOpenHandler(({ url }) => {
    if (isAllowedExternalUrl(url)) void deps.openExternal(url);
    return { action: 'deny' };
  });
}
