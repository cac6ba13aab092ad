/**
 * The pricing editor of a price-list template: each line with its unit price and quantity, the
 * optional lines to include, the discount against the tier's limit, the totals and the partner's
 * commission (never on the proposal). The raw form values and their validation live here too.
 */
import { z } from 'zod';
import { MAX_QUANTITY, computeQuote, commissionPreviewMinor, type Quote, type QuoteSelection } from '../../../sync/domain/proposals/quote';
import { PENDING_WATERMARK } from '../../../sync/domain/proposals/discount';
import type { PriceListItem } from '../../../sync/domain/proposals';
import { formatMoney } from '../../ui/format';

/** What the inputs hold, as typed (strings), so a half-typed number is not lost. */
export interface PricingFormValues {
  items: Record<string, { included: boolean; quantity: string }>;
  discount: string;
}

export type PricingFormErrors = { discount?: string; quantities?: Record<string, string> };

export function pricingFormFromSelection(selection: QuoteSelection): PricingFormValues {
  const items: PricingFormValues['items'] = {};
  for (const [id, item] of Object.entries(selection.items)) items[id] = { included: item.included, quantity: String(item.quantity) };
  return { items, discount: String(selection.discountPercent) };
}

const DISCOUNT_FORMAT = 'Enter the discount as a number from 0 to 100, e.g. 12.5.';
const discountSchema = z
  .string()
  .trim()
  .regex(/^(\d+([.,]\d*)?)?$/, DISCOUNT_FORMAT)
  .transform((raw) => (raw === '' ? 0 : Number(raw.replace(',', '.'))))
  .pipe(
    z
      .number(DISCOUNT_FORMAT)
      .min(0, 'A discount cannot be negative. Enter 0 for no discount.')
      .max(100, 'A discount cannot be more than 100%.')
      .refine((value) => Math.abs(Math.round(value * 100) - value * 100) < 1e-6, 'Use at most two decimal places in the discount, e.g. 12.5.'),
  );

function quantitySchema(label: string) {
  const message = `Enter a whole number from 1 to ${MAX_QUANTITY} as the quantity of ${label}.`;
  return z
    .string()
    .trim()
    .regex(/^\d+$/, message)
    .transform(Number)
    .pipe(z.int(message).min(1, message).max(MAX_QUANTITY, message));
}

/** The selection the form describes, or a sentence per field that is not valid. */
export function parsePricingForm(priceList: readonly PriceListItem[], values: PricingFormValues): { ok: true; selection: QuoteSelection } | { ok: false; errors: PricingFormErrors } {
  const errors: PricingFormErrors = {};
  const items: QuoteSelection['items'] = {};
  for (const item of priceList) {
    const raw = values.items[item.id] ?? { included: item.optional ? item.included : true, quantity: String(item.quantity) };
    const quantity = quantitySchema(item.label).safeParse(raw.quantity);
    if (!quantity.success) {
      errors.quantities = { ...errors.quantities, [item.id]: quantity.error.issues[0]?.message ?? `Check the quantity of ${item.label}.` };
      continue;
    }
    items[item.id] = { included: item.optional ? raw.included : true, quantity: quantity.data };
  }
  const discount = discountSchema.safeParse(values.discount);
  if (!discount.success) errors.discount = discount.error.issues[0]?.message ?? 'Check the discount.';
  if (errors.discount || errors.quantities || !discount.success) return { ok: false, errors };
  return { ok: true, selection: { items, discountPercent: discount.data } };
}

const minorToMajor = (minor: number, quote: Pick<Quote, 'fractionDigits'>) => minor / 10 ** quote.fractionDigits;

export function PricingEditor({
  priceList,
  currency,
  tax,
  values,
  errors,
  selection,
  discountLimit,
  approvedUpTo,
  ratePercent,
  onChange,
}: {
  priceList: readonly PriceListItem[];
  currency: string;
  tax: { label: string; percent: number } | undefined;
  values: PricingFormValues;
  errors: PricingFormErrors;
  /** The last valid selection: totals follow it while a field is being corrected. */
  selection: QuoteSelection;
  discountLimit: number;
  /** The largest discount SISO already approved for this proposal, if any. */
  approvedUpTo: number | null;
  ratePercent: number | null;
  onChange(values: PricingFormValues): void;
}) {
  const quote = computeQuote(priceList, selection, currency, tax);
  const money = (minor: number) => formatMoney(minorToMajor(minor, quote), currency);
  const itemValue = (item: PriceListItem) => values.items[item.id] ?? { included: item.optional ? item.included : true, quantity: String(item.quantity) };
  const setItem = (item: PriceListItem, change: Partial<{ included: boolean; quantity: string }>) =>
    onChange({ ...values, items: { ...values.items, [item.id]: { ...itemValue(item), ...change } } });
  const overLimit = selection.discountPercent > discountLimit;
  const covered = overLimit && approvedUpTo !== null && approvedUpTo >= selection.discountPercent;

  return (
    <fieldset className="pricing-editor">
      <legend className="visually-hidden">Pricing</legend>
      <ul className="pricing-editor__lines" aria-label="Price list">
        {priceList.map((item) => {
          const value = itemValue(item);
          const line = quote.lines.find((candidate) => candidate.id === item.id);
          const quantityError = errors.quantities?.[item.id];
          const quantityId = `pricing-quantity-${item.id}`;
          return (
            <li key={item.id} className="pricing-editor__line" data-included={line?.included ? 'true' : 'false'}>
              <div className="pricing-editor__line-head">
                {item.optional ? (
                  <label className="pricing-editor__include">
                    <input type="checkbox" checked={value.included} onChange={(event) => setItem(item, { included: event.target.checked })} />
                    <span className="visually-hidden">Include </span>
                    <span className="pricing-editor__label">{item.label}</span>
                  </label>
                ) : (
                  <span className="pricing-editor__label">{item.label}</span>
                )}
                <span className="pricing-editor__amount">{line?.included ? money(line.amountMinor) : 'Not included'}</span>
              </div>
              {item.description ? <p className="pricing-editor__description">{item.description}</p> : null}
              <div className="pricing-editor__line-controls">
                <span className="pricing-editor__unit">
                  {formatMoney(item.unit_price, currency)}
                  {item.unit ? ` per ${item.unit}` : ' each'}
                  {item.optional ? ' · optional' : ''}
                </span>
                <label className="pricing-editor__quantity" htmlFor={quantityId}>
                  <span aria-hidden="true">Qty</span>
                  <input
                    id={quantityId}
                    type="number"
                    inputMode="numeric"
                    min={1}
                    max={MAX_QUANTITY}
                    step={1}
                    aria-label={`Quantity of ${item.label}`}
                    aria-invalid={quantityError ? true : undefined}
                    aria-describedby={quantityError ? `${quantityId}-error` : undefined}
                    disabled={item.optional && !value.included}
                    value={value.quantity}
                    onChange={(event) => setItem(item, { quantity: event.target.value })}
                  />
                </label>
              </div>
              {quantityError ? (
                <p id={`${quantityId}-error`} className="form-field__error">
                  {quantityError}
                </p>
              ) : null}
            </li>
          );
        })}
      </ul>

      <p className="pricing-editor__policy">
        A discount above {discountLimit}% is sent to SISO for approval, and the PDF carries the “{PENDING_WATERMARK}” watermark until SISO approves it.
      </p>
      <div className="form-field">
        <label htmlFor="pricing-discount">Discount (%)</label>
        <input
          id="pricing-discount"
          type="number"
          inputMode="decimal"
          min={0}
          max={100}
          step={0.5}
          value={values.discount}
          aria-invalid={errors.discount ? true : undefined}
          aria-describedby={`pricing-discount-hint${errors.discount ? ' pricing-discount-error' : ''}`}
          onChange={(event) => onChange({ ...values, discount: event.target.value })}
        />
        <span id="pricing-discount-hint" className="form-field__hint">
          Your tier allows up to {discountLimit}% without approval.
        </span>
        {errors.discount ? (
          <span id="pricing-discount-error" className="form-field__error">
            {errors.discount}
          </span>
        ) : null}
      </div>
      {overLimit ? (
        <p className="pricing-editor__approval" role="status">
          {covered
            ? `SISO already approved a discount of up to ${approvedUpTo}% for this proposal, so this version needs no new approval.`
            : `${selection.discountPercent}% is more than your tier allows: saving sends it to SISO for approval, and the PDF is marked “${PENDING_WATERMARK}” until then.`}
        </p>
      ) : null}

      <table className="pricing-editor__totals">
        <caption className="visually-hidden">Totals</caption>
        <tbody>
          <tr>
            <th scope="row">Subtotal</th>
            <td>{money(quote.subtotalMinor)}</td>
          </tr>
          {quote.discountMinor > 0 ? (
            <tr>
              <th scope="row">Discount ({quote.discountPercent}%)</th>
              <td>−{money(quote.discountMinor)}</td>
            </tr>
          ) : null}
          {quote.tax ? (
            <tr>
              <th scope="row">
                {quote.tax.label} ({quote.tax.percent}%)
              </th>
              <td>{money(quote.tax.amountMinor)}</td>
            </tr>
          ) : null}
          <tr className="pricing-editor__total">
            <th scope="row">Total</th>
            <td>{money(quote.totalMinor)}</td>
          </tr>
        </tbody>
      </table>
      <div className="pricing-editor__commission">
        <p>
          {ratePercent === null
            ? 'Your commission shows here once your partner status has synced.'
            : `Your commission at ${ratePercent}%: ${money(commissionPreviewMinor(quote, ratePercent))}`}
        </p>
        <p className="form-field__hint">Only you see this; it is not shown to the client or printed on the proposal.</p>
      </div>
    </fieldset>
  );
}
