/**
 * The Commission center's charts for one currency: monthly earnings, earnings by commission type
 * this year, and year to date against the goal the partner sets (kept on this device).
 */
import { useMemo, useState, type FormEvent } from 'react';
import { COMMISSION_TYPE_LABELS } from '../../../sync/domain/commissions';
import { earningsByType, monthlyEarnings, yearToDate, type CommissionLineRow } from '../../../sync/domain/commission-lines';
import { earningsGoalSchema, goalProgress, type EarningsGoal } from '../../../sync/domain/commission-projection';
import type { WorkstationDatabase } from '../../../sync/schema/database';
import { BreakdownChart } from '../../ui/charts/BreakdownChart';
import { LineChart } from '../../ui/charts/LineChart';
import { FormField, SubmitRow } from '../../ui/FormField';
import { errorMessage } from '../../ui/error-message';
import { formatMoney, formatMoneyCompact, formatMonthKey } from '../../ui/format';
import { saveEarningsGoal } from './commission-writes';

export interface EarningsChartsProps {
  rows: readonly CommissionLineRow[];
  currency: string;
  month: string;
  goals: readonly EarningsGoal[];
  db: WorkstationDatabase;
  partnerId: string;
}

export function EarningsCharts({ rows, currency, month, goals, db, partnerId }: EarningsChartsProps) {
  const year = Number(month.slice(0, 4));
  const format = (value: number) => formatMoney(value, currency);
  const compact = (value: number) => formatMoneyCompact(value, currency);
  const monthly = useMemo(() => monthlyEarnings(rows, currency, month, 12), [rows, currency, month]);
  const thisYear = useMemo(() => new Set(monthly.filter((point) => point.month.startsWith(String(year))).map((point) => point.month)), [monthly, year]);
  const byType = useMemo(() => earningsByType(rows, currency, thisYear), [rows, currency, thisYear]);
  const ytd = useMemo(() => yearToDate(rows, currency, month), [rows, currency, month]);
  const goal = goals.find((entry) => entry.year === year && entry.currency === currency) ?? null;
  const earned = ytd.at(-1)?.cumulative ?? 0;

  return (
    <section aria-labelledby="earnings-charts-heading" className="commission-charts">
      <h2 id="earnings-charts-heading" className="commission-section-title">
        Earnings in {currency}
      </h2>
      <div className="commission-charts__grid">
        <section className="card" aria-labelledby="monthly-earnings-heading">
          <h3 id="monthly-earnings-heading">Monthly earnings</h3>
          <LineChart
            title={`Monthly earnings in ${currency}, last 12 months`}
            points={monthly.map((point) => ({ label: formatMonthKey(point.month).short, longLabel: formatMonthKey(point.month).long, value: point.amount }))}
            valueHeading="Earnings"
            formatValue={format}
            formatPointLabel={compact}
          />
        </section>
        <section className="card" aria-labelledby="by-type-heading">
          <h3 id="by-type-heading">By commission type, {year}</h3>
          <BreakdownChart
            title={`Earnings by commission type in ${currency}, ${year}`}
            labelHeading="Commission type"
            data={byType.map((entry) => ({ label: COMMISSION_TYPE_LABELS[entry.type], value: entry.amount }))}
            formatValue={format}
            formatBarLabel={compact}
            valueHeading="Amount"
            total={byType.reduce((sum, entry) => sum + entry.amount, 0)}
          />
        </section>
        <section className="card" aria-labelledby="ytd-heading">
          <h3 id="ytd-heading">Year to date vs goal</h3>
          <LineChart
            title={`Earnings so far in ${year} in ${currency}`}
            points={ytd.map((point) => ({ label: formatMonthKey(point.month).short, longLabel: formatMonthKey(point.month).long, value: point.cumulative }))}
            valueHeading="Earned so far"
            formatValue={format}
            formatPointLabel={compact}
            {...(goal ? { reference: { label: `Goal for ${year}`, value: goal.amount } } : {})}
          />
          <p className="card__text">
            {goal
              ? `${format(earned)} of your ${format(goal.amount)} goal for ${year} (${goalProgress(earned, goal)}%).`
              : `You have earned ${format(earned)} in ${year}. Set a goal to see how far along you are.`}
          </p>
          <GoalForm key={`${year}-${currency}`} db={db} partnerId={partnerId} year={year} currency={currency} current={goal} />
        </section>
      </div>
    </section>
  );
}

function GoalForm({ db, partnerId, year, currency, current }: { db: WorkstationDatabase; partnerId: string; year: number; currency: string; current: EarningsGoal | null }) {
  const [amount, setAmount] = useState(current ? String(current.amount) : '');
  const [error, setError] = useState<string | undefined>(undefined);
  const [busy, setBusy] = useState(false);
  const [saved, setSaved] = useState<string | null>(null);

  async function submit(event: FormEvent) {
    event.preventDefault();
    setSaved(null);
    const parsed = earningsGoalSchema.safeParse({ year, currency, amount: amount.trim() === '' ? Number.NaN : Number(amount) });
    if (!parsed.success) {
      setError(parsed.error.issues[0]?.message ?? 'Enter your goal as a number.');
      return;
    }
    setError(undefined);
    setBusy(true);
    try {
      await saveEarningsGoal(db, partnerId, parsed.data);
      setSaved(`Goal saved on this device: ${formatMoney(parsed.data.amount, currency)} for ${year}.`);
    } catch (caught) {
      setError(`The goal could not be saved on this device: ${errorMessage(caught)}`);
    } finally {
      setBusy(false);
    }
  }

  return (
    <form className="commission-goal" onSubmit={submit} noValidate>
      <FormField label={`Earnings goal for ${year} (${currency})`} error={error} hint="Kept on this device with this workspace; it is not sent to SISO.">
        <input type="number" inputMode="decimal" min="1" step="100" value={amount} onChange={(event) => setAmount(event.target.value)} />
      </FormField>
      <SubmitRow label="Save goal" busyLabel="Saving…" busy={busy} blocked={null} />
      <p role="status" className="commission-goal__status">
        {saved}
      </p>
    </form>
  );
}
