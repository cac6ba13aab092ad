/** The root component: error boundary, platform, theme, deep links, the workspace gate and the router. */
import { useEffect, useState } from 'react';
import { RouterProvider } from 'react-router-dom';
import { ErrorBoundary } from './ErrorBoundary';
import { parseDeepLinkRoute } from './deep-link';
import { PlatformProvider, type PlatformSnapshot } from './platform';
import { createAppRouter } from './routes';
import { useAppliedTheme } from './theme';
import { WorkspaceGate } from './workspace';

export function App({ platform }: { platform: PlatformSnapshot }) {
  const [router] = useState(createAppRouter);
  useAppliedTheme();

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
        <WorkspaceGate>
          <RouterProvider router={router} />
        </WorkspaceGate>
      </PlatformProvider>
    </ErrorBoundary>
  );
}
