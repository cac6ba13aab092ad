/**
 * /proposals: every proposal's history, newest first — its lead, template, latest version and where
 * it stands (signed, waiting for or refused discount approval, ready to sign), how often the
 * client opened its tracked link, and each version with what changed and its file (open in the
 * app, download again, start the next version, present).
 */
import { useEffect, useId, useState } from 'react';
import { Link, useSearchParams } from 'react-router-dom';
import type { SupabaseClient } from '@supabase/supabase-js';
import { marketingCategory } from '../../../sync/domain/entitlements';
import { LEGACY_NOTE, proposalStatus } from '../../../sync/domain/proposals/status';
import type { ProposalHistory, ProposalSignature, ProposalVersion } from '../../../sync/domain/proposals/version';
import type { LeadDoc } from '../../../sync/schema/leads.schema';
import { usePlatform } from '../../platform';
import { useOnlineStatus } from '../../platform/online-status';
import { useOpenWorkspace } from '../../session';
import { useEntitlement } from '../../session/use-entitlement';
import { Dialog } from '../../ui/Dialog';
import { LockedFeature } from '../../ui/LockedFeature';
import { PageHeader } from '../../ui/PageHeader';
import { errorMessage } from '../../ui/error-message';
import { onProposalFilesChange, openProposalFile, listWaitingProposalFiles } from './proposal-files';
import { useProposalHistories, useProposalTemplates, type LinkViews } from './use-proposals-data';
import './proposals.css';

const dateTime = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'short' });
// Click days are calendar days recorded by the server; read in UTC so no zone shifts them.
const shortDay = new Intl.DateTimeFormat(undefined, { day: 'numeric', month: 'short', timeZone: 'UTC' });

function approvalNote(version: ProposalVersion): string {
  if (version.approvalStatus === 'pending') return `${version.discountPercent}% discount waiting for SISO's approval`;
  if (version.approvalStatus === 'declined') return `${version.discountPercent}% discount declined${version.decisionNote ? `: ${version.decisionNote}` : ''}`;
  return `${version.discountPercent}% discount approved by SISO`;
}

/** "Opened 3 times, last on 2 Dec"; "Not opened yet" for a tracked link without views. */
export function viewsSentence(views: LinkViews | undefined): string {
  if (!views || views.total === 0 || !views.lastDay) return 'Not opened yet';
  const times = views.total === 1 ? 'once' : `${views.total} times`;
  return `Opened ${times}, last on ${shortDay.format(new Date(`${views.lastDay}T12:00:00Z`))}`;
}

/** The kept-file states the history shows: activity ids still waiting to upload. */
function useWaitingUploads(partnerId: string | null): ReadonlySet<string> {
  const [waiting, setWaiting] = useState<ReadonlySet<string>>(new Set());
  useEffect(() => {
    if (!partnerId) return undefined;
    let active = true;
    const load = () =>
      listWaitingProposalFiles(partnerId).then(
        (records) => active && setWaiting(new Set(records.map((record) => record.activityId))),
        () => undefined,
      );
    void load();
    const stop = onProposalFilesChange(() => void load());
    return () => {
      active = false;
      stop();
    };
  }, [partnerId]);
  return waiting;
}

type FileRef = { activityId: string; filePath: string | null; sha256: string | null; fileName: string };

interface FileActions {
  open(file: FileRef): void;
  download(file: FileRef): void;
  busy: string | null;
}

export function ProposalsPage() {
  const access = useEntitlement(marketingCategory('proposals'));
  const { histories: allHistories, loading, error, leads, views } = useProposalHistories();
  const [searchParams] = useSearchParams();
  const leadFilter = searchParams.get('lead');
  const filteredLead = leadFilter ? (leads.get(leadFilter) ?? null) : null;
  const histories = leadFilter ? allHistories.filter((history) => history.leadId === leadFilter) : allHistories;
  const templates = useProposalTemplates();
  const platform = usePlatform();
  const workspace = useOpenWorkspace();
  const client: SupabaseClient | null = workspace?.sync?.client ?? null;
  const online = useOnlineStatus();
  const waiting = useWaitingUploads(workspace?.partnerId ?? null);
  const [viewer, setViewer] = useState<{ fileName: string; url: string } | null>(null);
  const [busy, setBusy] = useState<string | null>(null);
  const [problem, setProblem] = useState<{ activityId: string; message: string } | null>(null);

  const viewerUrl = viewer?.url ?? null;
  useEffect(() => () => {
    if (viewerUrl) URL.revokeObjectURL(viewerUrl);
  }, [viewerUrl]);

  async function withFile(file: FileRef, handle: (bytes: Uint8Array) => Promise<void>) {
    setBusy(file.activityId);
    setProblem(null);
    try {
      const opened = await openProposalFile(file, { client, online });
      if (!opened.ok) setProblem({ activityId: file.activityId, message: `“${file.fileName}” cannot be opened. ${opened.message}` });
      else await handle(opened.bytes);
    } catch (caught) {
      setProblem({ activityId: file.activityId, message: `“${file.fileName}” cannot be opened: ${errorMessage(caught)}. Try again.` });
    } finally {
      setBusy(null);
    }
  }

  const actions: FileActions = {
    busy,
    open: (file) =>
      void withFile(file, async (bytes) => {
        setViewer({ fileName: file.fileName, url: URL.createObjectURL(new Blob([bytes.slice()], { type: 'application/pdf' })) });
      }),
    download: (file) =>
      void withFile(file, async (bytes) => {
        const saved = await platform.saveFile({ suggestedName: file.fileName, mimeType: 'application/pdf', data: bytes });
        if (!saved.saved) setProblem({ activityId: file.activityId, message: `“${file.fileName}” was not saved. Choose a folder you can write to and try again.` });
      }),
  };

  return (
    <>
      <title>Proposals · SISO Partner Workstation</title>
      <PageHeader title="Proposals" description="Co-branded PDF proposals for your leads: every version, where it stands, and when the client opened it." />
      {access === null ? <p className="card__text">Checking what your tier includes…</p> : null}
      {access && !access.allowed ? (
        <LockedFeature title="Proposals" description="Create co-branded PDF proposals for your leads, priced from their estimated value." message={access.message} />
      ) : null}
      {access?.allowed ? (
        <div className="button-row proposals__actions">
          <Link className="button button--primary" to={leadFilter ? `/proposals/new?lead=${encodeURIComponent(leadFilter)}` : '/proposals/new'}>
            New proposal
          </Link>
        </div>
      ) : null}
      {access?.allowed && templates.unusable.length > 0 ? (
        <section className="card proposals__unusable" aria-labelledby="unusable-templates-heading">
          <h2 id="unusable-templates-heading">Templates that cannot be used</h2>
          <ul>
            {templates.unusable.map((row) => (
              <li key={row.rowId}>{row.message}</li>
            ))}
          </ul>
        </section>
      ) : null}
      <section className="card" aria-labelledby="saved-proposals-heading">
        <h2 id="saved-proposals-heading">{filteredLead ? `Proposal history for ${filteredLead.company}` : 'Proposal history'}</h2>
        {leadFilter ? (
          <p className="card__text">
            Showing one lead’s proposals. <Link to="/proposals">Show every proposal</Link>
          </p>
        ) : null}
        {error ? (
          <p role="alert" className="card__text">
            Your proposals could not be read from this device ({error.message}). Restart the app; if it keeps happening, contact SISO support.
          </p>
        ) : null}
        {!loading && !error && histories.length === 0 ? <p className="card__text">No proposals saved yet.</p> : null}
        {histories.length > 0 ? (
          <ul className="proposal-history" aria-label="Proposals, newest first">
            {histories.map((history) => (
              <ProposalEntry
                key={history.proposalId}
                history={history}
                lead={history.leadId ? (leads.get(history.leadId) ?? null) : null}
                templateTitle={(id) => templates.titles.get(id) ?? id}
                views={history.latest.linkId ? views.get(history.latest.linkId) : undefined}
                waiting={waiting}
                actions={actions}
                problem={problem && (history.versions.some((row) => row.activityId === problem.activityId) || history.signatures.some((row) => row.activityId === problem.activityId)) ? problem.message : null}
              />
            ))}
          </ul>
        ) : null}
      </section>
      {viewer ? (
        <Dialog
          title={viewer.fileName}
          onClose={() => setViewer(null)}
          className="proposal-viewer"
          headerAction={
            <button type="button" className="button button--small" onClick={() => setViewer(null)}>
              Close
            </button>
          }
        >
          <iframe className="proposal-viewer__frame" title={viewer.fileName} src={viewer.url} />
        </Dialog>
      ) : null}
    </>
  );
}

function ProposalEntry({
  history,
  lead,
  templateTitle,
  views,
  waiting,
  actions,
  problem,
}: {
  history: ProposalHistory;
  lead: LeadDoc | null;
  templateTitle(id: string): string;
  views: LinkViews | undefined;
  waiting: ReadonlySet<string>;
  actions: FileActions;
  problem: string | null;
}) {
  const [expanded, setExpanded] = useState(false);
  const listId = useId();
  const headingId = useId();
  const { latest, signed } = history;
  const company = lead?.company ?? null;
  const name = `${company ?? 'Deleted lead'} proposal`;
  const newestFirst = [...history.versions].reverse();

  return (
    <li className="proposal-entry">
      <article aria-labelledby={headingId}>
      <div className="proposal-entry__head">
        <h3 id={headingId} className="proposal-entry__title">
          {lead ? <Link to={`/leads/${lead.id}`}>{lead.company}</Link> : 'Deleted lead'}
        </h3>
        <span className="proposal-entry__status" data-status={signed ? 'signed' : latest.legacy ? 'legacy' : (latest.approvalStatus ?? 'ready')}>
          {proposalStatus(history)}
        </span>
      </div>
      <dl className="proposal-entry__facts">
        <div>
          <dt>Template</dt>
          <dd>{latest.inputs?.templateName ?? templateTitle(latest.templateId)}</dd>
        </div>
        <div>
          <dt>Latest version</dt>
          <dd>
            v{latest.version}, <time dateTime={latest.createdAt}>{dateTime.format(new Date(latest.createdAt))}</time>
          </dd>
        </div>
        {latest.linkId ? (
          <div>
            <dt>Tracked views</dt>
            <dd>{viewsSentence(views)}</dd>
          </div>
        ) : null}
      </dl>
      {problem ? (
        <p role="alert" className="form__alert">
          {problem}
        </p>
      ) : null}
      {signed ? <SignedCopy signature={signed} actions={actions} /> : null}
      {latest.legacy ? (
        <p className="proposal-entry__legacy">
          File: {latest.fileName} (not kept by the app)
        </p>
      ) : (
        <div className="button-row proposal-entry__actions">
          <button type="button" className="button button--small" aria-expanded={expanded} aria-controls={listId} onClick={() => setExpanded((value) => !value)}>
            Versions<span className="visually-hidden"> of the {name}</span> ({history.versions.length})
          </button>
          <Link className="button button--small button--primary" to={`/proposals/${history.proposalId}/present`}>
            Present<span className="visually-hidden"> the {name}</span>
          </Link>
        </div>
      )}
      {!latest.legacy ? (
        <ol id={listId} className="proposal-versions" aria-label={`Versions of the ${name}, newest first`} hidden={!expanded}>
          {newestFirst.map((version) => (
            <VersionRow key={version.activityId} version={version} waiting={waiting.has(version.activityId)} actions={actions} />
          ))}
        </ol>
      ) : null}
      </article>
    </li>
  );
}

function VersionRow({ version, waiting, actions }: { version: ProposalVersion; waiting: boolean; actions: FileActions }) {
  const file: FileRef = { activityId: version.activityId, filePath: version.filePath, sha256: version.sha256, fileName: version.fileName };
  const changes = version.changes.length > 0 ? version.changes.join('; ') : 'No changes from the previous version';
  const busy = actions.busy === version.activityId;
  return (
    <li className="proposal-version">
      <div className="proposal-version__head">
        <span className="proposal-version__number">Version {version.version}</span>
        <time dateTime={version.createdAt}>{dateTime.format(new Date(version.createdAt))}</time>
      </div>
      <p className="proposal-version__changes">{changes}</p>
      {version.approvalStatus === 'pending' || version.approvalStatus === 'declined' || version.approvalStatus === 'approved' ? (
        <p className="proposal-version__approval">{approvalNote(version)}</p>
      ) : null}
      <p className="proposal-version__file">
        {version.fileName}
        {version.watermarked ? ' · marked “Draft — pending approval”' : ''}
        {waiting ? ' · kept on this device, waiting to upload' : ''}
      </p>
      {version.legacy ? (
        <p className="proposal-entry__legacy">{LEGACY_NOTE}.</p>
      ) : (
        <div className="button-row proposal-version__actions">
          <button type="button" className="button button--small" disabled={busy} onClick={() => actions.open(file)}>
            Open<span className="visually-hidden"> {version.fileName}</span>
          </button>
          <button type="button" className="button button--small" disabled={busy} onClick={() => actions.download(file)}>
            Download again<span className="visually-hidden"> {version.fileName}</span>
          </button>
          <Link className="button button--small" to={`/proposals/new?from=${encodeURIComponent(version.activityId)}`}>
            New version<span className="visually-hidden"> from {version.fileName}</span>
          </Link>
        </div>
      )}
    </li>
  );
}

function SignedCopy({ signature, actions }: { signature: ProposalSignature; actions: FileActions }) {
  const file: FileRef = { activityId: signature.activityId, filePath: signature.filePath, sha256: signature.sha256, fileName: signature.fileName };
  const busy = actions.busy === signature.activityId;
  return (
    <div className="proposal-entry__signed">
      <p>Signed copy: {signature.fileName}</p>
      <div className="button-row">
        <button type="button" className="button button--small" disabled={busy} onClick={() => actions.open(file)}>
          Open<span className="visually-hidden"> {signature.fileName}</span>
        </button>
        <button type="button" className="button button--small" disabled={busy} onClick={() => actions.download(file)}>
          Download<span className="visually-hidden"> {signature.fileName}</span>
        </button>
      </div>
    </div>
  );
}
