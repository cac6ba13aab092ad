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
import { createAccountServices, type AccountServices } from '../session/sync/account-services';
import { AccountSyncProvider } from '../session/sync/account-sync-context';
import { createLegacyBookkeepingSource } from '../session/sync/local-key-value-store';
import { SessionPortProvider } from '../session';
import { WorkspaceGate } from './workspace/WorkspaceGate';
import { browserWorkspaceMemory } from '../session/last-workspace';

function createServices({ platform, config }: PlatformSnapshot): AccountServices {
  const memory = browserWorkspaceMemory();
  return createAccountServices({
    anonKey: config.supabaseAnonKey,
    tokenStore: platform.secrets,
    // Sync bookkeeping lives in each workspace's database; what older versions left here moves there.
    ...(memory ? { legacyBookkeeping: createLegacyBookkeepingSource(memory) } : {}),
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
