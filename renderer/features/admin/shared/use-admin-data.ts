/**
 * What the admin area reads beyond the local store: reports fetched from the server (partners,
 * usage, every asset including retired ones, every partner's commission lines and withdrawal
 * requests — an admin's replication pulls only the catalog), loaded when a panel is first shown and on
 * "Refresh", never while offline (the last result stays on screen).
 */
import { useCallback, useEffect, useRef, useState } from 'react';
import type { SupabaseClient } from '@supabase/supabase-js';
import { z } from 'zod';
import { partnerStatusSchema } from '../../../../sync/schema/partner-status.schema';
import { tier, type Tier } from '../../../../sync/schema/fields';
import { earningSchema, type EarningDoc } from '../../../../sync/schema/earnings.schema';
import { payoutSchema, type PayoutDoc } from '../../../../sync/schema/payouts.schema';
import { errorMessage } from '../../../ui/error-message';
import { AdminRequestError, parseReply, sentenceFor } from './admin-server';

const profileRow = z.object({
  partner_id: z.uuid(),
  display_name: z.string(),
  company: z.string().nullish(),
  email: z.string().nullish(),
});
const payoutMethodRow = z.object({ partner_id: z.uuid(), payout_details: z.string().nullish() });
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

const trainingReportRow = z.object({
  course_id: z.string(),
  course_title: z.string(),
  tier,
  partners_started: z.coerce.number().int().min(0),
  modules_completed: z.coerce.number().int().min(0),
  attempts: z.coerce.number().int().min(0),
  passed: z.coerce.number().int().min(0),
  pass_rate: z.number().min(0).max(1).nullable(),
});
export type TrainingReportRow = z.infer<typeof trainingReportRow>;

export interface AdminReports {
  listPartners(): Promise<PartnerListRow[]>;
  listUsageEvents(): Promise<UsageEventRow[]>;
  /** Every asset the server has, retired ones too (the local store drops those), for usage reports. */
  listAllAssets(): Promise<AssetSummaryRow[]>;
  /** Every partner's commission lines, newest first. */
  listCommissionLines(): Promise<EarningDoc[]>;
  /** Every withdrawal request, newest first, with each partner's masked payout details (profiles.payout_details). */
  listPayouts(): Promise<{ payouts: PayoutDoc[]; payoutDetails: Map<string, string | null> }>;
  /** admin_training_report: per course and tier, partners started, modules completed, attempts and pass rate. */
  trainingReport(): Promise<TrainingReportRow[]>;
}

/** More than an admin screen should list; the newest are shown. */
const REPORT_ROW_LIMIT = 5000;

export function createAdminReports(client: SupabaseClient): AdminReports {
  return {
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
    async listCommissionLines() {
      const action = 'load commission lines';
      const { data, error } = await client
        .from('earnings')
        .select('*')
        .eq('kind', 'commission')
        .eq('_deleted', false)
        .order('created_at', { ascending: false })
        .limit(REPORT_ROW_LIMIT);
      if (error) throw new AdminRequestError(sentenceFor(action, error));
      return parseReply(z.array(earningSchema), data, action);
    },
    async listPayouts() {
      const action = 'load withdrawal requests';
      const [payouts, methods] = await Promise.all([
        client.from('payouts').select('*').eq('_deleted', false).order('created_at', { ascending: false }).limit(REPORT_ROW_LIMIT),
        client.from('profiles').select('partner_id, payout_details').eq('_deleted', false),
      ]);
      if (payouts.error) throw new AdminRequestError(sentenceFor(action, payouts.error));
      if (methods.error) throw new AdminRequestError(sentenceFor(action, methods.error));
      const rows = parseReply(z.array(payoutSchema), payouts.data, action);
      const details = parseReply(z.array(payoutMethodRow), methods.data, action);
      return { payouts: rows, payoutDetails: new Map(details.map((row) => [row.partner_id, row.payout_details ?? null])) };
    },
    async trainingReport() {
      const action = 'load the training report';
      const { data, error } = await client.rpc('admin_training_report');
      if (error) throw new AdminRequestError(sentenceFor(action, error));
      return parseReply(z.array(trainingReportRow), data, action);
    },
  };
}

export interface ServerReport<T> {
  data: T | null;
  loading: boolean;
  error: string | null;
  /** When data was last loaded. */
  loadedAt: Date | null;
  reload(): void;
}

export function useServerReport<T>(load: (() => Promise<T>) | null): ServerReport<T> {
  const [state, setState] = useState<{ data: T | null; loading: boolean; error: string | null; loadedAt: Date | null }>({
    data: null,
    loading: load !== null,
    error: null,
    loadedAt: null,
  });
  const generation = useRef(0);

  const start = useCallback(() => {
    if (!load) return;
    const current = ++generation.current;
    // Marked loading from a promise callback, like the result, so starting never renders twice in one pass.
    void Promise.resolve()
      .then(() => {
        if (current === generation.current) setState((previous) => ({ ...previous, loading: true, error: null }));
        return load();
      })
      .then(
        (data) => {
          if (current === generation.current) setState({ data, loading: false, error: null, loadedAt: new Date() });
        },
        (error: unknown) => {
          if (current === generation.current) setState((previous) => ({ ...previous, loading: false, error: errorMessage(error) }));
        },
      );
  }, [load]);

  useEffect(() => {
    start();
    return () => {
      generation.current += 1;
    };
  }, [start]);

  return { ...state, loading: state.loading && load !== null, reload: start };
}
