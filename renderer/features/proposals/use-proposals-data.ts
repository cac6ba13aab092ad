/** What the proposal screens read, live from the local store: the catalog's templates and the proposals saved. */
import { useMemo } from 'react';
import { templatesFromCatalog, type CatalogTemplates } from '../../../sync/domain/proposals/catalog-templates';
import { useQuery } from '../../data/use-query';
import { useCatalog, useLeads } from '../../data/workstation-hooks';

export interface ProposalTemplates extends CatalogTemplates {
  loading: boolean;
  error: Error | null;
  /** Catalog titles by template id (slug), for proposals saved with a template since withdrawn. */
  titles: ReadonlyMap<string, string>;
}

/** The proposal templates in the local catalog (kind `template`), parsed; unusable rows listed with the reason. */
export function useProposalTemplates(): ProposalTemplates {
  const rows = useCatalog('template');
  return useMemo(() => {
    const parsed = templatesFromCatalog(rows.data);
    const titles = new Map<string, string>(rows.data.map((row) => [row.slug, row.title]));
    for (const template of parsed.templates) titles.set(template.id, template.name);
    return { ...parsed, titles, loading: rows.loading, error: rows.error };
  }, [rows]);
}

/** The proposals saved on this device (proposal_created activities), newest first, with lead names by id. */
export function useSavedProposals() {
  const activities = useQuery('activities', { selector: { kind: 'proposal_created' }, sort: [{ occurred_at: 'desc' }] });
  const leads = useLeads();
  const leadNames = useMemo(() => new Map(leads.data.map((lead) => [lead.id, lead.company])), [leads.data]);
  return { activities, leadNames };
}
