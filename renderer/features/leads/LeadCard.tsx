/**
 * One lead on the pipeline board: company (a link to the lead), contact, value with currency,
 * days in the current stage, source and, in Closed, won or lost. The whole card drags with a
 * pointer; the "Move …" handle is the keyboard's way in (Space picks up, arrows choose a column).
 */
import { useEffect, useRef } from 'react';
import { useDraggable } from '@dnd-kit/core';
import { Link } from 'react-router-dom';
import { daysInCurrentStage, sourceLabel, stageLabel } from '../../../sync/domain/leads';
import { columnOfStage } from '../../../sync/domain/pipeline';
import type { LeadSource, LeadStage } from '../../../sync/schema/leads.schema';
import { formatMoney, plural } from '../../ui/format';
import type { RegistrationFields } from '../../../sync/domain/deal-registration';
import { RegistrationBadge } from './RegistrationBadge';

export interface BoardLead extends RegistrationFields {
  readonly id: string;
  readonly company: string;
  readonly contact_name?: string | null;
  readonly email?: string | null;
  readonly stage: LeadStage;
  readonly source: LeadSource;
  readonly estimated_value?: number | null;
  readonly currency?: string | null;
  readonly lost_reason?: string | null;
  readonly created_at: string;
  readonly updated_at?: string | null;
  readonly stage_changed_at?: string | null;
}

export interface LeadCardProps {
  lead: BoardLead;
  now: Date;
  /** Move keyboard focus to this card's handle once it mounts (after a move). */
  takeFocus?: boolean;
  onFocusTaken?(): void;
}

export function LeadCardBody({ lead, now, link }: { lead: BoardLead; now: Date; link: boolean }) {
  const closed = columnOfStage(lead.stage) === 'closed';
  return (
    <>
      <p className="lead-card__company">
        {link ? <Link to={`/leads/${encodeURIComponent(lead.id)}`}>{lead.company}</Link> : lead.company}
      </p>
      {lead.contact_name ? <p className="lead-card__line">{lead.contact_name}</p> : null}
      <p className="lead-card__line lead-card__value">
        {typeof lead.estimated_value === 'number' ? formatMoney(lead.estimated_value, lead.currency ?? null) : 'No estimated value'}
      </p>
      <p className="lead-card__meta">
        {plural(daysInCurrentStage(lead, now), 'day', 'days')} in stage · {sourceLabel(lead.source)}
      </p>
      <RegistrationBadge lead={lead} now={now} />
      {closed ? (
        <p className="lead-card__outcome">
          <span className="stage-badge" data-stage={lead.stage}>
            {stageLabel(lead.stage)}
          </span>
          {lead.stage === 'lost' && lead.lost_reason ? <span className="lead-card__reason">{lead.lost_reason}</span> : null}
        </p>
      ) : null}
    </>
  );
}

export function LeadCard({ lead, now, takeFocus = false, onFocusTaken }: LeadCardProps) {
  const { attributes, listeners, setNodeRef, setActivatorNodeRef, isDragging } = useDraggable({
    id: lead.id,
    data: { column: columnOfStage(lead.stage) },
  });
  const handleRef = useRef<HTMLButtonElement | null>(null);

  useEffect(() => {
    if (!takeFocus) return;
    handleRef.current?.focus();
    onFocusTaken?.();
  }, [takeFocus, onFocusTaken]);

  return (
    <article ref={setNodeRef} className="lead-card" data-dragging={isDragging || undefined} data-testid="lead-card" {...listeners}>
      <button
        ref={(node) => {
          handleRef.current = node;
          setActivatorNodeRef(node);
        }}
        type="button"
        className="lead-card__handle"
        {...attributes}
        aria-roledescription="movable lead"
        aria-label={`Move ${lead.company}`}
      >
        <svg viewBox="0 0 16 16" width="14" height="14" aria-hidden="true" focusable="false">
          <path d="M5 3h2v2H5zm4 0h2v2H9zM5 7h2v2H5zm4 0h2v2H9zm-4 4h2v2H5zm4 0h2v2H9z" fill="currentColor" />
        </svg>
      </button>
      <LeadCardBody lead={lead} now={now} link />
    </article>
  );
}
