/**
 * Every live read the Elite dashboard makes, through renderer/data: the partner's leads and
 * commissions turned into the report's figures, the profile (name, brand, saved layout) and the
 * store and partner id writes need.
 */
import { useMemo } from 'react';
import { useDatabase } from '../../../data/DatabaseProvider';
import { useQuery } from '../../../data/use-query';
import { useOpenWorkspace } from '../../../session';
import { useNow } from '../../../ui/use-now';
import { parseDashboardLayout } from '../../../../sync/domain/analytics-layout';
import { computeExecutiveFigures } from '../../../../sync/domain/analytics-report';

export function useEliteData() {
  const db = useDatabase();
  const workspace = useOpenWorkspace();
  const profiles = useQuery('profiles', { limit: 1 });
  const leads = useQuery('leads');
  const earnings = useQuery('earnings', { selector: { kind: 'commission' } });
  const now = useNow();
  const profile = profiles.data[0] ?? null;
  const figures = useMemo(() => computeExecutiveFigures(leads.data, earnings.data, now), [leads.data, earnings.data, now]);
  const savedLayoutText = profile?.dashboard_layout ?? null;
  const savedLayout = useMemo(() => parseDashboardLayout(savedLayoutText), [savedLayoutText]);
  const error = profiles.error ?? leads.error ?? earnings.error;
  return {
    db,
    partnerId: workspace?.partnerId ?? null,
    profile,
    partnerName: profile?.company?.trim() || profile?.display_name.trim() || '',
    figures,
    savedLayout,
    now,
    loading: profiles.loading || leads.loading || earnings.loading,
    error: error ? `Your figures could not be read from this device (${error.message}). Restart the app; if it persists, sign out and in again.` : null,
  };
}
