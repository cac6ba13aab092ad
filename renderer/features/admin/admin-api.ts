/**
 * The admin area's writes and reports, straight to the server through the signed-in client.
 * Admin work is online-only on purpose: publishing is a decision made against what the server
 * holds, not a queued edit that could land later over another admin's change. Every reply is
 * validated with zod; every failure is an Error whose message is a sentence to show.
 *
 * The UI still reads the catalog from the local store (the admin's replication pulls every row RLS
 * lets an admin see), so what an admin publishes appears in the list the way partners get it.
 */
import type { SupabaseClient } from '@supabase/supabase-js';
import { z } from 'zod';
import { catalogSchema, type CatalogDoc } from '../../../sync/schema/catalog.schema';
import { partnerStatusSchema, type PartnerStatusDoc } from '../../../sync/schema/partner-status.schema';
import { tier, type Tier } from '../../../sync/schema/fields';

export class AdminRequestError extends Error {}

interface PostgrestLikeError {
  message: string;
  code?: string;
}

/** A server refusal as a sentence. RLS refusals mean the session is not an admin any more. */
export function sentenceFor(action: string, error: PostgrestLikeError | null | undefined): string {
  if (!error) return `Could not ${action}: the server sent no answer. Check your connection and try again.`;
  const message = error.message.trim();
  if (error.code === '42501' || /row-level security/i.test(message)) {
    return `Could not ${action}: the server says this account is not allowed to. Only SISO admins can do this; sign in again if your role changed.`;
  }
  if (error.code === '23505') return `Could not ${action}: an entry with the same slug already exists. Change the title and try again.`;
  if (/fetch|network|Failed to fetch|NetworkError/i.test(message)) {
    return `Could not ${action}: the server could not be reached. Check your connection; your changes are still in the form.`;
  }
  return `Could not ${action}: ${message.endsWith('.') ? message : `${message}.`}`;
}

export type CatalogInsert = Pick<CatalogDoc, 'id' | 'kind' | 'title' | 'slug' | 'body' | 'tier_required' | 'tags' | 'published' | 'sort_order'> &
  Partial<Pick<CatalogDoc, 'category' | 'file_path' | 'file_sha256' | 'file_size' | 'mime_type'>>;

export type CatalogPatch = Partial<Omit<CatalogInsert, 'id' | 'kind'>> & { _deleted?: boolean };

const catalogReply = catalogSchema.extend({ _deleted: z.boolean() });
export type CatalogReply = z.infer<typeof catalogReply>;

const profileRow = z.object({
  partner_id: z.uuid(),
  display_name: z.string(),
  company: z.string().nullish(),
  email: z.string().nullish(),
});
const statusRow = partnerStatusSchema.pick({ partner_id: true, tier: true, tier_since: true, commission_rate: true });

export interface PartnerListRow {
  partnerId: string;
  displayName: string;
  company: string | null;
  email: string | null;
  tier: Tier | null;
  tierSince: string | null;
  commissionRate: number | null;
}

const usageEventRow = z.object({ partner_id: z.uuid(), kind: z.string(), meta: z.string().nullish() });
export type UsageEventRow = z.infer<typeof usageEventRow>;

const assetSummaryRow = z.object({ id: z.string(), title: z.string(), tier_required: tier, _deleted: z.boolean() });
export type AssetSummaryRow = z.infer<typeof assetSummaryRow>;

function parseReply<T>(schema: z.ZodType<T>, data: unknown, action: string): T {
  const parsed = schema.safeParse(data);
  if (!parsed.success) {
    throw new AdminRequestError(`Could not ${action}: the server's reply was not what this app expects (${z.prettifyError(parsed.error).split('\n')[0] ?? 'unknown field'}). Update the app or contact SISO support.`);
  }
  return parsed.data;
}

export interface AdminApi {
  insertEntry(row: CatalogInsert): Promise<CatalogReply>;
  updateEntry(id: string, patch: CatalogPatch, action?: string): Promise<CatalogReply>;
  /** Removes a file an entry no longer points at; failures are reported, not thrown (the entry is already right). */
  removeAssetFile(path: string): Promise<string | null>;
  setPartnerTier(partnerId: string, newTier: Tier): Promise<PartnerStatusDoc>;
  listPartners(): Promise<PartnerListRow[]>;
  listUsageEvents(): Promise<UsageEventRow[]>;
  /** Every asset the server has, retired ones too (the local store drops those), for usage reports. */
  listAllAssets(): Promise<AssetSummaryRow[]>;
}

export function createAdminApi(client: SupabaseClient): AdminApi {
  return {
    async insertEntry(row) {
      const action = `save “${row.title}”`;
      const { data, error } = await client.from('catalog').insert(row).select().single();
      if (error || !data) throw new AdminRequestError(sentenceFor(action, error));
      return parseReply(catalogReply, data, action);
    },
    async updateEntry(id, patch, action = 'save the entry') {
      const { data, error } = await client.from('catalog').update(patch).eq('id', id).select();
      if (error) throw new AdminRequestError(sentenceFor(action, error));
      const rows = parseReply(z.array(catalogReply), data, action);
      const row = rows[0];
      if (!row) throw new AdminRequestError(`Could not ${action}: the server did not change it. It may have been removed, or this account is no longer an admin.`);
      return row;
    },
    async removeAssetFile(path) {
      const { error } = await client.storage.from('assets').remove([path]);
      return error ? `The previous file (${path}) could not be removed: ${error.message}. It is no longer offered to partners.` : null;
    },
    async setPartnerTier(partnerId, newTier) {
      const action = `set the tier to ${newTier}`;
      const { data, error } = await client.rpc('admin_set_partner_tier', { target_partner: partnerId, new_tier: tier.parse(newTier) });
      if (error) throw new AdminRequestError(sentenceFor(action, error));
      return parseReply(partnerStatusSchema, data, action);
    },
    async listPartners() {
      const action = 'load the partner list';
      const [profiles, statuses] = await Promise.all([
        client.from('profiles').select('partner_id, display_name, company, email').eq('_deleted', false).order('display_name'),
        client.from('partner_status').select('partner_id, tier, tier_since, commission_rate').eq('_deleted', false),
      ]);
      if (profiles.error) throw new AdminRequestError(sentenceFor(action, profiles.error));
      if (statuses.error) throw new AdminRequestError(sentenceFor(action, statuses.error));
      const profileRows = parseReply(z.array(profileRow), profiles.data, action);
      const statusRows = parseReply(z.array(statusRow), statuses.data, action);
      const byPartner = new Map(statusRows.map((row) => [row.partner_id, row]));
      const rows: PartnerListRow[] = profileRows.map((profile) => {
        const status = byPartner.get(profile.partner_id);
        return {
          partnerId: profile.partner_id,
          displayName: profile.display_name,
          company: profile.company ?? null,
          email: profile.email ?? null,
          tier: status?.tier ?? null,
          tierSince: status?.tier_since ?? null,
          commissionRate: status?.commission_rate ?? null,
        };
      });
      // Partners who have a status but no profile yet still appear (named by id).
      for (const status of statusRows) {
        if (!profileRows.some((profile) => profile.partner_id === status.partner_id)) {
          rows.push({ partnerId: status.partner_id, displayName: `Partner ${status.partner_id.slice(0, 8)}`, company: null, email: null, tier: status.tier, tierSince: status.tier_since, commissionRate: status.commission_rate });
        }
      }
      return rows;
    },
    async listUsageEvents() {
      const action = 'load asset usage';
      const { data, error } = await client
        .from('activities')
        .select('partner_id, kind, meta')
        .in('kind', ['asset_download', 'asset_customised'])
        .eq('_deleted', false)
        .limit(50_000);
      if (error) throw new AdminRequestError(sentenceFor(action, error));
      return parseReply(z.array(usageEventRow), data, action);
    },
    async listAllAssets() {
      const action = 'load the asset list';
      const { data, error } = await client.from('catalog').select('id, title, tier_required, _deleted').eq('kind', 'asset');
      if (error) throw new AdminRequestError(sentenceFor(action, error));
      return parseReply(z.array(assetSummaryRow), data, action);
    },
  };
}
