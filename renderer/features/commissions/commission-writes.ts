/**
 * Every write the Commission center makes: withdrawal requests into the local store (replication
 * pushes them; the server's refusal lands in Sync problems), the yearly goal in a local document
 * on this device, the CSV exports, and the payout method and tax details, which go straight to the
 * server's RPCs online only — the full details never touch the local store.
 */
import type { SupabaseClient } from '@supabase/supabase-js';
import { map, type Observable } from 'rxjs';
import { z } from 'zod';
import type { WorkstationDatabase } from '../../../sync/schema/database';
import { payoutSchema, type PayoutDoc } from '../../../sync/schema/payouts.schema';
import { earningsGoalSchema, type EarningsGoal } from '../../../sync/domain/commission-projection';
import { commissionLinesToCsv, type CommissionLineRow } from '../../../sync/domain/commission-lines';
import { toCsv } from '../../../sync/domain/csv-lead-export';
import {
  maskedPayoutMethodSchema,
  maskedTaxDetailsSchema,
  type MaskedPayoutMethod,
  type MaskedTaxDetails,
  type PayoutMethodInput,
  type TaxDetailsInput,
  type WithdrawalRequest,
} from '../../../sync/domain/payouts';
import type { Platform, SaveFileResult } from '../../platform';

/** Adds a withdrawal request with status `requested`; it is pushed when online. */
export async function requestWithdrawal(db: WorkstationDatabase, partnerId: string, request: WithdrawalRequest): Promise<PayoutDoc> {
  const payout = payoutSchema.parse({
    id: crypto.randomUUID(),
    partner_id: partnerId,
    created_at: new Date().toISOString(),
    amount: request.amount,
    currency: request.currency,
    method: request.method,
    status: 'requested',
  });
  await db.payouts.insert(payout);
  return payout;
}

// ---------------------------------------------------------------------------------------------
// The yearly goal: profiles have no column for it, so it stays on this device with the workspace.

const goalDocumentId = (partnerId: string) => `commission-goal.${partnerId}`;
const storedGoalSchema = z.object({ goals: z.array(earningsGoalSchema) });

function parseGoals(data: unknown): EarningsGoal[] {
  const parsed = storedGoalSchema.safeParse(data);
  return parsed.success ? parsed.data.goals : [];
}

export function observeEarningsGoals(db: WorkstationDatabase, partnerId: string): Observable<EarningsGoal[]> {
  return db.getLocal$<unknown>(goalDocumentId(partnerId)).pipe(map((doc) => parseGoals(doc?.toJSON().data)));
}

/** Sets the goal for its year and currency, replacing an earlier one. */
export async function saveEarningsGoal(db: WorkstationDatabase, partnerId: string, goal: EarningsGoal): Promise<void> {
  const existing = await db.getLocal<unknown>(goalDocumentId(partnerId));
  const others = parseGoals(existing?.toJSON().data).filter((entry) => !(entry.year === goal.year && entry.currency === goal.currency));
  await db.upsertLocal(goalDocumentId(partnerId), { goals: [...others, earningsGoalSchema.parse(goal)] });
}

// ---------------------------------------------------------------------------------------------
// Files

/** A BOM so spreadsheet programs open the UTF-8 text with the right accents. */
function csvBytes(text: string): Uint8Array {
  return new TextEncoder().encode(`\ufeff${text}`);
}

function today(): string {
  return new Date().toISOString().slice(0, 10);
}

export function saveCommissionLinesCsv(platform: Platform, rows: readonly CommissionLineRow[]): Promise<SaveFileResult> {
  return platform.saveFile({ suggestedName: `siso-commission-lines-${today()}.csv`, mimeType: 'text/csv', data: csvBytes(commissionLinesToCsv(rows)) });
}

const PAYOUT_STATUS_WORDS: Record<PayoutDoc['status'], string> = { requested: 'Requested', approved: 'Approved', paid: 'Paid', rejected: 'Rejected' };

export function payoutStatusWord(status: PayoutDoc['status']): string {
  return PAYOUT_STATUS_WORDS[status];
}

export function savePayoutHistoryCsv(
  platform: Platform,
  payouts: readonly Pick<PayoutDoc, 'created_at' | 'amount' | 'currency' | 'method' | 'status' | 'reference' | 'reason' | 'paid_at'>[],
): Promise<SaveFileResult> {
  const text = toCsv([
    ['Requested', 'Amount', 'Currency', 'Method', 'Status', 'Paid on', 'Reference', 'Reason'],
    ...payouts.map((payout) => [
      payout.created_at.slice(0, 10),
      payout.amount.toFixed(2),
      payout.currency,
      payout.method === 'paypal' ? 'PayPal' : 'Bank account',
      payoutStatusWord(payout.status),
      payout.paid_at ? payout.paid_at.slice(0, 10) : '',
      payout.reference ?? '',
      payout.reason ?? '',
    ]),
  ]);
  return platform.saveFile({ suggestedName: `siso-payout-history-${today()}.csv`, mimeType: 'text/csv', data: csvBytes(text) });
}

// ---------------------------------------------------------------------------------------------
// Payment details: online only, through the signed-in client

export class PaymentDetailsError extends Error {}

function sentenceFor(action: string, error: { message: string; code?: string }): string {
  const message = error.message.trim();
  if (/fetch|network|NetworkError/i.test(message)) {
    return `Could not ${action}: the server could not be reached. Check your connection; what you typed is still in the form.`;
  }
  // The RPCs raise sentences written for partners (validation, sign-in); show them as they are.
  return `Could not ${action}: ${message.endsWith('.') ? message : `${message}.`}`;
}

function parseSummary<T>(schema: z.ZodType<T>, data: unknown, action: string): T {
  try {
    const parsed = schema.safeParse(typeof data === 'string' ? JSON.parse(data) : data);
    if (parsed.success) return parsed.data;
  } catch {
    // Falls through to the sentence below.
  }
  throw new PaymentDetailsError(`The server saved your details but its reply could not be read, so ${action} cannot be confirmed here. It appears under Payment management once sync brings your profile.`);
}

export interface PaymentDetailsWrites {
  setPayoutMethod(input: PayoutMethodInput): Promise<MaskedPayoutMethod>;
  setTaxDetails(input: TaxDetailsInput): Promise<MaskedTaxDetails>;
  /** Switches automatic withdrawals on or off (set_payout_schedule); resolves with the saved value. */
  setPayoutAutomatic(automatic: boolean): Promise<boolean>;
}

export function createPaymentDetailsWrites(client: SupabaseClient): PaymentDetailsWrites {
  return {
    async setPayoutMethod(input) {
      const args =
        input.kind === 'bank'
          ? { kind: 'bank', account_holder: input.account_holder, iban: input.iban, bic: input.bic || null }
          : { kind: 'paypal', paypal_email: input.paypal_email };
      const { data, error } = await client.rpc('set_payout_method', args);
      if (error) throw new PaymentDetailsError(sentenceFor('save the payout method', error));
      return parseSummary(maskedPayoutMethodSchema, data, 'the payout method');
    },
    async setTaxDetails(input) {
      const { data, error } = await client.rpc('set_tax_details', { legal_name: input.legal_name, country: input.country, tax_id: input.tax_id });
      if (error) throw new PaymentDetailsError(sentenceFor('save the tax details', error));
      return parseSummary(maskedTaxDetailsSchema, data, 'the tax details');
    },
    async setPayoutAutomatic(automatic) {
      const action = automatic ? 'switch on automatic withdrawals' : 'switch off automatic withdrawals';
      const { data, error } = await client.rpc('set_payout_schedule', { automatic });
      if (error) throw new PaymentDetailsError(sentenceFor(action, error));
      const saved = z.boolean().safeParse(data);
      if (!saved.success) throw new PaymentDetailsError(`The server's reply could not be read, so whether it managed to ${action} cannot be confirmed here. Payment management shows the setting once sync brings your profile.`);
      return saved.data;
    },
  };
}
