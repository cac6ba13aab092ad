/** The top of a report fetched from the server: heading, Refresh, and why it is empty or stale. */
import type { ServerReport } from './use-admin-data';
import { FormAlert } from '../../../ui/FormField';

export interface ReportHeadProps {
  headingId: string;
  heading: string;
  /** "partners", "usage": the button reads "Refresh partners", the wait "Loading partners…". */
  subject: string;
  report: ServerReport<unknown>;
  /** Why the server cannot be asked now (offline, session expired), or null. */
  blocked: string | null;
}

export function ReportHead({ headingId, heading, subject, report, blocked }: ReportHeadProps) {
  return (
    <>
      <div className="admin-card-head">
        <h2 id={headingId}>{heading}</h2>
        <button type="button" className="button button--small" onClick={report.reload} disabled={blocked !== null || report.loading}>
          Refresh {subject}
        </button>
      </div>
      {blocked !== null ? <p className="inline-message submit-row__blocked">{blocked}</p> : null}
      <FormAlert message={report.error} />
      {report.loading && !report.data ? <p className="card__text">Loading {subject}…</p> : null}
    </>
  );
}
