/**
 * Every write the admin area makes, straight to the server (see admin-server.ts for why). The UI
 * still reads the catalog from the local store (the admin's replication pulls every row RLS lets an
 * admin see), so what an admin publishes appears in the list the way partners get it.
 */
import type { SupabaseClient } from '@supabase/supabase-js';
import { z } from 'zod';
import { catalogSchema, type CatalogDoc } from '../../../../sync/schema/catalog.schema';
import { partnerStatusSchema, type PartnerStatusDoc } from '../../../../sync/schema/partner-status.schema';
import { earningSchema, type CommissionType, type EarningDoc, type EarningStatus } from '../../../../sync/schema/earnings.schema';
import { payoutSchema, type PayoutDoc } from '../../../../sync/schema/payouts.schema';
import { tier, type Tier } from '../../../../sync/schema/fields';
import { AdminRequestError, parseReply, sentenceFor } from './admin-server';

export type CatalogInsert = Pick<CatalogDoc, 'id' | 'kind' | 'title' | 'slug' | 'body' | 'tier_required' | 'tags' | 'published' | 'sort_order'> &
  Partial<Pick<CatalogDoc, 'category' | 'file_path' | 'file_sha256' | 'file_size' | 'mime_type'>>;

export type CatalogPatch = Partial<Omit<CatalogInsert, 'id' | 'kind'>> & { _deleted?: boolean };

const catalogReply = catalogSchema.extend({ _deleted: z.boolean() });
export type CatalogReply = z.infer<typeof catalogReply>;

export interface AdminWrites {
  insertEntry(row: CatalogInsert): Promise<CatalogReply>;
  updateEntry(id: string, patch: CatalogPatch, action?: string): Promise<CatalogReply>;
  /** Removes a file an entry no longer points at; failures are reported, not thrown (the entry is already right). */
  removeAssetFile(path: string): Promise<string | null>;
  setPartnerTier(partnerId: string, newTier: Tier): Promise<PartnerStatusDoc>;
  /** admin_adjust_commission: the reason goes into the line's history. */
  adjustCommission(change: CommissionAdjustment): Promise<EarningDoc>;
  /** admin_record_commission: a new line (a bonus, a correction) with its reason in its history. */
  recordCommission(line: CommissionRecord): Promise<EarningDoc>;
  /** admin_set_payout_status: approve, reject (with a reason) or mark paid (with a reference). */
  setPayoutStatus(change: PayoutStatusChange): Promise<PayoutDoc>;
  /** admin_create_scheduled_payouts: requests the available balance of every partner whose automatic payout is due; how many it made. */
  createScheduledPayouts(): Promise<number>;
}

export interface CommissionAdjustment {
  earningId: string;
  reason: string;
  newAmount: number;
  newStatus: EarningStatus;
}

export interface CommissionRecord {
  partnerId: string;
  type: CommissionType;
  amount: number;
  currency: string;
  reason: string;
  dealName: string | null;
}

export type PayoutStatusChange =
  | { payoutId: string; status: 'approved' }
  | { payoutId: string; status: 'rejected'; reason: string }
  | { payoutId: string; status: 'paid'; reference: string };

export function createAdminWrites(client: SupabaseClient): AdminWrites {
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
    async adjustCommission(change) {
      const action = 'adjust the commission';
      const { data, error } = await client.rpc('admin_adjust_commission', {
        earning_id: change.earningId,
        reason: change.reason,
        new_amount: change.newAmount,
        new_status: change.newStatus,
      });
      if (error) throw new AdminRequestError(sentenceFor(action, error));
      return parseReply(earningSchema, data, action);
    },
    async recordCommission(line) {
      const action = 'record the commission';
      const { data, error } = await client.rpc('admin_record_commission', {
        target_partner: line.partnerId,
        commission_type: line.type,
        amount: line.amount,
        currency: line.currency,
        reason: line.reason,
        deal_name: line.dealName,
      });
      if (error) throw new AdminRequestError(sentenceFor(action, error));
      return parseReply(earningSchema, data, action);
    },
    async setPayoutStatus(change) {
      const action = { approved: 'approve the withdrawal', rejected: 'reject the withdrawal', paid: 'mark the withdrawal paid' }[change.status];
      const { data, error } = await client.rpc('admin_set_payout_status', {
        payout_id: change.payoutId,
        new_status: change.status,
        reason: change.status === 'rejected' ? change.reason : null,
        reference: change.status === 'paid' ? change.reference : null,
      });
      if (error) throw new AdminRequestError(sentenceFor(action, error));
      return parseReply(payoutSchema, data, action);
    },
    async createScheduledPayouts() {
      const action = 'create the scheduled payouts';
      const { data, error } = await client.rpc('admin_create_scheduled_payouts');
      if (error) throw new AdminRequestError(sentenceFor(action, error));
      return parseReply(z.int().min(0), data, action);
    },
  };
}
