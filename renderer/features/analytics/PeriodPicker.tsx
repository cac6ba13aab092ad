/** Chooses the analytics period (calendar presets or custom dates); the previous period follows from it. */
import { useId, useState } from 'react';
import { PERIOD_KINDS, PERIOD_LABELS, type PeriodKind, type PeriodSelection } from '../../../sync/domain/analytics';

export function PeriodPicker({ value, onChange }: { value: PeriodSelection; onChange: (next: PeriodSelection) => void }) {
  const id = useId();
  const [from, setFrom] = useState(value.from ?? '');
  const [to, setTo] = useState(value.to ?? '');
  const choose = (kind: PeriodKind) => onChange(kind === 'custom' ? { kind, from, to } : { kind });
  return (
    <form
      className="analytics-period"
      aria-label="Period"
      onSubmit={(event) => {
        event.preventDefault();
        onChange({ kind: 'custom', from, to });
      }}
    >
      <label htmlFor={`${id}-kind`}>Period</label>
      <select id={`${id}-kind`} value={value.kind} onChange={(event) => choose(event.target.value as PeriodKind)}>
        {PERIOD_KINDS.map((kind) => (
          <option key={kind} value={kind}>
            {PERIOD_LABELS[kind]}
          </option>
        ))}
      </select>
      {value.kind === 'custom' ? (
        <>
          <label htmlFor={`${id}-from`}>From</label>
          <input id={`${id}-from`} type="date" value={from} onChange={(event) => setFrom(event.target.value)} required />
          <label htmlFor={`${id}-to`}>To</label>
          <input id={`${id}-to`} type="date" value={to} onChange={(event) => setTo(event.target.value)} required />
          <button type="submit">Show these dates</button>
        </>
      ) : null}
    </form>
  );
}
