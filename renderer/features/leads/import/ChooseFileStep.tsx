/** Step 1: pick a CSV file. Reads it as UTF-8 text; refuses files over the size limit with a reason. */
import { useId, useState } from 'react';
import { MAX_CSV_BYTES } from '../../../../sync/domain/csv-leads';

export interface ChosenFile {
  name: string;
  text: string;
}

function megabytes(bytes: number): string {
  return `${(bytes / (1024 * 1024)).toFixed(2)} MB`;
}

export function ChooseFileStep({ onChosen, headingRef }: { onChosen: (file: ChosenFile) => void; headingRef: (node: HTMLHeadingElement | null) => void }) {
  const inputId = useId();
  const hintId = useId();
  const [problem, setProblem] = useState<string | null>(null);
  const [reading, setReading] = useState(false);

  async function choose(file: File | undefined) {
    setProblem(null);
    if (!file) return;
    if (file.size > MAX_CSV_BYTES) {
      setProblem(`“${file.name}” is ${megabytes(file.size)}, more than the ${MAX_CSV_BYTES / (1024 * 1024)} MB that can be imported at once. Split it into smaller files and import them one after the other.`);
      return;
    }
    setReading(true);
    try {
      onChosen({ name: file.name, text: await file.text() });
    } catch (error) {
      setProblem(`“${file.name}” could not be read (${error instanceof Error ? error.message : 'unknown error'}). Check that the file is not open in another program and try again.`);
    } finally {
      setReading(false);
    }
  }

  return (
    <section className="card csv-import__step" aria-labelledby={`${inputId}-heading`}>
      <h2 id={`${inputId}-heading`} tabIndex={-1} ref={headingRef}>
        Step 1 of 3: Choose a file
      </h2>
      <div className="form-field">
        <label htmlFor={inputId}>CSV file</label>
        <input
          id={inputId}
          type="file"
          accept=".csv,text/csv"
          aria-describedby={hintId}
          disabled={reading}
          onChange={(event) => {
            void choose(event.target.files?.[0]);
            event.target.value = '';
          }}
        />
        <p id={hintId} className="form-field__hint">
          A .csv file up to 10 MB with a header row. Commas, semicolons or tabs between values all work. Nothing is saved until you confirm the import.
        </p>
      </div>
      {problem ? (
        <p role="alert" className="inline-message">
          {problem}
        </p>
      ) : null}
    </section>
  );
}
