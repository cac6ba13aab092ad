/**
 * Migration strategies per collection. When a schema goes to version N, add `N: (oldDoc) => newDoc`
 * here (and ship the matching SQL migration in the same change, see conventions.md). RxDB runs
 * them on open, before any query.
 */
import type { MigrationStrategies } from 'rxdb';
import type { CollectionName } from './collections';

export type WorkstationMigrationStrategies = { readonly [N in CollectionName]: MigrationStrategies };

export const WORKSTATION_MIGRATION_STRATEGIES: WorkstationMigrationStrategies = {
  profiles: {
    // 1: tax_details (migration payout_details); unknown until the server says otherwise.
    1: (doc: Record<string, unknown>) => ({ ...doc, tax_details: doc.tax_details ?? null }),
    // 2: payout_automatic (migration payout_preferences); off, the server's default, until a pull says otherwise.
    2: (doc: Record<string, unknown>) => ({ ...doc, payout_automatic: doc.payout_automatic === true }),
    // 3: notification center and onboarding columns (migration notification_center); empty until a pull fills them.
    3: (doc: Record<string, unknown>) => ({
      ...doc,
      country: doc.country ?? null,
      notification_prefs: doc.notification_prefs ?? null,
      quiet_hours_start: doc.quiet_hours_start ?? null,
      quiet_hours_end: doc.quiet_hours_end ?? null,
      onboarding_checklist: doc.onboarding_checklist ?? null,
      onboarding_completed_at: doc.onboarding_completed_at ?? null,
      agreement_version: doc.agreement_version ?? null,
      agreement_accepted_at: doc.agreement_accepted_at ?? null,
      agreement_sha256: doc.agreement_sha256 ?? null,
    }),
    // 4: dashboard_layout (migration analytics); no custom dashboard until a pull brings one.
    4: (doc: Record<string, unknown>) => ({ ...doc, dashboard_layout: doc.dashboard_layout ?? null }),
  },
  leads: {
    // 1: website, deal registration and client projects (migration deal_registration); empty until a pull fills them.
    1: (doc: Record<string, unknown>) => ({
      ...doc,
      website: doc.website ?? null,
      registration_requested_at: doc.registration_requested_at ?? null,
      registration_status: doc.registration_status ?? null,
      registration_decided_at: doc.registration_decided_at ?? null,
      registration_expires_at: doc.registration_expires_at ?? null,
      registration_reason: doc.registration_reason ?? null,
      client_projects: doc.client_projects ?? null,
    }),
  },
  activities: {
    // 1: kind 'article_feedback' joins (migration support_community); stored rows are unchanged.
    1: (doc: Record<string, unknown>) => doc,
    // 2: proposals v2 (migration proposals_v2); the new columns start empty, so rows saved before
    // versions existed stay one-version legacy proposals until a pull says otherwise.
    2: (doc: Record<string, unknown>) => ({
      ...doc,
      proposal_id: doc.proposal_id ?? null,
      discount_percent: doc.discount_percent ?? null,
      approval_status: doc.approval_status ?? null,
      decided_at: doc.decided_at ?? null,
      decision_note: doc.decision_note ?? null,
    }),
  },
  referral_links: {},
  tickets: {
    // 1: threads for support and the forum (migration support_community); every older row was a support ticket.
    1: (doc: Record<string, unknown>) => ({
      ...doc,
      kind: 'support',
      tier_required: 'starter',
      author_name: null,
      author_company: null,
      author_tier: null,
      locked: false,
      hidden: false,
      pinned: false,
      assigned_to: null,
      assigned_name: null,
      first_response_at: null,
      response_due_at: null,
      last_message_at: null,
      message_count: 0,
      helpful_message_id: null,
    }),
  },
  ticket_messages: {
    // 1: forum posts, internal notes, attachments (migration support_community).
    1: (doc: Record<string, unknown>) => ({
      ...doc,
      visibility: 'public',
      author_name: null,
      author_company: null,
      author_tier: null,
      hidden: false,
      helpful: false,
      edited_at: null,
      attachment_path: null,
      attachment_name: null,
      attachment_mime: null,
      attachment_size: null,
    }),
  },
  training_progress: {
    // 1: kinds (migration training_hub); every row recorded before was module progress.
    1: (doc: Record<string, unknown>) => ({
      ...doc,
      kind: typeof doc.kind === 'string' ? doc.kind : 'module',
      module_id: doc.module_id ?? null,
      position_seconds: doc.position_seconds ?? null,
      answers: doc.answers ?? null,
      status: doc.status ?? null,
      track: doc.track ?? null,
      verification_code: doc.verification_code ?? null,
      issued_at: doc.issued_at ?? null,
      expires_at: doc.expires_at ?? null,
      ref_id: doc.ref_id ?? null,
    }),
  },
  notifications: {},
  partner_status: {},
  catalog: {
    // 1: kind 'promotion' joins the allowed kinds; stored rows are unchanged.
    1: (doc: Record<string, unknown>) => doc,
    // 2: kinds module, assessment, webinar and coaching_slot join; stored rows are unchanged.
    2: (doc: Record<string, unknown>) => doc,
    // 3: learning paths, support, community and agreement kinds join; stored rows are unchanged.
    3: (doc: Record<string, unknown>) => doc,
    // 4: kinds program_aggregate and leaderboard join; stored rows are unchanged.
    4: (doc: Record<string, unknown>) => doc,
  },
  earnings: {
    // 1: commission lines (migration earnings_commission_lines). Legacy statuses and types stay
    // valid; the new columns start empty until the next pull brings the server's values.
    1: (doc: Record<string, unknown>) => ({
      ...doc,
      tier: doc.tier ?? null,
      deal_value: doc.deal_value ?? null,
      payout_id: doc.payout_id ?? null,
      reason: doc.reason ?? null,
      reverses_id: doc.reverses_id ?? null,
      lead_win: doc.lead_win ?? null,
      history: Array.isArray(doc.history) ? doc.history : [],
    }),
  },
  link_clicks: {},
  payouts: {},
};

/** The versions a schema at `schemaVersion` needs strategies for that `strategies` lacks. */
export function missingMigrationVersions(schemaVersion: number, strategies: MigrationStrategies): number[] {
  const missing: number[] = [];
  for (let version = 1; version <= schemaVersion; version += 1) {
    if (typeof strategies[version] !== 'function') missing.push(version);
  }
  return missing;
}
