/**
 * Payment management: the payout method and tax details (sent to SISO's RPCs online; only masked
 * summaries come back on the profile), the payout schedule for the tier with the automatic
 * withdrawals switch (online only), withdrawal requests (saved locally, sent when online; other
 * currencies than the account's with Elite only) and the payout history with its CSV export.
 */
import { useState, type FormEvent } from 'react';
import type { SupabaseClient } from '@supabase/supabase-js';
import {
  MULTI_CURRENCY_WITHDRAWAL_TIER,
  PAYOUT_MINIMUM,
  describePayoutMethod,
  otherCurrencyRefusal,
  withdrawalCurrencies,
  payoutMethodInputSchema,
  taxDetailsInputSchema,
  withdrawalRequestSchema,
  type CurrencyBalance,
  type MaskedPayoutMethod,
  type MaskedTaxDetails,
} from '../../../sync/domain/payouts';
import type { WorkstationDatabase } from '../../../sync/schema/database';
import type { Tier } from '../../../sync/schema/fields';
import { tierLabel as labelOfTier } from '../../../sync/domain/tiers';
import type { PayoutMethod } from '../../../sync/schema/payouts.schema';
import type { PlainDoc } from '../../data/collection-queries';
import { usePlatform } from '../../platform';
import { useOnlineStatus } from '../../platform/online-status';
import { useTierAccess } from '../../session/use-entitlement';
import { Dialog } from '../../ui/Dialog';
import { FormField, SubmitRow, FormAlert } from '../../ui/FormField';
import { errorMessage } from '../../ui/error-message';
import { formatDate, formatMoney } from '../../ui/format';
import { createPaymentDetailsWrites, payoutStatusWord, requestWithdrawal, savePayoutHistoryCsv } from './commission-writes';

export interface PaymentManagementProps {
  db: WorkstationDatabase;
  partnerId: string;
  client: SupabaseClient | null;
  isDemo: boolean;
  balances: readonly CurrencyBalance[];
  payouts: readonly PlainDoc<'payouts'>[];
  payoutMethod: MaskedPayoutMethod | null;
  /** profiles.payout_method, for rows saved before masked summaries. */
  payoutMethodKind: string | null;
  taxDetails: MaskedTaxDetails | null;
  schedule: { sentence: string; phrase: string } | null;
  tierLabel: string | null;
  /** profiles.payout_automatic, as last synced. */
  payoutAutomatic: boolean;
  homeCurrency: string;
  timeZone: string;
}

function useServerBlock(client: SupabaseClient | null, isDemo: boolean, what: string): string | null {
  const online = useOnlineStatus();
  if (isDemo) return `The demo workspace has no server, so it cannot store ${what}: SISO keeps them for you, which needs a SISO account. Sign in with your account to add them.`;
  if (!client) return `Sync has not started for this workspace, so ${what} cannot be sent to SISO yet. Restart the app and try again.`;
  if (!online) return `You are offline. ${what.charAt(0).toUpperCase()}${what.slice(1)} go straight to SISO and are never kept on this device, so they can only be saved online; what you typed stays in the form until you reconnect.`;
  return null;
}

export function PaymentManagement(props: PaymentManagementProps) {
  const platform = usePlatform();
  const [dialog, setDialog] = useState<'method' | 'withdraw' | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const [methodJustSaved, setMethodJustSaved] = useState<MaskedPayoutMethod | null>(null);
  const tier = useTierAccess()?.tier ?? null;
  const method = props.payoutMethod ?? methodJustSaved;
  const methodsOnFile: PayoutMethod[] = method ? [method.kind] : props.payoutMethodKind === 'bank' || props.payoutMethodKind === 'paypal' ? [props.payoutMethodKind] : [];

  async function exportHistory() {
    try {
      const result = await savePayoutHistoryCsv(platform, props.payouts);
      setNotice(result.saved ? 'Payout history exported as CSV.' : 'The export was cancelled; nothing was saved.');
    } catch (caught) {
      setNotice(`The payout history could not be saved: ${errorMessage(caught)}`);
    }
  }

  return (
    <section aria-labelledby="payment-management-heading" className="commission-payments">
      <h2 id="payment-management-heading" className="commission-section-title">
        Payment management
      </h2>
      <div className="commission-payments__grid">
        <section className="card" aria-labelledby="payout-method-heading">
          <h3 id="payout-method-heading">Payout method</h3>
          <p className="commission-payments__summary">{method ? describePayoutMethod(method) : 'No payout method yet.'}</p>
          <p className="card__text">Only a masked summary is kept on this device; SISO holds the full details.</p>
          <div className="button-row">
            <button type="button" className="button" onClick={() => setDialog('method')}>
              Set payout method
            </button>
          </div>
        </section>
        <section className="card" aria-labelledby="schedule-heading">
          <h3 id="schedule-heading">Withdrawals</h3>
          <p className="card__text">
            {props.schedule ? `${props.tierLabel ? `${props.tierLabel} tier: ` : ''}${props.schedule.sentence}` : 'Your payout schedule arrives with your tier on the first sync.'} Request a
            withdrawal when your available balance reaches {formatMoney(PAYOUT_MINIMUM, props.homeCurrency)}
            {tier === MULTI_CURRENCY_WITHDRAWAL_TIER ? ' (or the same amount in another currency)' : ''}.
          </p>
          <AutomaticWithdrawals
            client={props.client}
            isDemo={props.isDemo}
            saved={props.payoutAutomatic}
            schedulePhrase={props.schedule?.phrase ?? null}
            tierLabel={props.tierLabel}
            hasMethod={methodsOnFile.length > 0}
            homeCurrency={props.homeCurrency}
          />
          <div className="button-row">
            <button type="button" className="button button--primary" onClick={() => setDialog('withdraw')}>
              Request withdrawal
            </button>
          </div>
        </section>
        <TaxDetailsForm {...props} />
      </div>
      <p role="status" className="commission-payments__notice">
        {notice}
      </p>
      <section className="card" aria-labelledby="payout-history-heading">
        <div className="commission-lines__head">
          <h3 id="payout-history-heading">Payout history</h3>
          <button type="button" className="button" onClick={() => void exportHistory()} disabled={props.payouts.length === 0}>
            Export payout history
          </button>
        </div>
        {props.payouts.length === 0 ? (
          <p className="card__text">No withdrawals yet.</p>
        ) : (
          <div className="table-scroll">
            <table className="data-table" aria-labelledby="payout-history-heading">
              <thead>
                <tr>
                  <th scope="col">Requested</th>
                  <th scope="col" className="numeric">Amount</th>
                  <th scope="col">Method</th>
                  <th scope="col">Status</th>
                  <th scope="col">Details</th>
                </tr>
              </thead>
              <tbody>
                {props.payouts.map((payout) => (
                  <tr key={payout.id}>
                    <td>{formatDate(payout.created_at, props.timeZone)}</td>
                    <td className="numeric">{formatMoney(payout.amount, payout.currency)}</td>
                    <td>{payout.method === 'paypal' ? 'PayPal' : 'Bank account'}</td>
                    <td>
                      <span className="commission-status" data-status={payout.status}>
                        {payoutStatusWord(payout.status)}
                      </span>
                    </td>
                    <td>
                      {payout.status === 'paid'
                        ? `Paid ${payout.paid_at ? formatDate(payout.paid_at, props.timeZone) : ''}${payout.reference ? `, reference ${payout.reference}` : ''}`
                        : payout.status === 'rejected'
                          ? (payout.reason ?? 'No reason was given.')
                          : payout.status === 'approved'
                            ? 'Approved; payment is on its way.'
                            : 'Waiting for SISO to approve.'}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </section>
      {dialog === 'method' ? (
        <PayoutMethodDialog
          client={props.client}
          isDemo={props.isDemo}
          onClose={() => setDialog(null)}
          onSaved={(summary) => {
            setMethodJustSaved(summary);
            setDialog(null);
            setNotice(`Payout method saved: ${describePayoutMethod(summary)}.`);
          }}
        />
      ) : null}
      {dialog === 'withdraw' ? (
        <WithdrawalDialog
          db={props.db}
          partnerId={props.partnerId}
          balances={props.balances}
          methodsOnFile={methodsOnFile}
          tier={tier}
          homeCurrency={props.homeCurrency}
          onClose={() => setDialog(null)}
          onSent={(text) => {
            setDialog(null);
            setNotice(text);
          }}
        />
      ) : null}
    </section>
  );
}

function PayoutMethodDialog({
  client,
  isDemo,
  onClose,
  onSaved,
}: {
  client: SupabaseClient | null;
  isDemo: boolean;
  onClose(): void;
  onSaved(summary: MaskedPayoutMethod): void;
}) {
  const [kind, setKind] = useState<'bank' | 'paypal'>('bank');
  const [holder, setHolder] = useState('');
  const [iban, setIban] = useState('');
  const [email, setEmail] = useState('');
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [failure, setFailure] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const blocked = useServerBlock(client, isDemo, 'payout details');

  async function submit(event: FormEvent) {
    event.preventDefault();
    setFailure(null);
    const parsed = payoutMethodInputSchema.safeParse(kind === 'bank' ? { kind, account_holder: holder, iban } : { kind, paypal_email: email });
    if (!parsed.success) {
      setErrors(Object.fromEntries(parsed.error.issues.map((issue) => [String(issue.path[0]), issue.message])));
      return;
    }
    setErrors({});
    if (!client || blocked) return;
    setBusy(true);
    try {
      const summary = await createPaymentDetailsWrites(client).setPayoutMethod(parsed.data);
      onSaved(summary);
    } catch (caught) {
      setFailure(errorMessage(caught));
    } finally {
      setBusy(false);
    }
  }

  return (
    <Dialog title="Payout method" onClose={onClose} busy={busy}>
      <form onSubmit={submit} noValidate className="commission-dialog-form">
        <fieldset className="choice-group">
          <legend>Pay me by</legend>
          <label className="choice">
            <input type="radio" name="payout-kind" value="bank" checked={kind === 'bank'} onChange={() => setKind('bank')} />
            <span className="choice__text">
              <span className="choice__label">Bank account</span>
            </span>
          </label>
          <label className="choice">
            <input type="radio" name="payout-kind" value="paypal" checked={kind === 'paypal'} onChange={() => setKind('paypal')} />
            <span className="choice__text">
              <span className="choice__label">PayPal</span>
            </span>
          </label>
        </fieldset>
        {kind === 'bank' ? (
          <>
            <FormField label="Account holder" error={errors['account_holder']}>
              <input type="text" autoComplete="name" value={holder} onChange={(event) => setHolder(event.target.value)} />
            </FormField>
            <FormField label="IBAN" error={errors['iban']} hint="Two letters, two check digits, then the account number; spaces are fine.">
              <input type="text" autoComplete="off" spellCheck={false} value={iban} onChange={(event) => setIban(event.target.value)} />
            </FormField>
          </>
        ) : (
          <FormField label="PayPal email" error={errors['paypal_email']}>
            <input type="email" autoComplete="email" value={email} onChange={(event) => setEmail(event.target.value)} />
          </FormField>
        )}
        <FormAlert message={failure} />
        <SubmitRow label="Save payout method" busyLabel="Saving…" busy={busy} blocked={blocked} onCancel={onClose} />
      </form>
    </Dialog>
  );
}

function TaxDetailsForm({ client, isDemo, taxDetails }: PaymentManagementProps) {
  const [legalName, setLegalName] = useState('');
  const [country, setCountry] = useState('');
  const [taxId, setTaxId] = useState('');
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [failure, setFailure] = useState<string | null>(null);
  const [saved, setSaved] = useState<MaskedTaxDetails | null>(null);
  const [busy, setBusy] = useState(false);
  const blocked = useServerBlock(client, isDemo, 'tax details');
  const summary = taxDetails ?? saved;

  async function submit(event: FormEvent) {
    event.preventDefault();
    setFailure(null);
    const parsed = taxDetailsInputSchema.safeParse({ legal_name: legalName, country, tax_id: taxId });
    if (!parsed.success) {
      setErrors(Object.fromEntries(parsed.error.issues.map((issue) => [String(issue.path[0]), issue.message])));
      return;
    }
    setErrors({});
    if (!client || blocked) return;
    setBusy(true);
    try {
      setSaved(await createPaymentDetailsWrites(client).setTaxDetails(parsed.data));
      setLegalName('');
      setCountry('');
      setTaxId('');
    } catch (caught) {
      setFailure(errorMessage(caught));
    } finally {
      setBusy(false);
    }
  }

  return (
    <section className="card" aria-labelledby="tax-heading">
      <h3 id="tax-heading">Tax information</h3>
      <p className="commission-payments__summary">
        {summary ? `${summary.legal_name}, ${summary.country}, tax ID •••• ${summary.tax_id_last4}` : 'No tax details yet.'}
      </p>
      <form onSubmit={submit} noValidate className="commission-dialog-form">
        <FormField label="Legal name" error={errors['legal_name']}>
          <input type="text" autoComplete="organization" value={legalName} onChange={(event) => setLegalName(event.target.value)} />
        </FormField>
        <FormField label="Country" error={errors['country']} hint="Where you pay tax, as two letters, e.g. GB.">
          <input type="text" autoComplete="country" maxLength={2} size={4} value={country} onChange={(event) => setCountry(event.target.value)} />
        </FormField>
        <FormField label="Tax ID" error={errors['tax_id']}>
          <input type="text" autoComplete="off" spellCheck={false} value={taxId} onChange={(event) => setTaxId(event.target.value)} />
        </FormField>
        <FormAlert message={failure} />
        <SubmitRow label="Save tax details" busyLabel="Saving…" busy={busy} blocked={blocked} />
      </form>
    </section>
  );
}

function WithdrawalDialog({
  db,
  partnerId,
  balances,
  methodsOnFile,
  tier,
  homeCurrency,
  onClose,
  onSent,
}: {
  db: WorkstationDatabase;
  partnerId: string;
  balances: readonly CurrencyBalance[];
  methodsOnFile: readonly PayoutMethod[];
  tier: Tier | null;
  homeCurrency: string;
  onClose(): void;
  onSent(text: string): void;
}) {
  const currencies = withdrawalCurrencies(tier, homeCurrency, balances);
  const best = balances.filter((balance) => currencies.includes(balance.currency)).sort((a, b) => b.available - a.available)[0];
  const [currency, setCurrency] = useState(best?.currency ?? homeCurrency);
  const [amount, setAmount] = useState('');
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [busy, setBusy] = useState(false);
  const available = balances.find((balance) => balance.currency === currency)?.available ?? 0;

  async function submit(event: FormEvent) {
    event.preventDefault();
    const schema = withdrawalRequestSchema({ balances, methodsOnFile, tier, accountCurrency: homeCurrency });
    const parsed = schema.safeParse({ amount: amount.trim() === '' ? Number.NaN : Number(amount.replace(/,/g, '')), currency, method: methodsOnFile[0] ?? 'bank' });
    if (!parsed.success) {
      setErrors(Object.fromEntries(parsed.error.issues.map((issue) => [String(issue.path[0]), issue.message])));
      return;
    }
    setErrors({});
    setBusy(true);
    try {
      await requestWithdrawal(db, partnerId, parsed.data);
      onSent(`Withdrawal of ${formatMoney(parsed.data.amount, parsed.data.currency)} requested. It is sent to SISO now, or when you are next online, and shows as Requested below until SISO approves it.`);
    } catch (caught) {
      setErrors({ form: `The request could not be saved on this device: ${errorMessage(caught)}` });
      setBusy(false);
    }
  }

  return (
    <Dialog title="Request withdrawal" onClose={onClose} busy={busy}>
      <form onSubmit={submit} noValidate className="commission-dialog-form">
        <FormField label="Amount" error={errors['amount']} hint={`${formatMoney(available, currency)} available; the smallest withdrawal is ${formatMoney(PAYOUT_MINIMUM, currency)}.`}>
          <input type="text" inputMode="decimal" value={amount} onChange={(event) => setAmount(event.target.value)} />
        </FormField>
        <FormField
          label="Currency"
          error={errors['currency']}
          hint={tier === MULTI_CURRENCY_WITHDRAWAL_TIER ? undefined : `${otherCurrencyRefusal(homeCurrency)} You are on ${tier ? labelOfTier(tier) : 'your current tier'}.`}
        >
          <select value={currency} onChange={(event) => setCurrency(event.target.value)}>
            {currencies.map((code) => (
              <option key={code} value={code}>
                {code}
              </option>
            ))}
          </select>
        </FormField>
        {errors['method'] || errors['form'] ? (
          <p className="inline-message" role="alert">
            {errors['method'] ?? errors['form']}
          </p>
        ) : null}
        <SubmitRow label="Send request" busyLabel="Saving…" busy={busy} blocked={null} onCancel={onClose} />
      </form>
    </Dialog>
  );
}

function useAutomaticWithdrawalsBlock(client: SupabaseClient | null, isDemo: boolean): string | null {
  const online = useOnlineStatus();
  if (isDemo) return 'Automatic withdrawals are run by SISO’s server, which needs a SISO account; the demo workspace has none. Sign in with your account to switch them on.';
  if (!client) return 'Sync has not started for this workspace, so this setting cannot be sent to SISO yet. Restart the app and try again.';
  if (!online) return 'You are offline. This setting is kept by SISO’s server, so it can be changed once you reconnect; until then it stays as it is.';
  return null;
}

/** The switch for set_payout_schedule: shows the saved value until the synced profile catches up. */
function AutomaticWithdrawals({
  client,
  isDemo,
  saved,
  schedulePhrase,
  tierLabel,
  hasMethod,
  homeCurrency,
}: {
  client: SupabaseClient | null;
  isDemo: boolean;
  saved: boolean;
  schedulePhrase: string | null;
  tierLabel: string | null;
  hasMethod: boolean;
  homeCurrency: string;
}) {
  const blocked = useAutomaticWithdrawalsBlock(client, isDemo);
  // What the RPC returned, and the synced value at that moment: once sync brings a different
  // value (this change arriving, or one from another device), the synced value wins.
  const [justSaved, setJustSaved] = useState<{ value: boolean; syncedAt: boolean } | null>(null);
  // The value being sent, shown while the request runs; a refusal puts the box back.
  const [sending, setSending] = useState<boolean | null>(null);
  const [failure, setFailure] = useState<string | null>(null);
  const busy = sending !== null;
  const checked = sending ?? (justSaved && justSaved.syncedAt === saved ? justSaved.value : saved);
  const hintId = 'automatic-withdrawals-hint';
  const reasonId = 'automatic-withdrawals-blocked';

  async function toggle(next: boolean) {
    if (!client || blocked) return;
    setFailure(null);
    setSending(next);
    try {
      const value = await createPaymentDetailsWrites(client).setPayoutAutomatic(next);
      setJustSaved({ value, syncedAt: saved });
    } catch (caught) {
      setFailure(errorMessage(caught));
    } finally {
      setSending(null);
    }
  }

  const schedule = schedulePhrase ? `${tierLabel ? `On ${tierLabel}, ` : ''}SISO pays your available balance ${schedulePhrase}` : 'SISO pays your available balance on your tier’s schedule';
  return (
    <div className="commission-payments__automatic">
      <label className="choice">
        <input
          type="checkbox"
          checked={checked}
          disabled={busy || blocked !== null}
          aria-describedby={[hintId, blocked ? reasonId : null].filter(Boolean).join(' ')}
          onChange={(event) => void toggle(event.target.checked)}
        />
        <span className="choice__text">
          <span className="choice__label">Pay my available balance automatically</span>
        </span>
      </label>
      <p id={hintId} className="form-field__hint">
        {schedule} once it reaches {formatMoney(PAYOUT_MINIMUM, homeCurrency)}, into your payout method.
        {hasMethod ? '' : ' Set a payout method first: without one nothing is paid automatically.'}
      </p>
      {blocked ? (
        <p id={reasonId} className="inline-message">
          {blocked}
        </p>
      ) : null}
      <p role="status" className="commission-payments__notice">
        {/* After a save the notice follows the box, so it stays when sync brings the same value back. */}
        {busy ? 'Saving…' : justSaved ? (checked ? 'Automatic withdrawals are on.' : 'Automatic withdrawals are off; request withdrawals yourself.') : null}
      </p>
      <FormAlert message={failure} />
    </div>
  );
}
