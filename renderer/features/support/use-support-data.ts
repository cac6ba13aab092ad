/**
 * Everything the Support screens read, live from the local store: this partner's support tickets,
 * one ticket's conversation, the support settings (response targets, Slack), the group calls the
 * tier reaches with this partner's registrations, and the attachments still waiting to upload with
 * what the uploader's last round left behind (the uploader itself runs in the shell, on any screen).
 */
import { useEffect, useMemo, useState, useSyncExternalStore } from 'react';
import { useDatabase } from '../../data/DatabaseProvider';
import { useDocument, useQuery } from '../../data/use-query';
import { useCatalog } from '../../data/workstation-hooks';
import { useOpenWorkspace } from '../../session';
import { useTierAccess } from '../../session/use-entitlement';
import { useNow } from '../../ui/use-now';
import { systemTimeZone } from '../../ui/format';
import { errorMessage } from '../../ui/error-message';
import { resolveTimeZone } from '../../../sync/domain/zoned-time';
import { TIERS, type Tier } from '../../../sync/schema/fields';
import { groupCallBodySchema, supportSettingsBodySchema, type GroupCallBody, type SupportSettingsBody } from '../../../sync/schema/community-bodies';
import { buildThreadView, responseHoursFor } from '../../../sync/domain/support-tickets';
import {
  attachmentUploadProblem,
  listPendingAttachments,
  onAttachmentUploadProblemChange,
  onPendingAttachmentsChange,
  type PendingAttachment,
} from './attachment-queue';

export interface GroupCall {
  id: string;
  title: string;
  tierRequired: Tier;
  body: GroupCallBody;
}

export function tierReaches(partnerTier: Tier | null, required: Tier): boolean {
  return TIERS.indexOf(partnerTier ?? 'starter') >= TIERS.indexOf(required);
}

/** The support_settings row (slug `support`); null until it syncs or when its body does not parse. */
function useSupportSettings(): { settings: SupportSettingsBody | null; loading: boolean; error: Error | null } {
  const rows = useCatalog('support_settings');
  const settings = useMemo(() => {
    const row = rows.data.find((candidate) => candidate.slug === 'support') ?? rows.data[0];
    return row ? (supportSettingsBodySchema.safeParse(row.body).data ?? null) : null;
  }, [rows.data]);
  return { settings, loading: rows.loading, error: rows.error };
}

export interface AttachmentUploads {
  /** Message id → the attachment still on this device only. */
  pending: ReadonlyMap<string, PendingAttachment>;
  /** Why a file is stuck, as a sentence: the list could not be read, or the last upload round left it behind. */
  problem: string | null;
  /** Whether this workspace uploads at all (the demo workspace does not). */
  syncs: boolean;
}

/** What the Support screens show of the uploader (driven by the shell), kept current by the queue's change events. */
export function useAttachmentUploads(): AttachmentUploads {
  const workspace = useOpenWorkspace();
  const partnerId = workspace?.partnerId ?? null;
  const [pending, setPending] = useState<ReadonlyMap<string, PendingAttachment>>(new Map());
  const [readProblem, setReadProblem] = useState<string | null>(null);
  const roundProblem = useSyncExternalStore(onAttachmentUploadProblemChange, () => (partnerId ? attachmentUploadProblem(partnerId) : null));

  useEffect(() => {
    if (!partnerId) return undefined;
    let active = true;
    const load = () =>
      listPendingAttachments(partnerId).then(
        (records) => {
          if (!active) return;
          setPending(new Map(records.map((record) => [record.messageId, record])));
          setReadProblem(null);
        },
        (error: unknown) => active && setReadProblem(errorMessage(error)),
      );
    void load();
    const stop = onPendingAttachmentsChange(() => void load());
    return () => {
      active = false;
      stop();
    };
  }, [partnerId]);

  return { pending, problem: readProblem ?? roundProblem, syncs: Boolean(workspace?.sync?.client) };
}

export function useSupportData() {
  const db = useDatabase();
  const workspace = useOpenWorkspace();
  const access = useTierAccess();
  const tickets = useQuery('tickets', { selector: { kind: 'support' }, sort: [{ created_at: 'desc' }] });
  const groupCallRows = useCatalog('group_call');
  const registrations = useQuery('training_progress', { selector: { kind: 'registration' } });
  const profiles = useQuery('profiles', { limit: 1 });
  const settings = useSupportSettings();
  const now = useNow();
  const sources = [tickets, groupCallRows, registrations, profiles, settings];
  const tier = access?.tier ?? null;

  const groupCalls = useMemo(
    () =>
      groupCallRows.data
        .flatMap((row): GroupCall[] => {
          const body = groupCallBodySchema.safeParse(row.body).data;
          return body ? [{ id: row.id, title: row.title, tierRequired: row.tier_required, body }] : [];
        })
        .sort((a, b) => a.body.starts_at.localeCompare(b.body.starts_at)),
    [groupCallRows.data],
  );
  /** Group call id → this partner's registration row id. */
  const registered = useMemo(() => new Map(registrations.data.map((row) => [row.course_id, row.id])), [registrations.data]);

  return {
    db,
    access,
    tier,
    partnerId: workspace?.partnerId ?? null,
    loading: access === null || sources.some((source) => source.loading),
    error: sources.find((source) => source.error)?.error ?? null,
    tickets: tickets.data,
    settings: settings.settings,
    responseHours: responseHoursFor(tier, settings.settings?.response_hours),
    groupCalls,
    registered,
    timeZone: resolveTimeZone(profiles.data[0]?.timezone, systemTimeZone()),
    now,
  };
}
export type SupportData = ReturnType<typeof useSupportData>;

export function useTicketData(ticketId: string | undefined) {
  const db = useDatabase();
  const workspace = useOpenWorkspace();
  const access = useTierAccess();
  const ticket = useDocument('tickets', ticketId);
  const messages = useQuery('ticket_messages', { selector: { ticket_id: ticketId ?? '' }, sort: [{ created_at: 'asc' }] });
  const profile = useDocument('profiles', workspace?.partnerId);
  const settings = useSupportSettings();
  const now = useNow();
  const ownName = profile.data?.display_name || 'You';
  const conversation = useMemo(() => buildThreadView(messages.data, ownName), [messages.data, ownName]);
  const sources = [ticket, messages, profile, settings];
  return {
    db,
    partnerId: workspace?.partnerId ?? null,
    client: workspace?.sync?.client ?? null,
    loading: access === null || sources.some((source) => source.loading),
    error: sources.find((source) => source.error)?.error ?? null,
    ticket: ticket.data,
    conversation,
    responseHours: responseHoursFor(access?.tier ?? null, settings.settings?.response_hours),
    timeZone: resolveTimeZone(profile.data?.timezone, systemTimeZone()),
    now,
  };
}
export type TicketData = ReturnType<typeof useTicketData>;
