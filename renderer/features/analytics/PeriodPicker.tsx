/** Chooses the analytics period (calendar presets or custom dates); the previous period follows from it. */
import { useState } from 'react';
import { FormField } from '../../ui/FormField';
import { PERIOD_KINDS, PERIOD_LABELS, type PeriodKind, type PeriodSelection } from '../../../sync/domain/analytics';

export function PeriodPicker({ value, onChange }: { value: PeriodSelection; onChange: (next: PeriodSelection) => void }) {
  const [from, setFrom] = useState(value.from ?? '');
  const [to, setTo] = useState(value.to ?? '');
  const choose = (kind: PeriodKind) => onChange(kind === 'custom' ? { kind, from, to } : { kind });
  return (
    <form
      className="inline-form analytics-period"
      aria-label="Period"
      onSubmit={(event) => {
        event.preventDefault();
        onChange({ kind: 'custom', from, to });
      }}
    >
      <FormField label="Period" className="analytics-period__kind">
        <select value={value.kind} onChange={(event) => choose(event.target.value as PeriodKind)}>
          {PERIOD_KINDS.map((kind) => (
            <option key={kind} value={kind}>
              {PERIOD_LABELS[kind]}
            </option>
          ))}
        </select>
      </FormField>
      {value.kind === 'custom' ? (
        <>
          <FormField label="From" className="analytics-period__date">
            <input type="date" value={from} onChange={(event) => setFrom(event.target.value)} required />
          </FormField>
          <FormField label="To" className="analytics-period__date">
            <input type="date" value={to} onChange={(event) => setTo(event.target.value)} required />
          </FormField>
          <button type="submit" className="button">
            Show these dates
          </button>
        </>
      ) : null}
    </form>
  );
}
