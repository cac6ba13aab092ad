/**
 * The admin "Deal registrations" tab's server calls: every partner's registration requests (with
 * the other partners' live registrations on the same domains, which admins may see), the decision
 * through admin_decide_registration, and the protection period in program_settings. Online only,
 * like the rest of the admin area; replies are validated with zod and failures are sentences.
 */
import { z } from 'zod';
import type { SupabaseClient } from '@supabase/supabase-js';
import { DEFAULT_PROTECTION_DAYS, registrationDomains, registrationState } from '../../../../sync/domain/deal-registration';
import { REGISTRATION_STATUSES } from '../../../../sync/schema/leads.schema';
import { AdminRequestError, parseReply, sentenceFor } from '../shared/admin-server';

export const PROTECTION_DAYS_KEY = 'deal_registration_protection_days';

const registrationRow = z.object({
  id: z.string(),
  partner_id: z.string(),
  company: z.string(),
  website: z.string().nullish(),
  email: z.string().nullish(),
  registration_requested_at: z.string(),
  registration_status: z.enum(REGISTRATION_STATUSES).nullish(),
  registration_decided_at: z.string().nullish(),
  registration_expires_at: z.string().nullish(),
  registration_reason: z.string().nullish(),
});
type RegistrationRow = z.infer<typeof registrationRow>;
const partnerRow = z.object({ partner_id: z.string(), display_name: z.string(), company: z.string().nullish() });

export interface RegistrationConflict {
  partnerName: string;
  company: string;
  domain: string;
  status: 'pending' | 'approved';
}

export interface AdminRegistrationRow {
  leadId: string;
  partnerId: string;
  partnerName: string;
  company: string;
  domains: string[];
  requestedAt: string;
  status: RegistrationRow['registration_status'];
  expiresAt: string | null;
  reason: string | null;
  /** Other partners' live registrations on the same domains. */
  conflicts: RegistrationConflict[];
}

/** More than the tab should list; the most recent requests are shown. */
const REGISTRATION_ROW_LIMIT = 2000;

function isLive(row: RegistrationRow, now: Date): 'pending' | 'approved' | null {
  const state = registrationState(row, now);
  return state.kind === 'pending' || state.kind === 'approved' ? state.kind : null;
}

/** Each request with the live registrations of other partners that share one of its domains. */
export function withConflicts(rows: readonly RegistrationRow[], names: ReadonlyMap<string, string>, now: Date): AdminRegistrationRow[] {
  const domainsOf = new Map(rows.map((row) => [row.id, registrationDomains(row)]));
  return rows.map((row) => {
    const domains = domainsOf.get(row.id) ?? [];
    const conflicts: RegistrationConflict[] = [];
    for (const other of rows) {
      const live = isLive(other, now);
      if (other.partner_id === row.partner_id || !live) continue;
      const shared = (domainsOf.get(other.id) ?? []).find((domain) => domains.includes(domain));
      if (shared) conflicts.push({ partnerName: names.get(other.partner_id) ?? 'Unknown partner', company: other.company, domain: shared, status: live });
    }
    return {
      leadId: row.id,
      partnerId: row.partner_id,
      partnerName: names.get(row.partner_id) ?? 'Unknown partner',
      company: row.company,
      domains,
      requestedAt: row.registration_requested_at,
      status: row.registration_status ?? null,
      expiresAt: row.registration_expires_at ?? null,
      reason: row.registration_reason ?? null,
      conflicts,
    };
  });
}

export async function listRegistrationRequests(client: SupabaseClient, now = new Date()): Promise<AdminRegistrationRow[]> {
  const action = 'load the registration requests';
  const [leads, profiles] = await Promise.all([
    client
      .from('leads')
      .select('id, partner_id, company, website, email, registration_requested_at, registration_status, registration_decided_at, registration_expires_at, registration_reason')
      .not('registration_requested_at', 'is', null)
      .eq('_deleted', false)
      .order('registration_requested_at', { ascending: false })
      .limit(REGISTRATION_ROW_LIMIT),
    client.from('profiles').select('partner_id, display_name, company').eq('_deleted', false),
  ]);
  if (leads.error) throw new AdminRequestError(sentenceFor(action, leads.error));
  if (profiles.error) throw new AdminRequestError(sentenceFor(action, profiles.error));
  const names = new Map(
    parseReply(z.array(partnerRow), profiles.data, action).map((row) => [row.partner_id, [row.display_name, row.company].filter(Boolean).join(' · ')]),
  );
  return withConflicts(parseReply(z.array(registrationRow), leads.data, action), names, now);
}

export async function decideRegistration(client: SupabaseClient, leadId: string, approve: boolean, reason: string | null): Promise<{ status: string; expiresAt: string | null }> {
  const action = approve ? 'approve the registration' : 'reject the registration';
  const { data, error } = await client.rpc('admin_decide_registration', { lead_id: leadId, approve, reason });
  if (error) throw new AdminRequestError(sentenceFor(action, error));
  const row = parseReply(z.object({ registration_status: z.enum(REGISTRATION_STATUSES), registration_expires_at: z.string().nullish() }), data, action);
  return { status: row.registration_status, expiresAt: row.registration_expires_at ?? null };
}

export async function readProtectionDays(client: SupabaseClient): Promise<number> {
  const action = 'load the protection period';
  const { data, error } = await client.from('program_settings').select('value').eq('key', PROTECTION_DAYS_KEY).maybeSingle();
  if (error) throw new AdminRequestError(sentenceFor(action, error));
  const row = parseReply(z.object({ value: z.number().int().positive() }).nullable(), data, action);
  return row?.value ?? DEFAULT_PROTECTION_DAYS;
}

export async function saveProtectionDays(client: SupabaseClient, days: number): Promise<void> {
  const action = 'save the protection period';
  const { error } = await client.from('program_settings').upsert({ key: PROTECTION_DAYS_KEY, value: days, updated_at: new Date().toISOString() });
  if (error) throw new AdminRequestError(sentenceFor(action, error));
}
