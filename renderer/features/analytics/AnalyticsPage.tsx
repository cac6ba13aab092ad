/**
 * /analytics: the partner's performance, computed on this device from their own synced data, in
 * sections by tier — basic metrics (every tier), charts and the program comparison (Active),
 * cohorts and the forecast (Performer), and the Elite custom dashboard. A locked section names the
 * tier that unlocks it.
 */
import { useState, type ReactNode } from 'react';
import { Link } from 'react-router-dom';
import { ANALYTICS_LEVEL_FEATURES, type AnalyticsLevel, type PeriodSelection } from '../../../sync/domain/analytics';
import { tierLabel } from '../../../sync/domain/tiers';
import { useTierAccess } from '../../session/use-entitlement';
import { availableRoute } from '../../ui/known-routes';
import { LockedFeature } from '../../ui/LockedFeature';
import { PageHeader } from '../../ui/PageHeader';
import { errorMessage } from '../../ui/error-message';
import { BasicMetrics } from './BasicMetrics';
import { CohortTable } from './CohortTable';
import { EliteDashboard } from './elite';
import { ForecastSection } from './ForecastSection';
import { PerformanceCharts } from './PerformanceCharts';
import { PeriodPicker } from './PeriodPicker';
import { ProgramComparison } from './ProgramComparison';
import { useAnalyticsData } from './use-analytics-data';
import './analytics.css';

const LOCKED_TEXT: Record<Exclude<AnalyticsLevel, 'basic' | 'custom'>, { title: string; description: string }> = {
  charts: {
    title: 'Performance charts and program comparison',
    description: 'Trends per week and month, the funnel by stage, time in stage, sources and channels, and how you compare with partners in your tier.',
  },
  advanced: {
    title: 'Cohorts and forecast',
    description: 'Leads by month created against conversions by month, and expected closes and commission for the next 30, 60 and 90 days with a range.',
  },
};

export function AnalyticsPage() {
  const [period, setPeriod] = useState<PeriodSelection>({ kind: 'this-month' });
  const data = useAnalyticsData(period);
  const access = useTierAccess();
  const apiAccessRoute = availableRoute('/api-access');

  const header = (
    <PageHeader
      title="Analytics"
      description="Your performance, worked out on this device from your own leads, commissions and link clicks — it works offline."
    />
  );
  if (data.error) {
    return (
      <>
        {header}
        <p role="alert">The analytics could not be read from this device’s store: {errorMessage(data.error)} Restart the app; if it keeps happening, contact support.</p>
      </>
    );
  }
  if (data.loading || !access) {
    return (
      <>
        {header}
        <p role="status">Reading your data…</p>
      </>
    );
  }

  const gated = (level: Exclude<AnalyticsLevel, 'basic' | 'custom'>, content: () => ReactNode) => {
    const result = access.check(ANALYTICS_LEVEL_FEATURES[level]);
    if (result.allowed) return content();
    return <LockedFeature title={LOCKED_TEXT[level].title} description={LOCKED_TEXT[level].description} message={result.message} />;
  };
  const result = data.result;
  const tierName = data.tier ? tierLabel(data.tier) : 'your tier';

  return (
    <div className="analytics-page">
      {header}
      <PeriodPicker value={period} onChange={setPeriod} />
      {result === null ? (
        <p role="alert">Those dates do not make a period: choose a start date on or before the end date.</p>
      ) : (
        <>
          <BasicMetrics result={result} />
          {gated('charts', () => (
            <>
              <PerformanceCharts result={result} />
              <ProgramComparison result={result} aggregate={data.aggregate} tierLabel={tierName} />
            </>
          ))}
          {gated('advanced', () => (
            <>
              <CohortTable rows={result.cohorts} />
              <ForecastSection forecast={result.forecast} tierProgress={data.tierProgress} timeZone={data.timeZone} />
            </>
          ))}
        </>
      )}
      <EliteDashboard />
      {apiAccessRoute && access.check(ANALYTICS_LEVEL_FEATURES.custom).allowed ? (
        <p className="analytics-note">
          <Link to={apiAccessRoute}>API access</Link>: read your own leads, clients, earnings and payouts from your own tools.
        </p>
      ) : null}
    </div>
  );
}
