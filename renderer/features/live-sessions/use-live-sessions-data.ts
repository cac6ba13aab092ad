/**
 * Everything the Live sessions screen reads, live from the local store: webinars, coaching slots,
 * this partner's registrations and bookings, and those of them the server refused.
 */
import { useMemo } from 'react';
import { useDatabase } from '../../data/DatabaseProvider';
import { useQuery } from '../../data/use-query';
import { useCatalog } from '../../data/workstation-hooks';
import { useOpenWorkspace } from '../../session';
import { useRefusedWrites } from '../../session/sync/use-refused-writes';
import { useTierAccess } from '../../session/use-entitlement';
import { resolveTimeZone } from '../../../sync/domain/zoned-time';
import { coachingSlotBodySchema, webinarBodySchema, type CoachingSlotBody, type WebinarBody } from '../../../sync/schema/catalog-bodies';
import type { Tier } from '../../../sync/schema/fields';
import { useNow } from '../../ui/use-now';
import { systemTimeZone } from '../../ui/format';

export interface Webinar {
  id: string;
  title: string;
  tierRequired: Tier;
  body: WebinarBody;
}


export interface CoachingSlot {
  id: string;
  title: string;
  tierRequired: Tier;
  body: CoachingSlotBody;
}

interface CatalogRowLike {
  id: string;
  title: string;
  tier_required: Tier;
  body: unknown;
}

/** Rows whose body does not parse are left out rather than shown half-formed (a newer app wrote them). */
function parseRows<B>(rows: readonly CatalogRowLike[], parse: (body: unknown) => B | null) {
  return rows.flatMap((row) => {
    const body = parse(row.body);
    return body ? [{ id: row.id, title: row.title, tierRequired: row.tier_required, body }] : [];
  });
}

export function useLiveSessionsData() {
  const db = useDatabase();
  const workspace = useOpenWorkspace();
  const access = useTierAccess();
  const webinarRows = useCatalog('webinar');
  const slotRows = useCatalog('coaching_slot');
  const sessions = useQuery('training_progress', { selector: { kind: { $in: ['registration', 'booking'] } } });
  const profiles = useQuery('profiles', { limit: 1 });
  const now = useNow();
  const refused = useRefusedWrites('training_progress');
  const sources = [webinarRows, slotRows, sessions, profiles];

  const webinars = useMemo(
    () => parseRows<WebinarBody>(webinarRows.data, (body) => webinarBodySchema.safeParse(body).data ?? null)
      .sort((a, b) => a.body.starts_at.localeCompare(b.body.starts_at)),
    [webinarRows.data],
  );
  const slots = useMemo(
    () => parseRows<CoachingSlotBody>(slotRows.data, (body) => coachingSlotBodySchema.safeParse(body).data ?? null)
      .sort((a, b) => a.body.starts_at.localeCompare(b.body.starts_at)),
    [slotRows.data],
  );
  /** Session id → this partner's active registration or booking row id. */
  const mine = useMemo(() => new Map(sessions.data.map((row) => [row.course_id, row.id])), [sessions.data]);

  return {
    db,
    partnerId: workspace?.partnerId ?? null,
    tier: access?.tier ?? null,
    loading: access === null || sources.some((source) => source.loading),
    error: sources.find((source) => source.error)?.error ?? null,
    webinars,
    slots,
    mine,
    /** This partner's registration or booking rows the server refused (a full or taken session, a tier above theirs), by row id. */
    refusedSessions: refused.byDocId,
    discardRefused: refused.discard,
    timeZone: resolveTimeZone(profiles.data[0]?.timezone, systemTimeZone()),
    now,
  };
}

export type LiveSessionsData = ReturnType<typeof useLiveSessionsData>;
