/**
 * The admin Clients tab's server calls: every partner's won leads with their stored projects, and
 * admin_set_client_projects (the server checks the list's shape again). Online only, like the rest
 * of the admin area; replies are validated with zod and failures are sentences.
 */
import { z } from 'zod';
import type { SupabaseClient } from '@supabase/supabase-js';
import { parseClientProjects, type ClientProject } from '../../../../sync/domain/clients';
import { AdminRequestError, parseReply, sentenceFor } from '../shared/admin-server';

export interface AdminClientRow {
  leadId: string;
  partnerId: string;
  partnerName: string;
  company: string;
  contactName: string | null;
  wonAt: string | null;
  projects: ClientProject[];
  /** Set when the stored list could not be read; saving a new list replaces it. */
  projectsProblem: string | null;
}

const wonLeadRow = z.object({
  id: z.string(),
  partner_id: z.string(),
  company: z.string(),
  contact_name: z.string().nullish(),
  stage_changed_at: z.string().nullish(),
  client_projects: z.string().nullish(),
});
const partnerRow = z.object({ partner_id: z.string(), display_name: z.string(), company: z.string().nullish() });

/** More than the tab should list; the most recently won are shown. */
const CLIENT_ROW_LIMIT = 2000;

export async function listAdminClients(client: SupabaseClient): Promise<AdminClientRow[]> {
  const action = 'load the client list';
  const [leads, profiles] = await Promise.all([
    client
      .from('leads')
      .select('id, partner_id, company, contact_name, stage_changed_at, client_projects')
      .eq('stage', 'won')
      .eq('_deleted', false)
      .order('stage_changed_at', { ascending: false })
      .limit(CLIENT_ROW_LIMIT),
    client.from('profiles').select('partner_id, display_name, company').eq('_deleted', false),
  ]);
  if (leads.error) throw new AdminRequestError(sentenceFor(action, leads.error));
  if (profiles.error) throw new AdminRequestError(sentenceFor(action, profiles.error));
  const partners = new Map(parseReply(z.array(partnerRow), profiles.data, action).map((row) => [row.partner_id, row]));
  return parseReply(z.array(wonLeadRow), leads.data, action).map((lead) => {
    const partner = partners.get(lead.partner_id);
    const projects = parseClientProjects(lead.client_projects);
    return {
      leadId: lead.id,
      partnerId: lead.partner_id,
      partnerName: partner ? [partner.display_name, partner.company].filter(Boolean).join(' · ') : 'Unknown partner',
      company: lead.company,
      contactName: lead.contact_name ?? null,
      wonAt: lead.stage_changed_at ?? null,
      projects: projects.projects,
      projectsProblem: projects.ok ? null : projects.problem,
    };
  });
}

export async function setClientProjects(client: SupabaseClient, leadId: string, projects: readonly ClientProject[]): Promise<ClientProject[]> {
  const action = 'save the client projects';
  const { data, error } = await client.rpc('admin_set_client_projects', { lead_id: leadId, projects });
  if (error) throw new AdminRequestError(sentenceFor(action, error));
  const row = parseReply(z.object({ client_projects: z.string().nullish() }), data, action);
  const saved = parseClientProjects(row.client_projects);
  if (!saved.ok) throw new AdminRequestError(`Could not ${action}: ${saved.problem}`);
  return saved.projects;
}
