/**
 * Proposal templates as partners receive them: catalog rows of kind `template` whose body is the
 * template JSON. Each row is parsed on its own, so one bad template is listed with the reason it
 * cannot be used (InvalidTemplateError's sentence) while the others stay usable.
 */
import { InvalidTemplateError, parseProposalTemplate, type ProposalTemplate } from './template-schema';

export interface TemplateCatalogRow {
  id: string;
  slug: string;
  title: string;
  body: unknown;
}

export interface UnusableTemplate {
  rowId: string;
  title: string;
  message: string;
}

export interface CatalogTemplates {
  /** In catalog order. */
  templates: ProposalTemplate[];
  unusable: UnusableTemplate[];
}

export function templatesFromCatalog(rows: readonly TemplateCatalogRow[]): CatalogTemplates {
  const templates: ProposalTemplate[] = [];
  const unusable: UnusableTemplate[] = [];
  const seen = new Set<string>();
  for (const row of rows) {
    try {
      const template = parseProposalTemplate(row.body);
      if (seen.has(template.id)) {
        unusable.push({ rowId: row.id, title: row.title, message: `${row.title} cannot be used: another template already has the id '${template.id}'. Ask SISO's partner team to fix the catalog.` });
        continue;
      }
      seen.add(template.id);
      templates.push(template);
    } catch (error) {
      const message =
        error instanceof InvalidTemplateError
          ? error.message
          : `${row.title} cannot be used: ${error instanceof Error ? error.message : String(error)}. Ask SISO's partner team for an updated template.`;
      unusable.push({ rowId: row.id, title: row.title, message });
    }
  }
  return { templates, unusable };
}
