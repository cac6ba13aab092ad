/**
 * The root component: error boundary, platform, theme, deep links, the account session and sync
 * services, the workspace gate and the router.
 */
import { useEffect, useState } from 'react';
import { RouterProvider } from 'react-router-dom';
import { ErrorBoundary } from './ErrorBoundary';
import { parseDeepLinkRoute } from './deep-link';
import { PlatformProvider, type PlatformSnapshot } from '../platform';
import { createAppRouter, preloadScreens } from './routes';
import { useAppliedTheme } from '../ui/theme';
import { createMemoryKeyValueStore } from '../../sync/replication/key-value-store';
import { createAccountServices, type AccountServices } from '../session/sync/account-services';
import { AccountSyncProvider } from '../session/sync/account-sync-context';
import { createLocalKeyValueStore } from '../session/sync/local-key-value-store';
import { SessionPortProvider } from '../session';
import { WorkspaceGate } from './workspace/WorkspaceGate';
import { browserWorkspaceMemory } from '../session/last-workspace';

function createServices({ platform, config }: PlatformSnapshot): AccountServices {
  const memory = browserWorkspaceMemory();
  return createAccountServices({
    anonKey: config.supabaseAnonKey,
    tokenStore: platform.secrets,
    // Durable bookkeeping needs localStorage; without it (storage disabled) it lasts for this run only.
    bookkeeping: memory ? createLocalKeyValueStore(memory) : createMemoryKeyValueStore(),
    memory,
  });
}

export function App({ platform }: { platform: PlatformSnapshot }) {
  const [router] = useState(createAppRouter);
  const [services] = useState(() => createServices(platform));
  useAppliedTheme();

  // Once the first screen is up: the other screens' code, so they open offline later.
  useEffect(() => preloadScreens(), []);

  useEffect(
    () =>
      platform.platform.onDeepLink((route) => {
        const safeRoute = parseDeepLinkRoute(route);
        if (safeRoute) void router.navigate(safeRoute);
      }),
    [platform.platform, router],
  );

  return (
    <ErrorBoundary context={{ appVersion: platform.appInfo.version, platform: platform.platform.kind }}>
      <PlatformProvider value={platform}>
        <SessionPortProvider port={services.port}>
          <AccountSyncProvider prepare={services.prepareSync}>
            <WorkspaceGate>
              <RouterProvider router={router} />
            </WorkspaceGate>
          </AccountSyncProvider>
        </SessionPortProvider>
      </PlatformProvider>
    </ErrorBoundary>
  );
}
