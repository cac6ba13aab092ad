/** Step 3: what will happen — rows ready, rows with errors (and the report), duplicates and their choices. */
import { useId } from 'react';
import type { CsvRowError } from '../../../../sync/domain/csv-lead-import';
import { DUPLICATE_CHOICES, type DuplicateChoice, type DuplicateGroup, type ImportPlan } from '../../../../sync/domain/lead-duplicates';

const ERRORS_SHOWN = 200;

function rows(count: number): string {
  return count === 1 ? '1 row' : `${count} rows`;
}

function leads(count: number): string {
  return count === 1 ? '1 lead' : `${count} leads`;
}

function lineList(group: DuplicateGroup): string {
  const lines = group.drafts.map((draft) => draft.line);
  return lines.length === 1 ? `Row ${lines[0]}` : `Rows ${lines.slice(0, -1).join(', ')} and ${lines[lines.length - 1]}`;
}

function choiceLabel(choice: DuplicateChoice, group: DuplicateGroup): string {
  if (choice === 'skip') return group.existing.length > 0 ? 'Skip' : 'Keep the first row only';
  if (choice === 'import') return 'Import anyway';
  return group.existing.length > 0 ? 'Update existing lead' : 'Merge into the first row';
}

const ALL_LABELS: Record<DuplicateChoice, string> = {
  skip: 'Skip all duplicates',
  import: 'Import all anyway',
  update: 'Update all existing',
};

export interface ReviewStepProps {
  readyCount: number;
  errors: CsvRowError[];
  groups: DuplicateGroup[];
  choices: Record<string, DuplicateChoice>;
  plan: ImportPlan;
  importing: boolean;
  problem: string | null;
  reportMessage: string | null;
  onChoice: (key: string, choice: DuplicateChoice) => void;
  onChoiceAll: (choice: DuplicateChoice) => void;
  onDownloadReport: () => void;
  onBack: () => void;
  onImport: () => void;
  headingRef: (node: HTMLHeadingElement | null) => void;
}

export function ReviewStep({
  readyCount,
  errors,
  groups,
  choices,
  plan,
  importing,
  problem,
  reportMessage,
  onChoice,
  onChoiceAll,
  onDownloadReport,
  onBack,
  onImport,
  headingRef,
}: ReviewStepProps) {
  const baseId = useId();
  const duplicateRows = groups.reduce((sum, group) => sum + group.drafts.length, 0);
  const writes = plan.inserts.length + plan.updates.length;

  return (
    <section className="card csv-import__step" aria-labelledby={`${baseId}-heading`}>
      <h2 id={`${baseId}-heading`} tabIndex={-1} ref={headingRef}>
        Step 3 of 3: Review and import
      </h2>
      <ul className="csv-import__counts">
        <li>
          <strong>{rows(readyCount)}</strong> ready to import
          {duplicateRows === 1 ? ', of which 1 looks like a duplicate' : duplicateRows > 1 ? `, of which ${duplicateRows} look like duplicates` : ''}
        </li>
        <li>
          <strong>{rows(errors.length)}</strong> with errors, which will not be imported
        </li>
        <li>
          <strong>{groups.length}</strong> {groups.length === 1 ? 'group' : 'groups'} of possible duplicates
        </li>
      </ul>

      {errors.length > 0 ? (
        <>
          <h3 id={`${baseId}-errors`}>Rows with errors</h3>
          <p>Fix these rows in the report (it has the original values) and import it again.</p>
          <div className="table-scroll" role="region" aria-labelledby={`${baseId}-errors`} tabIndex={0}>
            <table className="data-table">
              <caption className="visually-hidden">Rows with errors and why</caption>
              <thead>
                <tr>
                  <th scope="col">Row</th>
                  <th scope="col">Reason</th>
                </tr>
              </thead>
              <tbody>
                {errors.slice(0, ERRORS_SHOWN).map((error) => (
                  <tr key={error.row}>
                    <td>{error.row}</td>
                    <td>{error.reason}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          {errors.length > ERRORS_SHOWN ? <p>Showing the first {ERRORS_SHOWN} of {errors.length}; the report lists them all.</p> : null}
          <div className="csv-import__actions">
            <button type="button" className="button" onClick={onDownloadReport}>
              Download error report
            </button>
          </div>
          {reportMessage ? <p role="status">{reportMessage}</p> : null}
        </>
      ) : null}

      {groups.length > 0 ? (
        <>
          <h3>Possible duplicates</h3>
          <p>
            Rows match when they share an email address (any capitalisation) or the same company name (ignoring case, accents and endings such as
            “GmbH” or “Ltd”). “Update existing lead” only fills in empty fields and adds the notes; it never overwrites.
          </p>
          <div className="csv-import__actions" role="group" aria-label="Choose for all duplicates">
            {DUPLICATE_CHOICES.map((choice) => (
              <button key={choice} type="button" className="button button--small" onClick={() => onChoiceAll(choice)}>
                {ALL_LABELS[choice]}
              </button>
            ))}
          </div>
          <ul className="csv-import__duplicates">
            {groups.map((group) => {
              const first = group.drafts[0]!;
              const legend = `${lineList(group)} “${first.lead.company}”: ${group.reason}${
                group.existing.length > 0 ? `, matches your lead “${group.existing[0]!.company}”` : ', within this file'
              }`;
              return (
                <li key={group.key}>
                  <fieldset className="csv-import__choice">
                    <legend>{legend}</legend>
                    {DUPLICATE_CHOICES.map((choice) => (
                      <label key={choice}>
                        <input
                          type="radio"
                          name={`${baseId}-${group.key}`}
                          value={choice}
                          checked={(choices[group.key] ?? 'skip') === choice}
                          onChange={() => onChoice(group.key, choice)}
                        />{' '}
                        {choiceLabel(choice, group)}
                      </label>
                    ))}
                  </fieldset>
                </li>
              );
            })}
          </ul>
        </>
      ) : null}

      <h3>Import</h3>
      <p role="status">
        {writes === 0
          ? 'Nothing will be imported with these choices.'
          : `This will add ${leads(plan.inserts.length)}${plan.updates.length > 0 ? ` and update ${leads(plan.updates.length)}` : ''}${
              plan.skipped.length > 0 ? `, skipping ${rows(plan.skipped.length)} as duplicates` : ''
            }.`}
      </p>
      {problem ? (
        <p role="alert" className="inline-message">
          {problem}
        </p>
      ) : null}
      <div className="csv-import__actions">
        <button type="button" className="button" onClick={onBack} disabled={importing}>
          Back to the columns
        </button>
        {writes > 0 ? (
          <button type="button" className="button button--primary" onClick={onImport} disabled={importing}>
            {importing ? 'Importing…' : `Import ${leads(writes)}`}
          </button>
        ) : null}
      </div>
    </section>
  );
}
