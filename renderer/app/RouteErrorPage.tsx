/** Shown by the router when a screen throws while rendering or loading. */
import { useLocation, useRouteError } from 'react-router-dom';
import { ErrorFallback } from './ErrorFallback';
import { buildErrorReport } from './error-report';
import { useAppInfo, usePlatform } from '../platform';

export function RouteErrorPage() {
  const error = useRouteError();
  const { pathname } = useLocation();
  const { version } = useAppInfo();
  const { kind } = usePlatform();
  return <ErrorFallback report={buildErrorReport(error, { appVersion: version, platform: kind, route: pathname })} />;
}
