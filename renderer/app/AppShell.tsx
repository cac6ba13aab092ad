/** The frame around every screen: skip link, sidebar navigation, top bar and the main area. */
import { Suspense, lazy, useEffect, useRef, useState, type MouseEvent } from 'react';
import { Outlet, useLocation } from 'react-router-dom';
import { Sidebar } from './Sidebar';
import { TopBar } from './TopBar';
import { useUiStore } from '../ui/ui-store';
import { AgreementNotice } from '../features/onboarding';
import { useOpenWorkspace } from '../session';
import { whenFirstDataShown } from '../data/live-query';

// Proposal files upload whichever screen is open; the code comes with the proposals chunk, and a
// chunk that cannot load (offline at start) only postpones uploads to the next start.
const ProposalFileUploads = lazy(() =>
  import('../features/proposals').then(
    (module) => ({ default: module.ProposalFileUploads }),
    () => ({ default: () => null }),
  ),
);
// Ticket attachments and forum reports kept offline go out the same way, with their features' code.
const SupportAttachmentUploads = lazy(() =>
  import('../features/support').then(
    (module) => ({ default: module.SupportAttachmentUploads }),
    () => ({ default: () => null }),
  ),
);
const QueuedCommunityReports = lazy(() =>
  import('../features/community').then(
    (module) => ({ default: module.QueuedCommunityReports }),
    () => ({ default: () => null }),
  ),
);

/** Mounts the uploaders of work kept offline once, for account workspaces (the demo has no server). */
function AccountBackgroundTasks() {
  const workspace = useOpenWorkspace();
  const syncs = Boolean(workspace?.sync);
  const open = workspace !== null;
  // The uploaders' code loads once the first screen has shown its data, so start-up does not wait for it.
  const [started, setStarted] = useState(false);
  // Any open workspace (demo too) warms the proposal worker after start-up, while still online, for screens opened offline later.
  useEffect(() => {
    if (!open) return undefined;
    let active = true;
    void whenFirstDataShown().then(() => {
      if (active) setStarted(true);
      return import('../features/proposals').then((module) => module.preloadProposalRenderer(), () => undefined);
    });
    return () => {
      active = false;
    };
  }, [open]);
  return syncs && started ? (
    <Suspense fallback={null}>
      <ProposalFileUploads />
      <SupportAttachmentUploads />
      <QueuedCommunityReports />
    </Suspense>
  ) : null;
}

export function AppShell() {
  const mainRef = useRef<HTMLElement>(null);
  const collapsed = useUiStore((state) => state.sidebarCollapsed);
  const { pathname } = useLocation();
  const firstPathname = useRef(pathname);

  // After in-app navigation, move focus to the new page's heading so screen readers announce it.
  useEffect(() => {
    if (pathname === firstPathname.current) return;
    firstPathname.current = '';
    const heading = mainRef.current?.querySelector<HTMLElement>('h1');
    (heading ?? mainRef.current)?.focus();
  }, [pathname]);

  // With hash routing, "#main-content" would be read as a route, so the skip link moves focus itself.
  function skipToContent(event: MouseEvent<HTMLAnchorElement>) {
    event.preventDefault();
    mainRef.current?.focus();
  }

  return (
    <div className="app-shell" data-sidebar={collapsed ? 'collapsed' : 'expanded'}>
      <a className="skip-link" href="#main-content" onClick={skipToContent}>
        Skip to content
      </a>
      <AccountBackgroundTasks />
      <Sidebar />
      <div className="app-shell__body">
        <TopBar />
        <main id="main-content" ref={mainRef} tabIndex={-1} className="app-shell__main">
          <AgreementNotice />
          <Outlet />
        </main>
      </div>
    </div>
  );
}
