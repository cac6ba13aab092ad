/**
 * Every live read the Elite dashboard makes, through renderer/data: the partner's leads and
 * commissions turned into the report's figures (with the stage changes and commission rate the
 * Analytics page forecasts from, so the report's forecast is the page's), the profile (name, brand,
 * saved layout) and the store and partner id writes need.
 */
import { useMemo } from 'react';
import { useDatabase } from '../../../data/DatabaseProvider';
import { useQuery } from '../../../data/use-query';
import { usePartnerStatus } from '../../../data/workstation-hooks';
import { useOpenWorkspace } from '../../../session';
import { useNow } from '../../../ui/use-now';
import { parseDashboardLayout } from '../../../../sync/domain/analytics-layout';
import { computeExecutiveFigures } from '../../../../sync/domain/analytics-report';

/** The same stage-change query the Analytics page reads (use-analytics-data.ts). */
const STAGE_CHANGES = { selector: { kind: 'stage_change' as const } };

export function useEliteData() {
  const db = useDatabase();
  const workspace = useOpenWorkspace();
  const profiles = useQuery('profiles', { limit: 1 });
  const leads = useQuery('leads');
  const earnings = useQuery('earnings', { selector: { kind: 'commission' } });
  const activities = useQuery('activities', STAGE_CHANGES);
  const status = usePartnerStatus();
  const now = useNow();
  const profile = profiles.data[0] ?? null;
  const commissionRate = status.data?.commission_rate ?? null;
  const figures = useMemo(
    () => computeExecutiveFigures(leads.data, earnings.data, now, { activities: activities.data, commissionRate }),
    [leads.data, earnings.data, now, activities.data, commissionRate],
  );
  const savedLayoutText = profile?.dashboard_layout ?? null;
  const savedLayout = useMemo(() => parseDashboardLayout(savedLayoutText), [savedLayoutText]);
  const error = profiles.error ?? leads.error ?? earnings.error ?? activities.error ?? status.error;
  return {
    db,
    partnerId: workspace?.partnerId ?? null,
    profile,
    partnerName: profile?.company?.trim() || profile?.display_name.trim() || '',
    figures,
    savedLayout,
    now,
    loading: profiles.loading || leads.loading || earnings.loading || activities.loading || status.loading,
    error: error ? `Your figures could not be read from this device (${error.message}). Restart the app; if it persists, sign out and in again.` : null,
  };
}
