/**
 * What can be done to the leads selected in the list: move them to a stage (lost asks why),
 * export them as CSV, delete them (one Undo restores the batch) or clear the selection.
 */
import { useId, useState, type FormEvent } from 'react';
import { LEAD_STAGES, type LeadStage } from '../../../sync/domain/leads';
import { STAGE_LABELS } from './labels';

export interface BulkActionsProps {
  count: number;
  busy: boolean;
  onMove(stage: LeadStage, lostReason: string | null): Promise<void>;
  onDelete(): Promise<void>;
  onExport(): Promise<void>;
  onClear(): void;
}

export function BulkActions({ count, busy, onMove, onDelete, onExport, onClear }: BulkActionsProps) {
  const baseId = useId();
  const [stage, setStage] = useState<LeadStage | ''>('');
  const [reason, setReason] = useState('');
  const [error, setError] = useState<string | null>(null);

  async function move(event: FormEvent) {
    event.preventDefault();
    if (stage === '') {
      setError('Choose the stage to move the selected leads to.');
      return;
    }
    if (stage === 'lost' && reason.trim() === '') {
      setError('Say why these leads were lost, e.g. “Chose another agency”.');
      return;
    }
    setError(null);
    await onMove(stage, stage === 'lost' ? reason.trim() : null);
    setStage('');
    setReason('');
  }

  return (
    <section className="bulk-actions" aria-label="Bulk actions">
      <p className="bulk-actions__count">
        {count} {count === 1 ? 'lead' : 'leads'} selected
      </p>
      <form className="bulk-actions__move" noValidate onSubmit={(event) => void move(event)}>
        <div className="form-field">
          <label htmlFor={`${baseId}-stage`}>Move selected to</label>
          <select
            id={`${baseId}-stage`}
            value={stage}
            onChange={(event) => setStage(event.target.value as LeadStage | '')}
            aria-describedby={error ? `${baseId}-error` : undefined}
          >
            <option value="">Choose a stage</option>
            {LEAD_STAGES.map((value) => (
              <option key={value} value={value}>
                {STAGE_LABELS[value]}
              </option>
            ))}
          </select>
        </div>
        {stage === 'lost' ? (
          <div className="form-field">
            <label htmlFor={`${baseId}-reason`}>Why were they lost?</label>
            <input
              id={`${baseId}-reason`}
              type="text"
              value={reason}
              maxLength={500}
              onChange={(event) => setReason(event.target.value)}
              aria-describedby={error ? `${baseId}-error` : undefined}
            />
          </div>
        ) : null}
        <button type="submit" className="button" disabled={busy}>
          Move
        </button>
      </form>
      <button type="button" className="button" onClick={() => void onExport()} disabled={busy}>
        Export selected as CSV
      </button>
      <button type="button" className="button button--danger" onClick={() => void onDelete()} disabled={busy}>
        Delete selected
      </button>
      <button type="button" className="button" onClick={onClear} disabled={busy}>
        Clear selection
      </button>
      <div role="alert" className="bulk-actions__alert">
        {error ? (
          <p id={`${baseId}-error`} className="form-field__error">
            {error}
          </p>
        ) : null}
      </div>
    </section>
  );
}
