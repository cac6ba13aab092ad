/** Step 2: which column feeds which lead field, with the first rows of the file as a preview. */
import { useId, useState } from 'react';
import { FormField } from '../../../ui/FormField';
import { CSV_FIELD_LABELS, CSV_LEAD_FIELDS, type CsvLeadField, type CsvMapping } from '../../../../sync/domain/csv-lead-export';
import { describeDelimiter, unmappedColumns, type ParsedCsv } from '../../../../sync/domain/csv-lead-import';

const PREVIEW_ROWS = 5;

const FIELD_HINTS: Partial<Record<CsvLeadField, string>> = {
  source: 'Empty means Other.',
  stage: 'Empty means New.',
  estimated_value: 'Reads 1200, 1,200.50 and €1.200,50.',
  currency: 'Empty uses the symbol in the value, or your default currency.',
};

function columnName(headers: readonly string[], index: number): string {
  return headers[index] || `Column ${index + 1}`;
}

interface MappingStepProps {
  fileName: string;
  parsed: ParsedCsv;
  mapping: CsvMapping;
  onChange: (mapping: CsvMapping) => void;
  onBack: () => void;
  onContinue: () => void;
  headingRef: (node: HTMLHeadingElement | null) => void;
}

export function MappingStep({ fileName, parsed, mapping, onChange, onBack, onContinue, headingRef }: MappingStepProps) {
  const baseId = useId();
  const [problem, setProblem] = useState<string | null>(null);
  const { headers } = parsed;
  const leftOut = unmappedColumns(headers, mapping).map((index) => columnName(headers, index));
  const preview = parsed.rows.slice(0, PREVIEW_ROWS);
  const rowCount = parsed.rows.length + parsed.errors.length;

  return (
    <section className="card csv-import__step" aria-labelledby={`${baseId}-heading`}>
      <h2 id={`${baseId}-heading`} tabIndex={-1} ref={headingRef}>
        Step 2 of 3: Match the columns
      </h2>
      <p>
        “{fileName}”: {rowCount} {rowCount === 1 ? 'row' : 'rows'} after the header, values separated by “{describeDelimiter(parsed.delimiter)}”. Choose the
        column that holds each lead field; the suggestions come from the column titles.
      </p>

      <div className="csv-import__mapping">
        {CSV_LEAD_FIELDS.map((field) => {
          return (
            <FormField key={field} label={CSV_FIELD_LABELS[field]} hint={FIELD_HINTS[field]}>
              <select
                value={mapping[field] === null ? '' : String(mapping[field])}
                onChange={(event) => {
                  setProblem(null);
                  onChange({ ...mapping, [field]: event.target.value === '' ? null : Number(event.target.value) });
                }}
              >
                <option value="">Not imported</option>
                {headers.map((header, index) => (
                  <option key={index} value={String(index)}>
                    {columnName(headers, index)}
                  </option>
                ))}
              </select>
            </FormField>
          );
        })}
      </div>

      {leftOut.length > 0 ? (
        <p className="inline-message inline-message--info" role="status">
          {leftOut.length === 1 ? 'This column is' : 'These columns are'} not imported: {leftOut.join(', ')}. Match {leftOut.length === 1 ? 'it' : 'them'} to a
          field above if you need {leftOut.length === 1 ? 'its' : 'their'} values.
        </p>
      ) : null}

      <h3 id={`${baseId}-preview`}>Preview</h3>
      <div className="table-scroll" role="region" aria-labelledby={`${baseId}-preview`} tabIndex={0}>
        <table className="data-table">
          <caption>
            The first {Math.min(PREVIEW_ROWS, parsed.rows.length)} rows of “{fileName}”
          </caption>
          <thead>
            <tr>
              <th scope="col">Row</th>
              {headers.map((header, index) => (
                <th scope="col" key={index}>
                  {columnName(headers, index)}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {preview.map((row) => (
              <tr key={row.line}>
                <td>{row.line}</td>
                {headers.map((_, index) => (
                  <td key={index} className="preserve-lines">
                    {row.cells[index] ?? ''}
                  </td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </div>

      {problem ? (
        <p role="alert" className="inline-message">
          {problem}
        </p>
      ) : null}
      <div className="csv-import__actions">
        <button type="button" className="button" onClick={onBack}>
          Choose another file
        </button>
        <button
          type="button"
          className="button button--primary"
          onClick={() => {
            if (mapping.company === null && mapping.contact_name === null) {
              setProblem('Match a column to Company or Contact: every lead needs a company or a contact name.');
              return;
            }
            onContinue();
          }}
        >
          Continue to review
        </button>
      </div>
    </section>
  );
}
