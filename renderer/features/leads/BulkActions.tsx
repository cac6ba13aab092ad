/**
 * What can be done to the leads selected in the list: move them to a stage (lost asks why),
 * export them as CSV, delete them (one Undo restores the batch) or clear the selection. Each
 * outcome is said in the leads toast; a failure is said here and leaves the selection as it was.
 */
import { useId, useState, type FormEvent } from 'react';
import { usePlatform } from '../../platform';
import { errorMessage } from '../../ui/error-message';
import { FormField } from '../../ui/FormField';
import { plural } from '../../ui/format';
import { LEAD_STAGES, stageLabel, type LeadStage } from '../../../sync/domain/leads';
import { saveLeadsAsCsv } from './lead-export';
import { deleteLeads, moveLeadsToStage, restoreLeads } from './lead-writes';
import { useLeadToastStore } from './lead-toast-store';
import { useLeadWorkspace } from './use-leads-data';

export interface BulkActionsProps {
  /** The selected leads the filters still show: what every action applies to. */
  leads: readonly { id: string }[];
  onClear(): void;
}

export function BulkActions({ leads, onClear }: BulkActionsProps) {
  const { db, partnerId } = useLeadWorkspace();
  const platform = usePlatform();
  const showToast = useLeadToastStore((state) => state.show);
  const baseId = useId();
  const stageId = `${baseId}-stage`;
  const reasonId = `${baseId}-reason`;
  const [stage, setStage] = useState<LeadStage | ''>('');
  const [reason, setReason] = useState('');
  const [errors, setErrors] = useState<{ stage?: string; reason?: string }>({});
  const [problem, setProblem] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const count = leads.length;

  async function move(event: FormEvent) {
    event.preventDefault();
    if (stage === '') {
      setErrors({ stage: 'Choose the stage to move the selected leads to.' });
      document.getElementById(stageId)?.focus();
      return;
    }
    if (stage === 'lost' && reason.trim() === '') {
      setErrors({ reason: 'Say why these leads were lost, e.g. “Chose another agency”.' });
      document.getElementById(reasonId)?.focus();
      return;
    }
    setErrors({});
    if (!db || !partnerId) {
      setProblem('No partner is signed in on this device, so the leads cannot be moved. Open your workspace and try again.');
      return;
    }
    setBusy(true);
    setProblem(null);
    const { moved, failure } = await moveLeadsToStage(
      db,
      partnerId,
      leads.map((lead) => lead.id),
      stage,
      stage === 'lost' ? reason.trim() : null,
    );
    setBusy(false);
    if (failure) {
      setProblem(`Moved ${moved} of ${count} leads; the rest were not moved: ${errorMessage(failure)}`);
      return;
    }
    setStage('');
    setReason('');
    onClear();
    showToast({ message: `Moved ${plural(moved, 'lead', 'leads')} to ${stageLabel(stage)}.` });
  }

  async function remove() {
    if (!db) return;
    setBusy(true);
    setProblem(null);
    try {
      const saved = await deleteLeads(
        db,
        leads.map((lead) => lead.id),
      );
      onClear();
      showToast({
        message: `Deleted ${plural(saved.length, 'lead', 'leads')}.`,
        action: { label: 'Undo', run: () => restoreLeads(db, saved) },
      });
    } catch (error) {
      setProblem(`The selected leads were not all deleted: ${errorMessage(error)}. Check the list and try again.`);
    } finally {
      setBusy(false);
    }
  }

  async function exportSelected() {
    setProblem(null);
    try {
      const result = await saveLeadsAsCsv(platform, leads);
      showToast({
        message: result.saved
          ? `Exported ${count} selected ${count === 1 ? 'lead' : 'leads'} as CSV${result.path ? ` to ${result.path}` : ''}.`
          : 'The CSV file was not saved.',
      });
    } catch (error) {
      setProblem(`The CSV file could not be saved: ${errorMessage(error)}. Try again.`);
    }
  }

  return (
    <section className="bulk-actions" aria-label="Bulk actions">
      <p className="bulk-actions__count">{plural(count, 'lead', 'leads')} selected</p>
      <form className="bulk-actions__move" noValidate onSubmit={(event) => void move(event)}>
        <FormField id={stageId} label="Move selected to" error={errors.stage}>
          <select value={stage} onChange={(event) => setStage(event.target.value as LeadStage | '')}>
            <option value="">Choose a stage</option>
            {LEAD_STAGES.map((value) => (
              <option key={value} value={value}>
                {stageLabel(value)}
              </option>
            ))}
          </select>
        </FormField>
        {stage === 'lost' ? (
          <FormField id={reasonId} label="Why were they lost?" error={errors.reason}>
            <input type="text" value={reason} maxLength={500} onChange={(event) => setReason(event.target.value)} />
          </FormField>
        ) : null}
        <button type="submit" className="button" disabled={busy}>
          Move
        </button>
      </form>
      <button type="button" className="button" onClick={() => void exportSelected()} disabled={busy}>
        Export selected as CSV
      </button>
      <button type="button" className="button button--danger" onClick={() => void remove()} disabled={busy}>
        Delete selected
      </button>
      <button type="button" className="button" onClick={onClear} disabled={busy}>
        Clear selection
      </button>
      <div role="alert" className="bulk-actions__alert">
        {problem ? <p className="inline-message">{problem}</p> : null}
      </div>
    </section>
  );
}
