/** What the leads screens need from the open workspace: the store, the partner id, a default currency. */
import { useDatabase } from '../../data/DatabaseProvider';
import { useQuery } from '../../data/use-query';
import { useOpenWorkspace } from '../../session';
import { DEFAULT_CURRENCY } from '../../../sync/domain/leads';

export function useLeadWorkspace() {
  const db = useDatabase();
  const workspace = useOpenWorkspace();
  const profiles = useQuery('profiles', { limit: 1 });
  const currency = profiles.data[0]?.currency ?? DEFAULT_CURRENCY;
  return { db, partnerId: workspace?.partnerId ?? null, defaultCurrency: currency };
}
