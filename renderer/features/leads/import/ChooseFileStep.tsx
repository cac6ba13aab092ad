/** Step 1: pick a CSV file. Reads it as UTF-8 text; refuses files over the size limit with a reason. */
import { useId, useState } from 'react';
import { errorMessage } from '../../../ui/error-message';
import { FormField } from '../../../ui/FormField';
import { MAX_CSV_BYTES } from '../../../../sync/domain/csv-lead-import';

export interface ChosenFile {
  name: string;
  text: string;
}

function megabytes(bytes: number): string {
  return `${(bytes / (1024 * 1024)).toFixed(2)} MB`;
}

export function ChooseFileStep({ onChosen, headingRef }: { onChosen: (file: ChosenFile) => void; headingRef: (node: HTMLHeadingElement | null) => void }) {
  const headingId = useId();
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
      setProblem(`“${file.name}” could not be read (${errorMessage(error)}). Check that the file is not open in another program and try again.`);
    } finally {
      setReading(false);
    }
  }

  return (
    <section className="card csv-import__step" aria-labelledby={headingId}>
      <h2 id={headingId} tabIndex={-1} ref={headingRef}>
        Step 1 of 3: Choose a file
      </h2>
      <FormField
        label="CSV file"
        hint="A .csv file up to 10 MB with a header row. Commas, semicolons or tabs between values all work. Nothing is saved until you confirm the import."
      >
        <input
          type="file"
          accept=".csv,text/csv"
          disabled={reading}
          onChange={(event) => {
            void choose(event.target.files?.[0]);
            event.target.value = '';
          }}
        />
      </FormField>
      {problem ? (
        <p role="alert" className="inline-message">
          {problem}
        </p>
      ) : null}
    </section>
  );
}
