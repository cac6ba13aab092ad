/**
 * Who may do what, cell by cell: every actor × every table and bucket × select/insert/update/delete,
 * each in its own transaction (as the actor, via actAs) that rolls back. The targets are rows owned
 * by partner A, so partner B's column is "another partner's data". Deny = error or nothing
 * visible/affected. Runs on PGlite and on a throwaway PostgreSQL 15 cluster.
 */
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { JwtClaims } from '../../sync/server/auth/jwt';
import { actAs } from '../../sync/server/db/claims';
import type { DbEngine, SqlExecutor } from '../../sync/server/db/engine';
import { prepareDatabase } from '../../sync/server/db/migrate';
import { openPglite } from '../../sync/server/db/pglite';
import { openPostgres } from '../../sync/server/db/postgres';
import { seedUsers } from '../../sync/server/db/seed-accounts';
import { startPostgresCluster } from '../fixtures/postgres-cluster';

type Verdict = 'allow' | 'deny';
type Op = 'select' | 'insert' | 'update' | 'delete';
type ActorName = 'anon' | 'partner A' | 'partner B' | 'admin' | 'expired session';

const A = seedUsers.active;
const B = seedUsers.performer;

function userClaims(user: typeof A | typeof B | typeof seedUsers.admin): JwtClaims {
  return { sub: user.id, role: 'authenticated', email: user.email, app_metadata: { provider: 'email', role: user.role } };
}

// An expired token is rejected by the server, which then serves the request as anon.
const actors: Record<ActorName, JwtClaims> = {
  anon: { role: 'anon' },
  'partner A': userClaims(A),
  'partner B': userClaims(B),
  admin: userClaims(seedUsers.admin),
  'expired session': { role: 'anon' },
};

/** Runs an operation; the number is rows visible or affected. */
type Action = (tx: SqlExecutor) => Promise<number>;

interface Target {
  name: string;
  /** Runs as the owner before the actor takes over (inside the same rolled-back transaction). */
  setup?: Action;
  /** Like setup, for one operation only. */
  setupFor?: Partial<Record<Op, Action>>;
  ops: Record<Op, Action>;
  expected: Record<Op, ActorName[]>;
}

const affected = (sql: string, params: unknown[] = []): Action => async (tx) => (await tx.query(sql, params)).affectedRows;
const visible = (sql: string, params: unknown[] = []): Action => async (tx) => (await tx.query(sql, params)).rows.length;

const ownRowOf = (table: string) => `select "id" from "public"."${table}" where "partner_id" = '${A.id}' order by "id" limit 1`;

function partnerOwned(table: string, insertColumns: Record<string, unknown>, adminMayUpdate = false): Target {
  const columns = ['id', 'partner_id', ...Object.keys(insertColumns)];
  return {
    name: table,
    ops: {
      select: visible(`select 1 from "public"."${table}" where "partner_id" = $1`, [A.id]),
      insert: affected(
        `insert into "public"."${table}" (${columns.map((c) => `"${c}"`).join(', ')}) values (${columns.map((_, i) => `$${i + 1}`).join(', ')})`,
        [table === 'profiles' ? A.id : randomUUID(), A.id, ...Object.values(insertColumns)],
      ),
      update: affected(`update "public"."${table}" set "updated_at" = now() where "id" = (${ownRowOf(table)})`),
      delete: affected(`delete from "public"."${table}" where "id" = (${ownRowOf(table)})`),
    },
    expected: {
      select: ['partner A', 'admin'],
      insert: ['partner A'],
      update: adminMayUpdate ? ['partner A', 'admin'] : ['partner A'],
      delete: [],
    },
  };
}

function adminAuthored(table: string, insertSql: string, updateSql: string, partnerReadsAll = false): Target {
  return {
    name: table,
    ops: {
      select: partnerReadsAll
        ? visible(`select 1 from "public"."${table}" where "published"`)
        : visible(`select 1 from "public"."${table}" where "partner_id" = $1`, [A.id]),
      insert: affected(insertSql),
      update: affected(updateSql),
      delete: affected(
        partnerReadsAll
          ? `delete from "public"."${table}" where "id" = (select "id" from "public"."${table}" order by "id" limit 1)`
          : `delete from "public"."${table}" where "id" = (${ownRowOf(table)})`,
      ),
    },
    expected: {
      select: partnerReadsAll ? ['partner A', 'partner B', 'admin'] : ['partner A', 'admin'],
      insert: ['admin'],
      update: ['admin'],
      delete: [],
    },
  };
}

// Support tickets only: forum threads are readable by every partner whose tier reaches them.
const ownTicket = `(select "id" from "public"."tickets" where "partner_id" = '${A.id}' and "kind" = 'support' order by "id" limit 1)`;
const ownPartnerMessage = `(select "id" from "public"."ticket_messages" where "partner_id" = '${A.id}' and "author_role" = 'partner' and "ticket_id" = ${ownTicket} order by "id" limit 1)`;
const attachmentPath = `${A.id}/ticket/screenshot.png`;
const activeAssetPath = 'social_media/launch-card.png';
const eliteAssetPath = 'brochures/white-label-brochure.pdf';
const brandPath = `${A.id}/logo.png`;
const proposalPath = `${A.id}/proposal/version.pdf`;

const putObject = (bucket: string, name: string): Action =>
  affected(
    `insert into "storage"."objects" ("bucket_id", "name", "metadata") values ($1, $2, '{"size": 10, "mimetype": "image/png"}') on conflict do nothing`,
    [bucket, name],
  );

const ownPayoutSetup: Action = async (tx) => {
  await tx.query(
    `insert into "public"."earnings" ("id", "partner_id", "kind", "commission_type", "amount", "currency", "status") values ('rls-approved-line', $1, 'commission', 'bonus', 500, 'GBP', 'approved')`,
    [A.id],
  );
  return (await tx.query(
    `insert into "public"."payouts" ("id", "partner_id", "amount", "currency", "method", "status") values ('rls-own-payout', $1, 60, 'GBP', 'bank', 'requested')`,
    [A.id],
  )).affectedRows;
};

const targets: Target[] = [
  {
    ...partnerOwned('profiles', { display_name: 'Łukasz' }),
    // A already has a profile (one per partner), so the insert cell starts without it.
    setupFor: { insert: affected(`delete from "public"."profiles" where "partner_id" = $1`, [A.id]) },
  },
  partnerOwned('leads', { company: 'Test Co' }),
  partnerOwned('activities', { kind: 'note', body: 'Test' }),
  partnerOwned('referral_links', { name: 'Test link', destination: 'https://siso.agency' }),
  {
    ...partnerOwned('tickets', { subject: 'Help' }, true),
    ops: {
      ...partnerOwned('tickets', { subject: 'Help' }).ops,
      select: visible(`select 1 from "public"."tickets" where "partner_id" = $1 and "kind" = 'support'`, [A.id]),
      update: affected(`update "public"."tickets" set "updated_at" = now() where "id" = ${ownTicket}`),
      delete: affected(`delete from "public"."tickets" where "id" = ${ownTicket}`),
    },
    // Admins start threads in SISO updates.
    expected: { select: ['partner A', 'admin'], insert: ['partner A', 'admin'], update: ['partner A', 'admin'], delete: [] },
  },
  {
    ...partnerOwned('ticket_messages', { author_role: 'partner', body: 'Hello' }),
    ops: {
      select: visible(`select 1 from "public"."ticket_messages" where "ticket_id" = ${ownTicket}`),
      insert: async (tx) =>
        (await tx.query(
          `insert into "public"."ticket_messages" ("id", "partner_id", "ticket_id", "author_role", "body") values ($1, $2, ${ownTicket}, 'partner', 'Hello')`,
          [randomUUID(), A.id],
        )).affectedRows,
      update: affected(`update "public"."ticket_messages" set "updated_at" = now() where "id" = ${ownPartnerMessage}`),
      delete: affected(`delete from "public"."ticket_messages" where "id" = ${ownPartnerMessage}`),
    },
    // Admins moderate (hide) messages; whatever role an admin's message names, it is stored as a staff reply.
    expected: { select: ['partner A', 'admin'], insert: ['partner A', 'admin'], update: ['partner A', 'admin'], delete: [] },
  },
  partnerOwned('training_progress', { course_id: 'course', module_index: 3 }),
  adminAuthored(
    'partner_status',
    `insert into "public"."partner_status" ("id", "partner_id", "tier", "commission_rate") values ('${randomUUID()}', '${seedUsers.admin.id}', 'elite', 30)`,
    `update "public"."partner_status" set "tier" = 'elite', "commission_rate" = 30 where "partner_id" = '${A.id}'`,
  ),
  adminAuthored(
    'catalog',
    `insert into "public"."catalog" ("id", "kind", "title", "slug", "published") values ('${randomUUID()}', 'article', 'New', 'new-article', true)`,
    `update "public"."catalog" set "tier_required" = 'starter' where "slug" = 'white-label-kit'`,
    true,
  ),
  adminAuthored(
    'earnings',
    `insert into "public"."earnings" ("id", "partner_id", "kind", "amount", "currency") values ('${randomUUID()}', '${A.id}', 'commission', 1000, 'GBP')`,
    `update "public"."earnings" set "amount" = "amount" * 10 where "partner_id" = '${A.id}'`,
  ),
  adminAuthored(
    'notifications',
    `insert into "public"."notifications" ("id", "partner_id", "title") values ('${randomUUID()}', '${A.id}', 'Hello')`,
    `update "public"."notifications" set "title" = 'Changed' where "id" = (${ownRowOf('notifications')})`,
  ),
  adminAuthored(
    'link_clicks',
    `insert into "public"."link_clicks" ("id", "partner_id", "referral_link_id", "day", "clicks") values ('${randomUUID()}', '${A.id}', 'link', '2001-01-01', 5)`,
    `update "public"."link_clicks" set "clicks" = "clicks" + 100 where "partner_id" = '${A.id}'`,
  ),
  {
    // A's balance is topped up first, so a 50 GBP request passes the server's balance check.
    name: 'payouts',
    setup: ownPayoutSetup,
    ops: {
      select: visible(`select 1 from "public"."payouts" where "partner_id" = $1`, [A.id]),
      insert: affected(
        `insert into "public"."payouts" ("id", "partner_id", "amount", "currency", "method", "status") values ($1, $2, 50, 'GBP', 'bank', 'requested')`,
        [randomUUID(), A.id],
      ),
      update: affected(`update "public"."payouts" set "updated_at" = now() where "id" = 'rls-own-payout'`),
      delete: affected(`delete from "public"."payouts" where "id" = 'rls-own-payout'`),
    },
    expected: { select: ['partner A', 'admin'], insert: ['partner A', 'admin'], update: ['partner A', 'admin'], delete: [] },
  },
  {
    name: 'assessment_keys (server-only)',
    ops: {
      select: visible(`select 1 from "public"."assessment_keys"`),
      insert: affected(`insert into "public"."assessment_keys" ("assessment_id", "question_id", "correct_option_ids") values ('rls-assessment', 'q1', '{o1}') on conflict do nothing`),
      update: affected(`update "public"."assessment_keys" set "correct_option_ids" = '{o2}'`),
      delete: affected(`delete from "public"."assessment_keys"`),
    },
    expected: { select: [], insert: [], update: [], delete: [] },
  },
  {
    name: 'payout_details (server-only)',
    ops: {
      select: visible(`select 1 from "public"."payout_details"`),
      insert: affected(`insert into "public"."payout_details" ("partner_id", "method", "iban") values ($1, 'bank', 'GB82WEST12345698765432') on conflict do nothing`, [seedUsers.starter.id]),
      update: affected(`update "public"."payout_details" set "iban" = 'GB82WEST12345698765432' where "partner_id" = $1`, [A.id]),
      delete: affected(`delete from "public"."payout_details" where "partner_id" = $1`, [A.id]),
    },
    expected: { select: [], insert: [], update: [], delete: [] },
  },
  {
    name: 'storage: assets (active-tier file)',
    setup: putObject('assets', activeAssetPath),
    ops: {
      select: visible(`select 1 from "storage"."objects" where "bucket_id" = 'assets' and "name" = $1`, [activeAssetPath]),
      insert: putObject('assets', 'brochures/new.pdf'),
      update: affected(`update "storage"."objects" set "metadata" = '{}' where "bucket_id" = 'assets' and "name" = $1`, [activeAssetPath]),
      delete: affected(`delete from "storage"."objects" where "bucket_id" = 'assets' and "name" = $1`, [activeAssetPath]),
    },
    expected: { select: ['partner A', 'partner B', 'admin'], insert: ['admin'], update: ['admin'], delete: ['admin'] },
  },
  {
    name: "storage: brand (A's folder)",
    setup: putObject('brand', brandPath),
    ops: {
      select: visible(`select 1 from "storage"."objects" where "bucket_id" = 'brand' and "name" = $1`, [brandPath]),
      insert: putObject('brand', `${A.id}/second.png`),
      update: affected(`update "storage"."objects" set "metadata" = '{}' where "bucket_id" = 'brand' and "name" = $1`, [brandPath]),
      delete: affected(`delete from "storage"."objects" where "bucket_id" = 'brand' and "name" = $1`, [brandPath]),
    },
    expected: { select: ['partner A', 'admin'], insert: ['partner A'], update: ['partner A'], delete: ['partner A'] },
  },
  {
    name: "storage: ticket-attachments (A's folder)",
    setup: putObject('ticket-attachments', attachmentPath),
    ops: {
      select: visible(`select 1 from "storage"."objects" where "bucket_id" = 'ticket-attachments' and "name" = $1`, [attachmentPath]),
      insert: putObject('ticket-attachments', `${A.id}/ticket/second.png`),
      update: affected(`update "storage"."objects" set "metadata" = '{}' where "bucket_id" = 'ticket-attachments' and "name" = $1`, [attachmentPath]),
      delete: affected(`delete from "storage"."objects" where "bucket_id" = 'ticket-attachments' and "name" = $1`, [attachmentPath]),
    },
    // Staff attach files to their replies in the ticket owner's folder.
    expected: { select: ['partner A', 'admin'], insert: ['partner A', 'admin'], update: [], delete: ['partner A'] },
  },
  {
    name: "storage: proposals (A's folder)",
    setup: putObject('proposals', proposalPath),
    ops: {
      select: visible(`select 1 from "storage"."objects" where "bucket_id" = 'proposals' and "name" = $1`, [proposalPath]),
      insert: putObject('proposals', `${A.id}/proposal/second.pdf`),
      update: affected(`update "storage"."objects" set "metadata" = '{}' where "bucket_id" = 'proposals' and "name" = $1`, [proposalPath]),
      delete: affected(`delete from "storage"."objects" where "bucket_id" = 'proposals' and "name" = $1`, [proposalPath]),
    },
    // A stored version is final: nobody overwrites or removes it.
    expected: { select: ['partner A', 'admin'], insert: ['partner A'], update: [], delete: [] },
  },
];

interface SpecialCase {
  name: string;
  actor: ActorName | 'service_role';
  setup?: Action;
  action: Action;
  expected: Verdict;
}

const specialCases: SpecialCase[] = [
  {
    name: "partner A inserts a lead with B's partner_id",
    actor: 'partner A',
    action: affected(`insert into "public"."leads" ("id", "partner_id", "company") values ($1, $2, 'Sneaky Ltd')`, [randomUUID(), B.id]),
    expected: 'deny',
  },
  {
    name: "partner A moves own lead to B's partner_id",
    actor: 'partner A',
    action: affected(`update "public"."leads" set "partner_id" = $1 where "id" = (${ownRowOf('leads')})`, [B.id]),
    expected: 'deny',
  },
  {
    name: 'partner A inserts a lead without partner_id (defaults to auth.uid())',
    actor: 'partner A',
    action: async (tx) => {
      await tx.query(`insert into "public"."leads" ("id", "company") values ('default-owner-lead', 'Mine Ltd')`);
      return (await tx.query(`select 1 from "public"."leads" where "id" = 'default-owner-lead' and "partner_id" = $1`, [A.id])).rows.length;
    },
    expected: 'allow',
  },
  {
    name: "partner A reads B's leads",
    actor: 'partner A',
    action: visible(`select 1 from "public"."leads" where "partner_id" = $1`, [B.id]),
    expected: 'deny',
  },
  {
    name: 'partner A marks own notification read (read_at, updated_at)',
    actor: 'partner A',
    action: affected(`update "public"."notifications" set "read_at" = now(), "updated_at" = now() where "id" = (${ownRowOf('notifications')})`),
    expected: 'allow',
  },
  {
    name: 'partner A changes own notification body together with read_at',
    actor: 'partner A',
    action: affected(`update "public"."notifications" set "read_at" = now(), "body" = 'x' where "id" = (${ownRowOf('notifications')})`),
    expected: 'deny',
  },
  {
    name: "partner A soft-deletes own notification",
    actor: 'partner A',
    action: affected(`update "public"."notifications" set "_deleted" = true where "id" = (${ownRowOf('notifications')})`),
    expected: 'deny',
  },
  {
    name: 'partner A sets own commission rate',
    actor: 'partner A',
    action: affected(`update "public"."partner_status" set "commission_rate" = 50 where "partner_id" = $1`, [A.id]),
    expected: 'deny',
  },
  {
    name: 'partner A soft-deletes own lead',
    actor: 'partner A',
    action: affected(`update "public"."leads" set "_deleted" = true where "id" = (${ownRowOf('leads')})`),
    expected: 'allow',
  },
  {
    name: "partner A posts on B's ticket",
    actor: 'partner A',
    action: affected(
      `insert into "public"."ticket_messages" ("id", "partner_id", "ticket_id", "author_role", "body") values ($1, $2, (select "id" from "public"."tickets" where "partner_id" = $3 and "kind" = 'support' limit 1), 'partner', 'Hi')`,
      [randomUUID(), A.id, B.id],
    ),
    expected: 'deny',
  },
  {
    name: "admin's message on A's ticket is stored as a staff reply",
    actor: 'admin',
    action: async (tx) => {
      await tx.query(
        `insert into "public"."ticket_messages" ("id", "partner_id", "ticket_id", "author_role", "body") values ('rls-admin-as-partner', $1, ${ownTicket}, 'partner', 'Hi')`,
        [A.id],
      );
      return (await tx.query(`select 1 from "public"."ticket_messages" where "id" = 'rls-admin-as-partner' and "author_role" = 'support' and "author_name" = 'SISO Support'`)).rows.length;
    },
    expected: 'allow',
  },
  {
    name: 'partner A posts a message as support',
    actor: 'partner A',
    action: affected(
      `insert into "public"."ticket_messages" ("id", "partner_id", "ticket_id", "author_role", "body") values ($1, $2, ${ownTicket}, 'support', 'Hi')`,
      [randomUUID(), A.id],
    ),
    expected: 'deny',
  },
  {
    name: "admin replies as support on A's ticket",
    actor: 'admin',
    action: affected(
      `insert into "public"."ticket_messages" ("id", "partner_id", "ticket_id", "author_role", "body") values ($1, $2, ${ownTicket}, 'support', 'On it')`,
      [randomUUID(), A.id],
    ),
    expected: 'allow',
  },
  {
    name: "admin closes A's ticket",
    actor: 'admin',
    action: affected(`update "public"."tickets" set "status" = 'closed' where "id" = ${ownTicket}`),
    expected: 'allow',
  },
  {
    name: "partner A reads an internal note on its own ticket",
    actor: 'partner A',
    setup: affected(
      `insert into "public"."ticket_messages" ("id", "partner_id", "ticket_id", "author_role", "visibility", "body") values ('rls-internal-note', $1, ${ownTicket}, 'support', 'internal', 'Staff only')`,
      [A.id],
    ),
    action: visible(`select 1 from "public"."ticket_messages" where "id" = 'rls-internal-note'`),
    expected: 'deny',
  },
  {
    name: 'partner A (Active) reads a Performer mastermind thread',
    actor: 'partner A',
    action: visible(`select 1 from "public"."tickets" where "kind" = 'forum' and "category" = 'mastermind'`),
    expected: 'deny',
  },
  {
    name: 'partner B (Performer) reads a Performer mastermind thread',
    actor: 'partner B',
    action: visible(`select 1 from "public"."tickets" where "kind" = 'forum' and "category" = 'mastermind'`),
    expected: 'allow',
  },
  {
    name: 'partner A (Active) starts a thread in the Performer mastermind',
    actor: 'partner A',
    action: affected(
      `insert into "public"."tickets" ("id", "partner_id", "kind", "category", "subject") values ($1, $2, 'forum', 'mastermind', 'Hi')`,
      [randomUUID(), A.id],
    ),
    expected: 'deny',
  },
  {
    name: 'partner A awards itself community points',
    actor: 'partner A',
    action: affected(`insert into "public"."community_points" ("partner_id", "points", "reason") values ($1, 100, 'challenge')`, [A.id]),
    expected: 'deny',
  },
  {
    name: 'partner A reads post reports',
    actor: 'partner A',
    setup: affected(
      `insert into "public"."post_reports" ("message_id", "ticket_id", "reporter_id", "reason") select "id", "ticket_id", $1, 'Spam' from "public"."ticket_messages" where "author_role" = 'partner' and "visibility" = 'public' order by "id" limit 1`,
      [A.id],
    ),
    action: visible(`select 1 from "public"."post_reports"`),
    expected: 'deny',
  },
  {
    name: 'admin changes a notification title',
    actor: 'admin',
    action: affected(`update "public"."notifications" set "title" = 'Updated' where "id" = (${ownRowOf('notifications')})`),
    expected: 'allow',
  },
  {
    name: 'partner A (active) downloads an elite-only asset',
    actor: 'partner A',
    setup: putObject('assets', eliteAssetPath),
    action: visible(`select 1 from "storage"."objects" where "bucket_id" = 'assets' and "name" = $1`, [eliteAssetPath]),
    expected: 'deny',
  },
  {
    name: 'partner B (performer) downloads an elite-only asset',
    actor: 'partner B',
    setup: putObject('assets', eliteAssetPath),
    action: visible(`select 1 from "storage"."objects" where "bucket_id" = 'assets' and "name" = $1`, [eliteAssetPath]),
    expected: 'deny',
  },
  {
    name: 'admin downloads an elite-only asset',
    actor: 'admin',
    setup: putObject('assets', eliteAssetPath),
    action: visible(`select 1 from "storage"."objects" where "bucket_id" = 'assets' and "name" = $1`, [eliteAssetPath]),
    expected: 'allow',
  },
  {
    name: 'partner A sees locked (elite) catalog metadata',
    actor: 'partner A',
    action: visible(`select 1 from "public"."catalog" where "slug" = 'white-label-kit'`),
    expected: 'allow',
  },
  {
    name: 'partner A sees an unpublished catalog entry',
    actor: 'partner A',
    setup: affected(`insert into "public"."catalog" ("id", "kind", "title", "slug", "published") values ('draft', 'article', 'Draft', 'draft', false)`),
    action: visible(`select 1 from "public"."catalog" where "slug" = 'draft'`),
    expected: 'deny',
  },
  {
    name: "partner B uploads into A's brand folder",
    actor: 'partner B',
    action: putObject('brand', `${A.id}/evil.png`),
    expected: 'deny',
  },
  {
    name: "partner B reads A's brand logo",
    actor: 'partner B',
    setup: putObject('brand', brandPath),
    action: visible(`select 1 from "storage"."objects" where "bucket_id" = 'brand' and "name" = $1`, [brandPath]),
    expected: 'deny',
  },
  {
    name: 'partner A approves own payout request',
    actor: 'partner A',
    setup: ownPayoutSetup,
    action: affected(`update "public"."payouts" set "status" = 'approved' where "id" = 'rls-own-payout'`),
    expected: 'deny',
  },
  {
    name: 'partner A cancels own requested payout (_deleted)',
    actor: 'partner A',
    setup: ownPayoutSetup,
    action: affected(`update "public"."payouts" set "_deleted" = true, "updated_at" = now() where "id" = 'rls-own-payout'`),
    expected: 'allow',
  },
  {
    name: 'partner A requests more than the available balance',
    actor: 'partner A',
    setup: ownPayoutSetup,
    action: affected(`insert into "public"."payouts" ("id", "partner_id", "amount", "currency", "method", "status") values ($1, $2, 1000000, 'GBP', 'bank', 'requested')`, [randomUUID(), A.id]),
    expected: 'deny',
  },
  {
    name: 'partner A writes a masked payout summary on own profile',
    actor: 'partner A',
    action: affected(`update "public"."profiles" set "payout_details" = '{"kind":"bank","last4":"0000"}' where "partner_id" = $1`, [A.id]),
    expected: 'deny',
  },
  {
    name: 'partner A issues itself a certificate',
    actor: 'partner A',
    action: affected(`insert into "public"."training_progress" ("id", "partner_id", "kind", "course_id", "verification_code") values ($1, $2, 'certificate', 'course', 'FAKE')`, [randomUUID(), A.id]),
    expected: 'deny',
  },
  {
    name: 'partner A moves its place in a module',
    actor: 'partner A',
    action: affected(`update "public"."training_progress" set "position_seconds" = 30, "updated_at" = now() where "id" = (${ownRowOf('training_progress')})`),
    expected: 'allow',
  },
  {
    name: 'partner A changes the score of its module progress',
    actor: 'partner A',
    action: affected(`update "public"."training_progress" set "score" = 100 where "id" = (${ownRowOf('training_progress')})`),
    expected: 'deny',
  },
  {
    name: 'partner A (Active) reads a Performer course module',
    actor: 'partner A',
    action: visible(`select 1 from "public"."catalog" where "kind" = 'module' and "tier_required" = 'performer'`),
    expected: 'deny',
  },
  {
    name: 'partner B (Performer) reads a Performer course module',
    actor: 'partner B',
    action: visible(`select 1 from "public"."catalog" where "kind" = 'module' and "tier_required" = 'performer'`),
    expected: 'allow',
  },
  {
    name: 'backend (service_role) reads assessment keys',
    actor: 'service_role',
    action: visible(`select 1 from "public"."assessment_keys"`),
    expected: 'allow',
  },
  {
    name: 'backend (service_role) reads payout details',
    actor: 'service_role',
    action: visible(`select 1 from "public"."payout_details" where "partner_id" = $1`, [A.id]),
    expected: 'allow',
  },
  {
    name: 'backend (service_role) records link clicks',
    actor: 'service_role',
    action: affected(
      `insert into "public"."link_clicks" ("id", "partner_id", "referral_link_id", "day", "clicks") values ($1, $2, 'link', '2001-01-02', 3)`,
      [randomUUID(), A.id],
    ),
    expected: 'allow',
  },
];

class Rollback extends Error {}

async function verdictOf(engine: DbEngine, claims: JwtClaims, action: Action, setup?: Action): Promise<Verdict> {
  let count = 0;
  let failed = false;
  try {
    await engine.transaction(async (tx) => {
      if (setup) await setup(tx);
      await actAs(tx, claims);
      try {
        count = await action(tx);
      } catch {
        failed = true;
      }
      throw new Rollback();
    });
  } catch (error) {
    if (!(error instanceof Rollback)) throw error;
  }
  return !failed && count > 0 ? 'allow' : 'deny';
}

function defineMatrix(label: string, open: () => Promise<{ engine: DbEngine; close(): Promise<void> } | { skipped: string }>) {
  describe(label, () => {
    let engine: DbEngine | undefined;
    let close: (() => Promise<void>) | undefined;
    let skipped: string | undefined;

    beforeAll(async () => {
      const opened = await open();
      if ('skipped' in opened) {
        skipped = opened.skipped;
        console.warn(`${label}: skipped — ${skipped}`);
        return;
      }
      engine = opened.engine;
      close = opened.close;
      await prepareDatabase(engine, { reset: true });
    });
    afterAll(async () => {
      await close?.();
    });

    it('every actor × table/bucket × operation is allowed or denied as designed', async (ctx) => {
      if (!engine) return ctx.skip(skipped);
      const table: Record<string, string>[] = [];
      const mismatches: string[] = [];
      for (const target of targets) {
        for (const [actorName, claims] of Object.entries(actors) as [ActorName, JwtClaims][]) {
          const row: Record<string, string> = { target: target.name, actor: actorName };
          for (const op of ['select', 'insert', 'update', 'delete'] as const) {
            const actual = await verdictOf(engine, claims, target.ops[op], target.setupFor?.[op] ?? target.setup);
            const expected: Verdict = target.expected[op].includes(actorName) ? 'allow' : 'deny';
            row[op] = actual === expected ? actual : `${actual} (expected ${expected})`;
            if (actual !== expected) mismatches.push(`${actorName} ${op} ${target.name}: ${actual}, expected ${expected}`);
          }
          table.push(row);
        }
      }
      console.table(table);
      expect(mismatches).toEqual([]);
    });

    it('specific rules: ownership, column limits, tier gates, support replies', async (ctx) => {
      if (!engine) return ctx.skip(skipped);
      const mismatches: string[] = [];
      const rows: Record<string, string>[] = [];
      for (const special of specialCases) {
        const claims: JwtClaims = special.actor === 'service_role' ? { role: 'service_role' } : actors[special.actor];
        const actual = await verdictOf(engine, claims, special.action, special.setup);
        rows.push({ case: special.name, result: actual === special.expected ? actual : `${actual} (expected ${special.expected})` });
        if (actual !== special.expected) mismatches.push(`${special.name}: ${actual}, expected ${special.expected}`);
      }
      console.table(rows);
      expect(mismatches).toEqual([]);
    });
  });
}

defineMatrix('RLS matrix on PGlite', async () => {
  const engine = await openPglite();
  return { engine, close: () => engine.close() };
});

defineMatrix('RLS matrix on PostgreSQL 15', async () => {
  const cluster = await startPostgresCluster();
  if ('skipped' in cluster) return cluster;
  const engine = await openPostgres(cluster.url);
  return {
    engine,
    async close() {
      await engine.close();
      await cluster.stop();
    },
  };
});
