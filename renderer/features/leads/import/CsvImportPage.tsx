/**
 * /leads/import: choose a CSV file, match its columns, review errors and duplicates, then import.
 * Everything before "Import" happens in memory; the store is written only when the person confirms.
 */
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { Link } from 'react-router-dom';
import { usePlatform } from '../../../platform';
import { errorMessage } from '../../../ui/error-message';
import { plural } from '../../../ui/format';
import { PageHeader } from '../../../ui/PageHeader';
import type { CsvMapping } from '../../../../sync/domain/csv-lead-export';
import { errorReportCsv, mapRows, parseCsv, suggestMapping, type CsvRowError, type ParsedCsv } from '../../../../sync/domain/csv-lead-import';
import { findDuplicates, planImport, type DuplicateChoice } from '../../../../sync/domain/lead-duplicates';
import { leadSchema, type LeadDoc } from '../../../../sync/schema/leads.schema';
import { csvBytes } from '../lead-export';
import { useLeads, useLeadWorkspace } from '../use-leads-data';
import { ChooseFileStep, type ChosenFile } from './ChooseFileStep';
import { MappingStep } from './MappingStep';
import { ReviewStep } from './ReviewStep';
import { applyImport, type ImportOutcome } from './import-writes';
import '../leads.css';
import './csv-import.css';

type Step = 'choose' | 'map' | 'review' | 'done';

interface LoadedFile {
  name: string;
  parsed: ParsedCsv;
}

function reportName(fileName: string): string {
  return `${fileName.replace(/\.[^.]*$/, '') || 'leads'}-errors.csv`;
}

export function CsvImportPage() {
  const platform = usePlatform();
  const leads = useLeads();
  const { db, partnerId, defaultCurrency } = useLeadWorkspace();
  const [step, setStep] = useState<Step>('choose');
  const [file, setFile] = useState<LoadedFile | null>(null);
  const [fileProblem, setFileProblem] = useState<string | null>(null);
  const [mapping, setMapping] = useState<CsvMapping | null>(null);
  // Built once when review starts, so ids stay put while choices change.
  const [review, setReview] = useState<{ mapped: ReturnType<typeof mapRows>; now: Date } | null>(null);
  const [choices, setChoices] = useState<Record<string, DuplicateChoice>>({});
  const [importing, setImporting] = useState(false);
  const [importProblem, setImportProblem] = useState<string | null>(null);
  const [reportMessage, setReportMessage] = useState<string | null>(null);
  const [outcome, setOutcome] = useState<(ImportOutcome & { errorCount: number; skipped: number }) | null>(null);

  const heading = useRef<HTMLHeadingElement | null>(null);
  const headingRef = useCallback((node: HTMLHeadingElement | null) => {
    heading.current = node;
  }, []);
  const firstRender = useRef(true);
  useEffect(() => {
    // Move focus to the new step's heading so screen readers announce where the person is.
    if (firstRender.current) {
      firstRender.current = false;
      return;
    }
    heading.current?.focus();
  }, [step]);

  const errors: CsvRowError[] = useMemo(
    () => (file && review ? [...file.parsed.errors, ...review.mapped.errors].sort((a, b) => a.row - b.row) : []),
    [file, review],
  );
  // Live, so duplicates are found even if the stored leads finish loading after review starts.
  const existing: LeadDoc[] = useMemo(
    () =>
      leads.data.flatMap((lead) => {
        const parsed = leadSchema.safeParse(lead);
        return parsed.success ? [parsed.data] : [];
      }),
    [leads.data],
  );
  const groups = useMemo(() => (review ? findDuplicates(review.mapped.valid, existing) : []), [review, existing]);
  const plan = useMemo(() => (review ? planImport(review.mapped.valid, groups, choices, review.now) : null), [review, groups, choices]);

  function chooseFile(chosen: ChosenFile) {
    const parsed = parseCsv(chosen.text);
    if (parsed.headers.length === 0) {
      setFileProblem(`“${chosen.name}” is empty. Choose a CSV file whose first line names the columns, e.g. Company,Contact,Email.`);
      return;
    }
    if (parsed.rows.length + parsed.errors.length === 0) {
      setFileProblem(`“${chosen.name}” has a header row but no leads under it. Choose a file with at least one row of data.`);
      return;
    }
    setFileProblem(null);
    setFile({ name: chosen.name, parsed });
    setMapping(suggestMapping(parsed.headers));
    setStep('map');
  }

  function startReview() {
    if (!file || !mapping || !partnerId) return;
    const now = new Date();
    const mapped = mapRows(file.parsed.rows, mapping, { partnerId, now, idFactory: () => crypto.randomUUID(), defaultCurrency });
    setReview({ mapped, now });
    setChoices({});
    setImportProblem(null);
    setReportMessage(null);
    setStep('review');
  }

  async function downloadReport() {
    if (!file) return;
    try {
      const result = await platform.saveFile({
        suggestedName: reportName(file.name),
        mimeType: 'text/csv',
        data: csvBytes(errorReportCsv(errors, file.parsed)),
      });
      setReportMessage(result.saved ? `Error report saved${result.path ? ` to ${result.path}` : ''}.` : 'The error report was not saved.');
    } catch (error) {
      setReportMessage(`The error report could not be saved: ${errorMessage(error)}. Try again.`);
    }
  }

  async function runImport() {
    if (!db || !plan) return;
    setImporting(true);
    setImportProblem(null);
    try {
      const result = await applyImport(db, plan);
      setOutcome({ ...result, errorCount: errors.length, skipped: plan.skipped.length });
      setStep('done');
    } catch (error) {
      setImportProblem(
        `The import stopped before it finished: ${errorMessage(error)}. Leads already saved stay in your list; check it before importing again.`,
      );
    } finally {
      setImporting(false);
    }
  }

  function restart() {
    setFile(null);
    setMapping(null);
    setReview(null);
    setOutcome(null);
    setReportMessage(null);
    setStep('choose');
  }

  return (
    <>
      <title>Import leads from CSV · SISO Partner Workstation</title>
      <nav aria-label="Breadcrumb" className="breadcrumb">
        <Link to="/leads">Leads</Link>
      </nav>
      <PageHeader
        title="Import leads from CSV"
        description="Add many leads at once from a spreadsheet. You check every row before anything is saved."
      />
      {!db || !partnerId ? (
        <p role="alert" className="inline-message">
          Open a workspace first: imported leads are saved to the workspace that is open.
        </p>
      ) : null}

      {step === 'choose' ? (
        <>
          <ChooseFileStep onChosen={chooseFile} headingRef={headingRef} />
          {fileProblem ? (
            <p role="alert" className="inline-message">
              {fileProblem}
            </p>
          ) : null}
        </>
      ) : null}

      {step === 'map' && file && mapping ? (
        <MappingStep
          fileName={file.name}
          parsed={file.parsed}
          mapping={mapping}
          onChange={setMapping}
          onBack={restart}
          onContinue={startReview}
          headingRef={headingRef}
        />
      ) : null}

      {step === 'review' && review && plan ? (
        <ReviewStep
          readyCount={review.mapped.valid.length}
          errors={errors}
          groups={groups}
          choices={choices}
          plan={plan}
          importing={importing}
          problem={importProblem}
          reportMessage={reportMessage}
          onChoice={(key, choice) => setChoices((current) => ({ ...current, [key]: choice }))}
          onChoiceAll={(choice) => setChoices(Object.fromEntries(groups.map((group) => [group.key, choice])))}
          onDownloadReport={() => void downloadReport()}
          onBack={() => setStep('map')}
          onImport={() => void runImport()}
          headingRef={headingRef}
        />
      ) : null}

      {step === 'done' && outcome ? (
        <section className="card csv-import__step" aria-labelledby="csv-import-done">
          <h2 id="csv-import-done" tabIndex={-1} ref={headingRef}>
            Import finished
          </h2>
          <p role="status">
            {outcome.inserted > 0 || outcome.updated === 0 ? `Imported ${plural(outcome.inserted, 'lead', 'leads')}.` : ''}
            {outcome.updated > 0 ? `${outcome.inserted > 0 ? ' ' : ''}Updated ${plural(outcome.updated, 'existing lead', 'existing leads')}.` : ''}
            {outcome.skipped > 0 ? ` Skipped ${plural(outcome.skipped, 'duplicate row', 'duplicate rows')}.` : ''}
            {outcome.errorCount > 0 ? ` ${plural(outcome.errorCount, 'row', 'rows')} had errors and ${outcome.errorCount === 1 ? 'was' : 'were'} not imported: ` : ''}
            {outcome.errorCount > 0 ? (
              <button type="button" className="link-button" onClick={() => void downloadReport()}>
                download the report
              </button>
            ) : null}
            {outcome.errorCount > 0 ? '.' : ''}
          </p>
          {reportMessage ? <p role="status">{reportMessage}</p> : null}
          {outcome.failures.length > 0 ? (
            <div role="alert" className="inline-message">
              <p>Some leads could not be saved:</p>
              <ul>
                {outcome.failures.map((failure) => (
                  <li key={failure}>{failure}</li>
                ))}
              </ul>
            </div>
          ) : null}
          <div className="csv-import__actions">
            <Link className="button button--primary" to="/leads">
              Back to Leads
            </Link>
            <button type="button" className="button" onClick={restart}>
              Import another file
            </button>
          </div>
        </section>
      ) : null}
    </>
  );
}
