/** Statements: a monthly statement and an annual summary for tax, made as PDFs on this device. */
import { useMemo, useState } from 'react';
import { shiftMonth } from '../../../sync/domain/commission-lines';
import { usePlatform } from '../../platform';
import { errorMessage } from '../../ui/error-message';
import { formatMonthKey } from '../../ui/format';
import { downloadCommissionStatement, type StatementSource } from './statement-download';
import type { CommissionsData } from './use-commissions-data';

export function StatementsPanel({ data }: { data: CommissionsData }) {
  const platform = usePlatform();
  const months = useMemo(() => {
    const earliest = data.rows.reduce((min, row) => (row.month < min ? row.month : min), data.month);
    const list: string[] = [];
    for (let month = data.month; month >= earliest && list.length < 36; month = shiftMonth(month, -1)) list.push(month);
    return list;
  }, [data.rows, data.month]);
  const years = useMemo(() => [...new Set(months.map((month) => Number(month.slice(0, 4))))], [months]);
  const [month, setMonth] = useState(months[1] ?? months[0] ?? data.month);
  const [year, setYear] = useState(years[0] ?? Number(data.month.slice(0, 4)));
  const [busy, setBusy] = useState(false);
  const [notice, setNotice] = useState<string | null>(null);

  async function run(label: string, make: () => Promise<{ saved: boolean }>) {
    setBusy(true);
    setNotice(null);
    try {
      const result = await make();
      setNotice(result.saved ? `${label} saved.` : 'Saving was cancelled; nothing was saved.');
    } catch (caught) {
      setNotice(`The ${label.toLowerCase()} could not be made: ${errorMessage(caught)}`);
    } finally {
      setBusy(false);
    }
  }

  return (
    <section className="card" aria-labelledby="statements-heading">
      <h2 id="statements-heading">Statements</h2>
      <p className="card__text">Made on this device from your synced lines, so they work offline: opening and closing balance, every line and payout, your details and SISO’s.</p>
      <div className="commission-statements">
        <div className="commission-statements__row">
          <div className="form-field">
            <label htmlFor="statement-month">Statement month</label>
            <select id="statement-month" value={month} onChange={(event) => setMonth(event.target.value)}>
              {months.map((key) => (
                <option key={key} value={key}>
                  {formatMonthKey(key).long}
                </option>
              ))}
            </select>
          </div>
          <button type="button" className="button" disabled={busy} onClick={() => void run('Statement', () => downloadCommissionStatement(platform, statementSource(data), { kind: 'month', month }))}>
            Download statement
          </button>
        </div>
        <div className="commission-statements__row">
          <div className="form-field">
            <label htmlFor="statement-year">Tax year</label>
            <select id="statement-year" value={year} onChange={(event) => setYear(Number(event.target.value))}>
              {years.map((value) => (
                <option key={value} value={value}>
                  {value}
                </option>
              ))}
            </select>
          </div>
          <button type="button" className="button" disabled={busy} onClick={() => void run('Annual summary', () => downloadCommissionStatement(platform, statementSource(data), { kind: 'year', year }))}>
            Download annual summary
          </button>
        </div>
      </div>
      <p role="status" className="commission-statements__status">
        {busy ? 'Making the PDF…' : notice}
      </p>
    </section>
  );
}


/** The live rows are deeply readonly; the statement takes plain arrays, so the adjustment lists are copied. */
function statementSource(data: CommissionsData): StatementSource {
  return {
    earnings: data.earnings.map((row) => ({ ...row, history: [...row.history] })),
    payouts: data.payouts,
    profile: data.profile,
    homeCurrency: data.homeCurrency,
    now: data.now,
  };
}
