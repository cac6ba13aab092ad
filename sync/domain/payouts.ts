/**
 * Money a partner can withdraw, and the rules for asking for it: balances per currency, the
 * withdrawal checks the server also makes (same definitions as the SQL in migration payouts, so the
 * app refuses offline what the server would refuse later), the payout method and tax forms with
 * their masked summaries, and the payout schedule each tier gets.
 *
 * Balance definitions, per currency (never added across currencies):
 * - pending   = commission lines pending or processing (not withdrawable yet)
 * - approved  = lines approved, not yet paid (clawbacks are approved negative lines, so they are here)
 * - paid      = lines paid out
 * - reversed lines never count anywhere.
 * - committed = payouts requested, approved or paid (rejected and withdrawn requests don't count)
 * - available = approved + paid − committed. It can be negative after a clawback of money already
 *   paid: then it is shown as it is and withdrawal is blocked.
 *
 * Below Elite a partner withdraws only in their account currency (profiles.currency); Elite may
 * withdraw in any currency with a balance (SQL: partner_may_withdraw_in, migration payout_preferences).
 */
import { z } from 'zod';
import type { Tier } from '../schema/fields';
import type { PayoutMethod } from '../schema/payouts.schema';

/** The smallest withdrawal in any currency (SQL: payout_minimum). */
export const PAYOUT_MINIMUM = 50;

export interface BalanceLineInput {
  readonly kind: string;
  readonly commission_type?: string | null;
  readonly status: string;
  readonly amount: number;
  readonly currency: string;
  readonly _deleted?: boolean;
}

export interface BalancePayoutInput {
  readonly status: string;
  readonly amount: number;
  readonly currency: string;
  readonly _deleted?: boolean;
}

export interface CurrencyBalance {
  currency: string;
  pending: number;
  approved: number;
  paid: number;
  /** Sum of clawback lines that count (approved), as a negative number or 0. */
  clawedBack: number;
  /** Payouts requested or approved, not yet paid. */
  inFlight: number;
  /** Payouts paid. */
  paidOut: number;
  available: number;
  /** Why a withdrawal can't be requested now, as a sentence; null when it can. */
  withdrawalBlocked: string | null;
}

const COMMITTED_PAYOUT_STATUSES = new Set(['requested', 'approved', 'paid']);

function cents(value: number): number {
  return Math.round(value * 100) / 100;
}

export function formatAmount(amount: number, currency: string): string {
  return `${amount.toFixed(2)} ${currency}`;
}

/** Balances per currency, sorted by currency code. */
export function computeBalances(lines: readonly BalanceLineInput[], payouts: readonly BalancePayoutInput[]): CurrencyBalance[] {
  const byCurrency = new Map<string, CurrencyBalance>();
  const entry = (currency: string): CurrencyBalance => {
    let balance = byCurrency.get(currency);
    if (!balance) {
      balance = { currency, pending: 0, approved: 0, paid: 0, clawedBack: 0, inFlight: 0, paidOut: 0, available: 0, withdrawalBlocked: null };
      byCurrency.set(currency, balance);
    }
    return balance;
  };
  for (const line of lines) {
    if (line._deleted || line.kind !== 'commission' || !Number.isFinite(line.amount)) continue;
    const balance = entry(line.currency);
    if (line.status === 'pending' || line.status === 'processing') balance.pending += line.amount;
    else if (line.status === 'approved') balance.approved += line.amount;
    else if (line.status === 'paid') balance.paid += line.amount;
    if (line.commission_type === 'clawback' && (line.status === 'approved' || line.status === 'paid')) balance.clawedBack += line.amount;
  }
  for (const payout of payouts) {
    if (payout._deleted || !COMMITTED_PAYOUT_STATUSES.has(payout.status) || !Number.isFinite(payout.amount)) continue;
    const balance = entry(payout.currency);
    if (payout.status === 'paid') balance.paidOut += payout.amount;
    else balance.inFlight += payout.amount;
  }
  return [...byCurrency.values()]
    .map((balance) => {
      const rounded = {
        ...balance,
        pending: cents(balance.pending),
        approved: cents(balance.approved),
        paid: cents(balance.paid),
        clawedBack: cents(balance.clawedBack),
        inFlight: cents(balance.inFlight),
        paidOut: cents(balance.paidOut),
        available: cents(balance.approved + balance.paid - balance.inFlight - balance.paidOut),
      };
      return { ...rounded, withdrawalBlocked: withdrawalBlockedReason(rounded.available, rounded.currency) };
    })
    .sort((a, b) => a.currency.localeCompare(b.currency));
}

function withdrawalBlockedReason(available: number, currency: string): string | null {
  if (available < 0) {
    return `Your ${currency} balance is ${formatAmount(available, currency)} because commissions already paid were clawed back. New approved commissions make it up first; you can withdraw again once it reaches ${formatAmount(PAYOUT_MINIMUM, currency)}.`;
  }
  if (available < PAYOUT_MINIMUM) {
    return `You have ${formatAmount(available, currency)} available. The smallest withdrawal is ${formatAmount(PAYOUT_MINIMUM, currency)}, so wait until your approved commissions reach it.`;
  }
  return null;
}

// ---------------------------------------------------------------------------------------------
// Withdrawal requests

const amountField = z
  .number({ error: 'Enter the amount to withdraw as a number.' })
  .finite('Enter the amount to withdraw as a number.')
  .refine((value) => Math.abs(value * 100 - Math.round(value * 100)) < 1e-6, 'Use at most two decimal places.');

export interface WithdrawalContext {
  balances: readonly CurrencyBalance[];
  /** The methods SISO has details for (from the masked summary on the profile). */
  methodsOnFile: readonly PayoutMethod[];
  /** The partner's tier; null (not synced yet) counts as below Elite, as on the server. */
  tier: Tier | null;
  /** profiles.currency. */
  accountCurrency: string;
}

/** The tier whose partners may withdraw in currencies other than their account currency. */
export const MULTI_CURRENCY_WITHDRAWAL_TIER: Tier = 'elite';

export function mayWithdrawIn(tier: Tier | null, accountCurrency: string, currency: string): boolean {
  return tier === MULTI_CURRENCY_WITHDRAWAL_TIER || currency === accountCurrency;
}

/** The currencies a withdrawal can be requested in: the account currency, plus every balance's with Elite. */
export function withdrawalCurrencies(tier: Tier | null, accountCurrency: string, balances: readonly CurrencyBalance[]): string[] {
  const currencies = new Set([accountCurrency]);
  if (tier === MULTI_CURRENCY_WITHDRAWAL_TIER) for (const balance of balances) currencies.add(balance.currency);
  return [...currencies].sort();
}

/** The server's words (payouts_check_request) for a request in another currency below Elite. */
export function otherCurrencyRefusal(accountCurrency: string): string {
  return `Withdrawals in other currencies than your account currency (${accountCurrency}) come with the Elite tier.`;
}

/** The same checks, in the same words, as the server's payouts_check_request. */
export function withdrawalRequestSchema(context: WithdrawalContext) {
  return z
    .object({
      amount: amountField,
      currency: z.string().regex(/^[A-Z]{3}$/, 'Choose the currency to withdraw.'),
      method: z.enum(['bank', 'paypal'], { error: 'Choose bank or PayPal.' }),
    })
    .superRefine((request, ctx) => {
      const amount = formatAmount(request.amount, request.currency);
      if (!mayWithdrawIn(context.tier, context.accountCurrency, request.currency)) {
        ctx.addIssue({ code: 'custom', path: ['currency'], message: otherCurrencyRefusal(context.accountCurrency) });
        return;
      }
      if (request.amount < PAYOUT_MINIMUM) {
        const minimum = formatAmount(PAYOUT_MINIMUM, request.currency);
        ctx.addIssue({ code: 'custom', path: ['amount'], message: `The smallest withdrawal is ${minimum}, and you asked for ${amount}. Wait until your available balance reaches ${minimum}.` });
        return;
      }
      if (!context.methodsOnFile.includes(request.method)) {
        const label = request.method === 'paypal' ? 'PayPal account' : 'bank account';
        ctx.addIssue({ code: 'custom', path: ['method'], message: `There is no ${label} on file to pay this withdrawal into. Add one under Payment management, then request the withdrawal again.` });
        return;
      }
      const available = context.balances.find((balance) => balance.currency === request.currency)?.available ?? 0;
      if (request.amount > available + 1e-9) {
        ctx.addIssue({
          code: 'custom',
          path: ['amount'],
          message: `You asked to withdraw ${amount} but only ${formatAmount(available, request.currency)} is available. Request ${formatAmount(Math.max(available, 0), request.currency)} or less, or wait for more commissions to be approved.`,
        });
      }
    });
}
export type WithdrawalRequest = z.infer<ReturnType<typeof withdrawalRequestSchema>>;

// ---------------------------------------------------------------------------------------------
// Payout method and tax details: the forms (sent to the server's RPCs) and the masked summaries
// (what comes back on the profile)

/** ISO 13616 mod-97 check, as the server's iban_is_valid. Accepts spaces and dashes. */
export function normaliseIban(input: string): string {
  return input.replace(/[\s-]/g, '').toUpperCase();
}

export function ibanIsValid(input: string): boolean {
  const iban = normaliseIban(input);
  if (!/^[A-Z]{2}[0-9]{2}[A-Z0-9]{11,30}$/.test(iban)) return false;
  const rearranged = iban.slice(4) + iban.slice(0, 4);
  let remainder = 0;
  for (const char of rearranged) {
    const code = char.charCodeAt(0);
    remainder = code >= 48 && code <= 57 ? (remainder * 10 + (code - 48)) % 97 : (remainder * 100 + (code - 55)) % 97;
  }
  return remainder === 1;
}

const PAYPAL_EMAIL = /^[^@\s]+@[^@\s]+\.[^@\s]+$/;
const BIC = /^[A-Z]{6}[A-Z0-9]{2}([A-Z0-9]{3})?$/;

/** The set_payout_method arguments, validated before they leave the device. */
export const payoutMethodInputSchema = z.discriminatedUnion('kind', [
  z.object({
    kind: z.literal('bank'),
    account_holder: z.string().trim().min(2, 'Enter the account holder’s name as the bank knows it (2 to 140 characters).').max(140, 'Enter the account holder’s name as the bank knows it (2 to 140 characters).'),
    iban: z.string().refine(ibanIsValid, 'That IBAN is not valid. Check it against your bank statement: two letters, two check digits, then the account number.').transform(normaliseIban),
    bic: z
      .string()
      .transform((value) => value.replace(/\s/g, '').toUpperCase())
      .refine((value) => value === '' || BIC.test(value), 'That BIC (SWIFT code) is not valid. It has 8 or 11 letters and digits, e.g. NWBKGB2L.')
      .optional(),
  }),
  z.object({
    kind: z.literal('paypal'),
    paypal_email: z.string().trim().toLowerCase().max(254, 'Enter the e-mail address of your PayPal account, e.g. name@example.com.').regex(PAYPAL_EMAIL, 'Enter the e-mail address of your PayPal account, e.g. name@example.com.'),
  }),
]);
export type PayoutMethodInput = z.infer<typeof payoutMethodInputSchema>;

/** The set_tax_details arguments. */
export const taxDetailsInputSchema = z.object({
  legal_name: z.string().trim().min(2, 'Enter your legal name or your company’s registered name (2 to 200 characters).').max(200, 'Enter your legal name or your company’s registered name (2 to 200 characters).'),
  country: z.string().trim().toUpperCase().regex(/^[A-Z]{2}$/, 'Choose the country you pay tax in (a two-letter code such as GB).'),
  tax_id: z
    .string()
    .transform((value) => value.replace(/[\s.\-/]/g, '').toUpperCase())
    .refine((value) => /^[A-Z0-9]{5,20}$/.test(value), 'That tax ID is not valid. Enter 5 to 20 letters and digits, e.g. your VAT or UTR number.'),
});
export type TaxDetailsInput = z.infer<typeof taxDetailsInputSchema>;

/** profiles.payout_details as the server writes it: masked, never the full details. */
export const maskedPayoutMethodSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('bank'), account_holder: z.string(), country: z.string(), last4: z.string() }),
  z.object({ kind: z.literal('paypal'), email: z.string() }),
]);
export type MaskedPayoutMethod = z.infer<typeof maskedPayoutMethodSchema>;

/** profiles.tax_details as the server writes it. */
export const maskedTaxDetailsSchema = z.object({ legal_name: z.string(), country: z.string(), tax_id_last4: z.string() });
export type MaskedTaxDetails = z.infer<typeof maskedTaxDetailsSchema>;

function parseJsonText<T>(text: string | null | undefined, schema: z.ZodType<T>): T | null {
  if (!text) return null;
  try {
    const result = schema.safeParse(JSON.parse(text));
    return result.success ? result.data : null;
  } catch {
    return null;
  }
}

/** The masked payout method on a profile, or null when none is saved (or it predates masking). */
export function readMaskedPayoutMethod(payoutDetails: string | null | undefined): MaskedPayoutMethod | null {
  return parseJsonText(payoutDetails, maskedPayoutMethodSchema);
}

export function readMaskedTaxDetails(taxDetails: string | null | undefined): MaskedTaxDetails | null {
  return parseJsonText(taxDetails, maskedTaxDetailsSchema);
}

/** "Bank account GB •••• 4321 (Northwind Ltd)" or "PayPal j•••@example.com". */
export function describePayoutMethod(method: MaskedPayoutMethod): string {
  return method.kind === 'bank' ? `Bank account ${method.country} •••• ${method.last4} (${method.account_holder})` : `PayPal ${method.email}`;
}

// ---------------------------------------------------------------------------------------------
// Payout schedule per tier

export const PAYOUT_FREQUENCY_BY_TIER: Readonly<Record<Tier, PayoutFrequency>> = {
  starter: 'monthly',
  active: 'bi-weekly',
  performer: 'weekly',
  elite: 'real-time',
};
export type PayoutFrequency = 'monthly' | 'bi-weekly' | 'weekly' | 'real-time';

/** How often automatic withdrawals pay out, to finish "… paid automatically ___". */
const FREQUENCY_PHRASES: Record<PayoutFrequency, string> = {
  monthly: 'once a month',
  'bi-weekly': 'every two weeks',
  weekly: 'every week',
  'real-time': 'as soon as it is available',
};

const FREQUENCY_SENTENCES: Record<PayoutFrequency, string> = {
  monthly: 'Approved withdrawals are paid once a month.',
  'bi-weekly': 'Approved withdrawals are paid every two weeks.',
  weekly: 'Approved withdrawals are paid every week.',
  'real-time': 'Approved withdrawals are paid straight away.',
};

/**
 * The schedule for a tier: the published tier rule's payout_frequency when there is one (admins
 * may change it), otherwise the programme's default table.
 */
export function payoutScheduleFor(
  tier: Tier,
  rules: readonly { tier: Tier; benefits: { payout_frequency: PayoutFrequency } }[] = [],
): { frequency: PayoutFrequency; sentence: string; phrase: string } {
  const frequency = rules.find((rule) => rule.tier === tier)?.benefits.payout_frequency ?? PAYOUT_FREQUENCY_BY_TIER[tier];
  return { frequency, sentence: FREQUENCY_SENTENCES[frequency], phrase: FREQUENCY_PHRASES[frequency] };
}
