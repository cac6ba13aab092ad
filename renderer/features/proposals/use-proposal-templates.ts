/** The proposal templates in the local catalog (kind `template`), parsed; unusable rows listed with the reason. */
import { useMemo } from 'react';
import { templatesFromCatalog, type CatalogTemplates } from '../../../sync/domain/proposals/catalog-templates';
import { useCatalog } from '../../data/workstation-hooks';

export interface ProposalTemplates extends CatalogTemplates {
  loading: boolean;
  error: Error | null;
  /** Catalog titles by template id (slug), for proposals saved with a template since withdrawn. */
  titles: ReadonlyMap<string, string>;
}

export function useProposalTemplates(): ProposalTemplates {
  const rows = useCatalog('template');
  return useMemo(() => {
    const parsed = templatesFromCatalog(rows.data);
    const titles = new Map<string, string>(rows.data.map((row) => [row.slug, row.title]));
    for (const template of parsed.templates) titles.set(template.id, template.name);
    return { ...parsed, titles, loading: rows.loading, error: rows.error };
  }, [rows]);
}
