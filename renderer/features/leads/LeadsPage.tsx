/**
 * /leads: quick stats, search and filters, and the leads as a list (most recently updated first,
 * with bulk actions) or, for tiers with the pipeline feature, as a pipeline board. The view is in
 * the URL (?view=board) so it survives navigation. The header offers CSV import (its own page)
 * and export of the leads the filters show.
 */
import { useCallback, useDeferredValue, useMemo, useState } from 'react';
import { Link, useSearchParams } from 'react-router-dom';
import { usePlatform } from '../../platform';
import { useEntitlement } from '../../session/use-entitlement';
import { errorMessage } from '../../ui/error-message';
import { LockedFeature } from '../../ui/LockedFeature';
import { PageHeader } from '../../ui/PageHeader';
import { plural } from '../../ui/format';
import { emptyLeadForm, sortLeadsByRecentChange, stageLabel, type LeadStage } from '../../../sync/domain/leads';
import {
  applyLeadFilter,
  EMPTY_LEAD_FILTER_INPUT,
  isEmptyFilter,
  LeadSearchIndex,
  parseLeadFilter,
  type LeadFilter,
  type LeadFilterInput,
} from '../../../sync/domain/lead-search';
import { PIPELINE_COLUMN_LABELS, PIPELINE_FEATURE, columnOfStage, type DropOutcome } from '../../../sync/domain/pipeline';
import { createLead, moveLeadToStage } from './lead-writes';
import { saveLeadsAsCsv } from './lead-export';
import { BulkActions } from './BulkActions';
import { CloseLeadDialog } from './CloseLeadDialog';
import { LeadFilters } from './LeadFilters';
import { LeadFormDialog } from './LeadFormDialog';
import { LeadStats } from './LeadStats';
import { LeadTable } from './LeadTable';
import { LeadToast } from './LeadToast';
import { PipelineBoard, type FocusRequest } from './PipelineBoard';
import { useLeadToastStore } from './lead-toast-store';
import { useLeads, useLeadWorkspace } from './use-leads-data';
import './leads.css';

type View = 'list' | 'board';

const NO_FILTER: LeadFilter = { stage: null, source: null, createdFrom: null, createdBefore: null, valueMin: null, valueMax: null };
const NOT_SIGNED_IN = 'No partner is signed in on this device, so the lead cannot be moved. Open your workspace and try again.';

function systemTimeZone(): string {
  return Intl.DateTimeFormat().resolvedOptions().timeZone;
}

export function LeadsPage() {
  const leads = useLeads();
  const { db, partnerId, defaultCurrency } = useLeadWorkspace();
  const access = useEntitlement(PIPELINE_FEATURE);
  const [params, setParams] = useSearchParams();
  const [text, setText] = useState('');
  const [filterInput, setFilterInput] = useState<LeadFilterInput>(EMPTY_LEAD_FILTER_INPUT);
  const [creating, setCreating] = useState(false);
  const [closing, setClosing] = useState<{ id: string; company: string } | null>(null);
  const [focusRequest, setFocusRequest] = useState<FocusRequest | null>(null);
  const [selected, setSelected] = useState<ReadonlySet<string>>(new Set());
  const [problem, setProblem] = useState<string | null>(null);
  const deferredText = useDeferredValue(text);
  const showToast = useLeadToastStore((state) => state.show);
  const platform = usePlatform();

  const boardAllowed = access?.allowed === true;
  const view: View = boardAllowed && params.get('view') === 'board' ? 'board' : 'list';

  // One index for the page's lifetime, built on the first search (not on opening the page, where
  // indexing 10,000 leads would delay the first render) and then told only what changed.
  const [searchIndex] = useState(() => new LeadSearchIndex());
  const indexedLeads = leads.data;
  const searchHits = useMemo(() => {
    if (deferredText.trim() === '') return null;
    searchIndex.sync(indexedLeads);
    return searchIndex.search(deferredText);
  }, [searchIndex, indexedLeads, deferredText]);

  const parsedFilter = useMemo(() => parseLeadFilter(filterInput, systemTimeZone()), [filterInput]);
  const filter = parsedFilter.ok ? parsedFilter.filter : NO_FILTER;
  const visible = useMemo(
    () => sortLeadsByRecentChange(applyLeadFilter(indexedLeads, filter, searchHits)),
    [indexedLeads, filter, searchHits],
  );
  const filtered = searchHits !== null || !isEmptyFilter(filter);
  const now = new Date();
  const selectedVisible = useMemo(() => visible.filter((lead) => selected.has(lead.id)), [visible, selected]);

  function setView(next: View) {
    setParams(
      (current) => {
        const updated = new URLSearchParams(current);
        if (next === 'board') updated.set('view', 'board');
        else updated.delete('view');
        return updated;
      },
      { replace: true },
    );
  }

  function clearFilters() {
    setText('');
    setFilterInput(EMPTY_LEAD_FILTER_INPUT);
  }

  async function move(id: string, stage: LeadStage, lostReason: string | null) {
    if (!db || !partnerId) throw new Error(NOT_SIGNED_IN);
    await moveLeadToStage(db, partnerId, id, stage, lostReason);
  }

  const handleDrop = useCallback(
    (lead: { id: string; company: string }, outcome: Exclude<DropOutcome, { kind: 'unchanged' }>) => {
      setProblem(null);
      if (outcome.kind === 'choose-outcome') {
        setClosing({ id: lead.id, company: lead.company });
        return;
      }
      setFocusRequest({ leadId: lead.id, column: columnOfStage(outcome.stage) });
      if (!db || !partnerId) {
        setProblem(NOT_SIGNED_IN);
        return;
      }
      moveLeadToStage(db, partnerId, lead.id, outcome.stage).catch((error: unknown) =>
        setProblem(`“${lead.company}” was not moved: ${errorMessage(error)}`),
      );
    },
    [db, partnerId],
  );
  const clearFocus = useCallback(() => setFocusRequest(null), []);

  function toggle(id: string, on: boolean) {
    setSelected((current) => {
      const next = new Set(current);
      if (on) next.add(id);
      else next.delete(id);
      return next;
    });
  }

  function toggleAllVisible(on: boolean) {
    setSelected((current) => {
      const next = new Set(current);
      for (const lead of visible) {
        if (on) next.add(lead.id);
        else next.delete(lead.id);
      }
      return next;
    });
  }

  async function exportShown() {
    setProblem(null);
    const what = filtered ? `${visible.length} filtered ${visible.length === 1 ? 'lead' : 'leads'}` : `all ${visible.length} leads`;
    try {
      const result = await saveLeadsAsCsv(platform, visible);
      showToast({
        message: result.saved ? `Exported ${what} as CSV${result.path ? ` to ${result.path}` : ''}.` : 'The CSV file was not saved.',
      });
    } catch (error) {
      setProblem(`The CSV file could not be saved: ${errorMessage(error)}. Try again.`);
    }
  }

  const countText = leads.loading
    ? 'Loading leads…'
    : filtered
      ? `Showing ${visible.length} of ${leads.data.length} leads`
      : plural(leads.data.length, 'lead', 'leads');

  return (
    <>
      <title>Leads · SISO Partner Workstation</title>
      <div className="page-header-row">
        <PageHeader title="Leads" description="Everyone you have referred to SISO, stored on this device and synced when online." />
        <div className="button-row">
          <Link className="button" to="/leads/import">
            Import CSV
          </Link>
          <button type="button" className="button" onClick={() => void exportShown()} disabled={visible.length === 0}>
            {filtered ? 'Export filtered as CSV' : 'Export CSV'}
          </button>
          <button type="button" className="button button--primary" onClick={() => setCreating(true)} disabled={!db || !partnerId}>
            New lead
          </button>
        </div>
      </div>

      {leads.error ? (
        <p role="alert" className="inline-message">
          The leads could not be read from this device: {leads.error.message}
        </p>
      ) : null}

      <LeadStats leads={leads.data} />

      {access && !access.allowed ? (
        <LockedFeature
          title="Pipeline board"
          description="See your leads as a board from New to Closed and move them between stages by dragging."
          message={access.message}
        />
      ) : null}

      <section aria-labelledby="lead-list-heading" className="card lead-list">
        <div className="lead-list__header">
          <h2 id="lead-list-heading">{view === 'board' ? 'Pipeline' : 'All leads'}</h2>
          {boardAllowed ? (
            <div className="view-switch" role="group" aria-label="View">
              <button type="button" className="view-switch__option" aria-pressed={view === 'board'} onClick={() => setView('board')}>
                Board
              </button>
              <button type="button" className="view-switch__option" aria-pressed={view === 'list'} onClick={() => setView('list')}>
                List
              </button>
            </div>
          ) : null}
        </div>
        <LeadFilters
          text={text}
          onTextChange={setText}
          input={filterInput}
          onInputChange={setFilterInput}
          errors={parsedFilter.ok ? {} : parsedFilter.errors}
        />

        <p className="lead-list__count" role="status">
          {countText}
        </p>

        {problem ? (
          <p role="alert" className="inline-message">
            {problem}
          </p>
        ) : null}

        {!leads.loading && visible.length === 0 ? (
          <div className="empty-state">
            {filtered ? (
              <>
                <p>No leads match these filters.</p>
                <button type="button" className="button" onClick={clearFilters}>
                  Clear filters
                </button>
              </>
            ) : (
              <p>No leads yet. Add the first one with “New lead”.</p>
            )}
          </div>
        ) : null}

        {view === 'board' && !leads.loading ? (
          <PipelineBoard leads={visible} now={now} onDrop={handleDrop} focusRequest={focusRequest} onFocusTaken={clearFocus} />
        ) : null}

        {view === 'list' && selectedVisible.length > 0 ? <BulkActions leads={selectedVisible} onClear={() => setSelected(new Set())} /> : null}

        {view === 'list' && visible.length > 0 ? (
          <LeadTable leads={visible} now={now} selected={selected} onToggle={toggle} onToggleAll={toggleAllVisible} />
        ) : null}
      </section>

      {creating && db && partnerId ? (
        <LeadFormDialog
          title="New lead"
          submitLabel="Add lead"
          initial={emptyLeadForm(defaultCurrency)}
          onClose={() => setCreating(false)}
          onSubmit={async (values) => {
            const lead = await createLead(db, partnerId, values);
            setCreating(false);
            showToast({ message: `Added “${lead.company}”.` });
          }}
        />
      ) : null}

      {closing ? (
        <CloseLeadDialog
          company={closing.company}
          onClose={() => setClosing(null)}
          onConfirm={async (choice) => {
            await move(closing.id, choice.stage, choice.lostReason);
            setFocusRequest({ leadId: closing.id, column: 'closed' });
            setClosing(null);
            showToast({
              message: `Moved “${closing.company}” to ${PIPELINE_COLUMN_LABELS[columnOfStage(choice.stage)]} as ${stageLabel(choice.stage).toLowerCase()}.`,
            });
          }}
        />
      ) : null}

      <LeadToast />
    </>
  );
}
