-- Support and community (issue 15): tickets become threads of two kinds (private support tickets
-- and tier-gated forum threads) with server-written author, SLA and counter columns; messages gain
-- visibility (internal staff notes), moderation, helpful marks and attachments; catalog v3 kinds
-- (knowledge base, forum categories, group calls, challenges, support settings, the computed
-- leaderboard and directory); activities gain article_feedback; group calls are booked as
-- training_progress registrations with tier gating and capacity. Reputation lives in the
-- server-only ledger community_points; reports in the server-only post_reports. Attachments go to
-- the private ticket-attachments bucket. Matches RxDB tickets v1, ticket_messages v1, catalog v3
-- and activities v1.
--
-- Who is trusted: BEFORE triggers run as the caller, so `current_user = 'authenticated'` and not
-- is_admin() is a partner on the API; the seed, the service role and this project's own security
-- definer functions (mark_helpful_answer, the counters) run as other roles and are trusted.

-- 1. Columns -------------------------------------------------------------------------------

-- Old clients filed support tickets in categories of their own; the support categories are fixed now.
update "public"."tickets" set "category" = 'other'
  where "category" is not null and "category" not in ('technical', 'billing', 'training', 'account', 'other');

alter table "public"."tickets"
  add column "kind" text not null default 'support' check ("kind" in ('support', 'forum')),
  add column "tier_required" text not null default 'starter' check ("tier_required" in ('starter', 'active', 'performer', 'elite')),
  add column "author_name" text,
  add column "author_company" text,
  add column "author_tier" text check ("author_tier" is null or "author_tier" in ('starter', 'active', 'performer', 'elite')),
  add column "locked" boolean not null default false,
  add column "hidden" boolean not null default false,
  add column "pinned" boolean not null default false,
  add column "assigned_to" uuid references "auth"."users" ("id") on delete set null,
  add column "assigned_name" text,
  add column "first_response_at" timestamptz,
  add column "response_due_at" timestamptz,
  add column "last_message_at" timestamptz,
  add column "message_count" integer not null default 0 check ("message_count" >= 0),
  add column "helpful_message_id" text,
  add constraint "tickets_support_category" check (
    "kind" <> 'support' or "category" is null or "category" in ('technical', 'billing', 'training', 'account', 'other')
  );
comment on table "public"."tickets" is
  'Threads: support tickets (kind support; private to the partner who filed it and SISO staff) and community forum threads (kind forum; readable by partners whose tier reaches the forum category). author_*, tier_required, SLA fields and counters are written by the server; locked/hidden/pinned/assignment by staff. Two-way synced.';
create index "tickets_kind_tier" on "public"."tickets" ("kind", "tier_required");

alter table "public"."ticket_messages"
  add column "visibility" text not null default 'public' check ("visibility" in ('public', 'internal')),
  add column "author_name" text,
  add column "author_company" text,
  add column "author_tier" text check ("author_tier" is null or "author_tier" in ('starter', 'active', 'performer', 'elite')),
  add column "hidden" boolean not null default false,
  add column "helpful" boolean not null default false,
  add column "edited_at" timestamptz,
  add column "attachment_path" text,
  add column "attachment_name" text,
  add column "attachment_mime" text,
  add column "attachment_size" integer check ("attachment_size" is null or "attachment_size" >= 0);
comment on table "public"."ticket_messages" is
  'Messages of support tickets (partner_id = the ticket owner, also on staff replies) and forum threads (partner_id = the post''s author). visibility internal = a staff note partners never read. author_*, helpful and hidden are written by the server and staff. Two-way synced.';

alter table "public"."catalog" drop constraint "catalog_kind_check";
alter table "public"."catalog" add constraint "catalog_kind_check"
  check ("kind" in ('asset', 'template', 'course', 'article', 'tier_rule', 'announcement', 'brand_guideline', 'promotion',
                    'module', 'assessment', 'webinar', 'coaching_slot', 'learning_path', 'forum_category', 'group_call',
                    'challenge', 'support_settings', 'community_leaderboard', 'partner_directory', 'agreement'));

alter table "public"."activities" drop constraint "activities_kind_check";
alter table "public"."activities" add constraint "activities_kind_check"
  check ("kind" in ('call', 'email', 'meeting', 'note', 'stage_change', 'proposal_created', 'asset_download', 'asset_customised',
                    'article_feedback'));

-- 2. Server-only tables ----------------------------------------------------------------------

-- The reputation ledger. No policies and no grants: only the definer functions below write it,
-- so a partner cannot award themselves points. An entry tied to a message counts while the message
-- (and its thread) is live and not hidden; a helpful entry while the message is still marked helpful.
create table "public"."community_points" (
  "id" bigint generated always as identity primary key,
  "partner_id" uuid not null references "auth"."users" ("id") on delete cascade,
  "points" integer not null,
  "reason" text not null check ("reason" in ('thread', 'reply', 'helpful', 'challenge')),
  "message_id" text references "public"."ticket_messages" ("id") on delete cascade,
  "challenge_id" text,
  "created_at" timestamptz not null default now()
);
comment on table "public"."community_points" is
  'Community reputation ledger: thread 5, reply 2, helpful answer 15, challenge rewards. Server-only; aggregated into partner_status.metrics.community and the month''s community_leaderboard catalog row.';
create unique index "community_points_once" on "public"."community_points"
  ("partner_id", "reason", coalesce("message_id", ''), coalesce("challenge_id", ''));
create index "community_points_message" on "public"."community_points" ("message_id");
alter table "public"."community_points" enable row level security;
revoke all on "public"."community_points" from "anon", "authenticated";

create table "public"."post_reports" (
  "id" uuid primary key default gen_random_uuid(),
  "message_id" text not null references "public"."ticket_messages" ("id") on delete cascade,
  "ticket_id" text not null references "public"."tickets" ("id") on delete cascade,
  "reporter_id" uuid not null references "auth"."users" ("id") on delete cascade,
  "reason" text not null check (char_length("reason") between 1 and 1000),
  "created_at" timestamptz not null default now(),
  "resolved_at" timestamptz,
  "resolved_by" uuid references "auth"."users" ("id") on delete set null,
  constraint "post_reports_once_per_reporter" unique ("message_id", "reporter_id")
);
comment on table "public"."post_reports" is
  'Forum posts partners reported (report_post). Admins read and resolve them; partners cannot read them. Not synced.';
alter table "public"."post_reports" enable row level security;
revoke all on "public"."post_reports" from "anon";
revoke insert, delete on "public"."post_reports" from "authenticated";
create policy "admins read reports" on "public"."post_reports"
  for select to "authenticated" using ("public"."is_admin"());
create policy "admins resolve reports" on "public"."post_reports"
  for update to "authenticated" using ("public"."is_admin"()) with check ("public"."is_admin"());

-- 3. Helpers (owner rights: they look at rows the caller's RLS hides, and answer narrowly) -------

create or replace function "public"."partner_tier_rank"() returns integer
language sql stable
security definer
set search_path = ''
as $$
  select "public"."tier_rank"(coalesce("public"."current_partner_tier"(), 'starter'))
$$;

-- Name, company and tier as other partners may see them; staff show as SISO.
create or replace function "public"."community_author_of"("author" uuid)
returns table ("name" text, "company" text, "tier" text)
language sql stable
security definer
set search_path = ''
as $$
  select
    coalesce(nullif(btrim(p."display_name"), ''), nullif(btrim(u."raw_user_meta_data" ->> 'display_name'), ''), 'SISO partner'),
    case when u."raw_app_meta_data" ->> 'role' = 'admin' then 'SISO' else p."company" end,
    case when u."raw_app_meta_data" ->> 'role' = 'admin' then null else ps."tier" end
  from "auth"."users" u
  left join "public"."profiles" p on p."partner_id" = u."id" and not p."_deleted"
  left join "public"."partner_status" ps on ps."partner_id" = u."id" and not ps."_deleted"
  where u."id" = "author"
$$;

-- A forum category the caller's tier reaches; for posting, also one partners may post in.
create or replace function "public"."forum_category_open"("slug" text, "for_posting" boolean) returns boolean
language sql stable
security definer
set search_path = ''
as $$
  select exists (
    select 1 from "public"."catalog" c
    where c."kind" = 'forum_category' and c."slug" = "forum_category_open"."slug" and c."published" and not c."_deleted"
      and "public"."tier_rank"(c."tier_required") <= "public"."partner_tier_rank"()
      and (not "for_posting" or coalesce(c."body" ->> 'posting', 'partners') = 'partners')
  )
$$;

-- Whether the caller may read a thread: their own support ticket, or a forum thread their tier reaches.
create or replace function "public"."thread_readable"("thread_id" text) returns boolean
language sql stable
security definer
set search_path = ''
as $$
  select exists (
    select 1 from "public"."tickets" t
    where t."id" = "thread_id" and (
      (t."kind" = 'support' and t."partner_id" = "auth"."uid"())
      or (t."kind" = 'forum' and not t."hidden" and "public"."tier_rank"(t."tier_required") <= "public"."partner_tier_rank"())
    )
  )
$$;

-- Whether the caller may add a message: on their own open support ticket, or on a live, unlocked,
-- visible forum thread their tier reaches in a category partners post in (replies to SISO
-- announcements stay open: only starting threads there is staff-only).
create or replace function "public"."thread_accepts_partner_message"("thread_id" text) returns boolean
language sql stable
security definer
set search_path = ''
as $$
  select exists (
    select 1 from "public"."tickets" t
    where t."id" = "thread_id" and not t."_deleted" and (
      (t."kind" = 'support' and t."partner_id" = "auth"."uid"())
      or (t."kind" = 'forum' and not t."hidden" and not t."locked"
          and "public"."tier_rank"(t."tier_required") <= "public"."partner_tier_rank"())
    )
  )
$$;

create or replace function "public"."thread_kind"("thread_id" text) returns text
language sql stable
security definer
set search_path = ''
as $$
  select t."kind" from "public"."tickets" t where t."id" = "thread_id"
$$;

revoke all on function "public"."partner_tier_rank"(), "public"."community_author_of"(uuid), "public"."forum_category_open"(text, boolean),
  "public"."thread_readable"(text), "public"."thread_accepts_partner_message"(text), "public"."thread_kind"(text) from public, "anon";
grant execute on function "public"."partner_tier_rank"(), "public"."community_author_of"(uuid), "public"."forum_category_open"(text, boolean),
  "public"."thread_readable"(text), "public"."thread_accepts_partner_message"(text), "public"."thread_kind"(text)
  to "authenticated", "service_role";

-- 4. Threads: server-written columns ---------------------------------------------------------

create or replace function "public"."tickets_fill_server_columns"() returns trigger
language plpgsql
set search_path = ''
as $$
declare
  v_partner boolean := current_user = 'authenticated' and not "public"."is_admin"();
  v_category "public"."catalog"%rowtype;
  v_hours integer;
begin
  if new."kind" = 'forum' then
    select * into v_category from "public"."catalog" c
      where c."kind" = 'forum_category' and c."slug" = new."category" and not c."_deleted";
    if not found then
      raise exception 'There is no forum category "%". Sync the workstation and choose a category from the list.', coalesce(new."category", '')
        using errcode = '23503';
    end if;
    if v_partner and "public"."tier_rank"(v_category."tier_required") > "public"."partner_tier_rank"() then
      raise exception '"%" is for % partners and above; reach that tier to post there.', v_category."title", initcap(v_category."tier_required")
        using errcode = '42501';
    end if;
    if v_partner and coalesce(v_category."body" ->> 'posting', 'partners') <> 'partners' then
      raise exception 'Only the SISO team starts threads in "%". Reply to an announcement or post in another category.', v_category."title"
        using errcode = '42501';
    end if;
    new."tier_required" := v_category."tier_required";
    new."response_due_at" := null;
  else
    new."tier_required" := 'starter';
  end if;

  if v_partner then
    new."locked" := false;
    new."hidden" := false;
    new."pinned" := false;
    new."assigned_to" := null;
    new."assigned_name" := null;
    new."first_response_at" := null;
    new."helpful_message_id" := null;
    new."status" := 'open';
    if new."kind" = 'forum' then new."priority" := 'normal'; end if;
  end if;
  if v_partner or new."author_name" is null then
    select a."name", a."company", a."tier" into new."author_name", new."author_company", new."author_tier"
      from "public"."community_author_of"(new."partner_id") a;
  end if;
  if new."kind" = 'support' and (v_partner or new."response_due_at" is null) then
    select (c."body" -> 'response_hours' ->> coalesce(new."author_tier", 'starter'))::integer into v_hours
      from "public"."catalog" c where c."kind" = 'support_settings' and c."slug" = 'support' and not c."_deleted";
    v_hours := coalesce(v_hours, case coalesce(new."author_tier", 'starter') when 'elite' then 4 when 'performer' then 24 when 'active' then 48 else 72 end);
    new."response_due_at" := least(new."created_at", now()) + make_interval(hours => v_hours);
  end if;
  -- Counted from the messages as they arrive.
  new."message_count" := 0;
  new."last_message_at" := coalesce(new."last_message_at", new."created_at");
  if new."assigned_to" is not null and new."assigned_name" is null then
    select a."name" into new."assigned_name" from "public"."community_author_of"(new."assigned_to") a;
  end if;
  return new;
end
$$;

create trigger "tickets_fill_server_columns" before insert on "public"."tickets"
  for each row execute function "public"."tickets_fill_server_columns"();

-- Partners change a thread's subject, a ticket's category and priority, resolve, close or reopen
-- their ticket, and delete their own thread; everything else keeps the server's value.
create or replace function "public"."tickets_guard_changes"() returns trigger
language plpgsql
set search_path = ''
as $$
begin
  if current_user = 'authenticated' and not "public"."is_admin"() then
    new."kind" := old."kind";
    new."partner_id" := old."partner_id";
    new."created_at" := old."created_at";
    new."tier_required" := old."tier_required";
    new."author_name" := old."author_name";
    new."author_company" := old."author_company";
    new."author_tier" := old."author_tier";
    new."locked" := old."locked";
    new."hidden" := old."hidden";
    new."pinned" := old."pinned";
    new."assigned_to" := old."assigned_to";
    new."assigned_name" := old."assigned_name";
    new."first_response_at" := old."first_response_at";
    new."response_due_at" := old."response_due_at";
    new."last_message_at" := old."last_message_at";
    new."message_count" := old."message_count";
    new."helpful_message_id" := old."helpful_message_id";
    if old."kind" = 'forum' then
      new."category" := old."category";
      new."priority" := old."priority";
      new."status" := old."status";
    elsif new."status" is distinct from old."status" and new."status" not in ('open', 'resolved', 'closed') then
      raise exception 'You can mark a ticket resolved or closed, or reopen it; SISO sets the other statuses.' using errcode = '42501';
    end if;
    if old."_deleted" and not new."_deleted" then
      raise exception 'A deleted thread cannot be restored. Start a new one.' using errcode = '42501';
    end if;
    return new;
  end if;
  if new."kind" = 'forum' and (new."category" is distinct from old."category" or new."kind" is distinct from old."kind") then
    select c."tier_required" into new."tier_required" from "public"."catalog" c
      where c."kind" = 'forum_category' and c."slug" = new."category" and not c."_deleted";
    if new."tier_required" is null then
      raise exception 'There is no forum category "%".', coalesce(new."category", '') using errcode = '23503';
    end if;
  end if;
  if new."assigned_to" is distinct from old."assigned_to" then
    new."assigned_name" := (select a."name" from "public"."community_author_of"(new."assigned_to") a);
  end if;
  return new;
end
$$;

create trigger "tickets_guard_changes" before update on "public"."tickets"
  for each row execute function "public"."tickets_guard_changes"();

-- 5. Messages: server-written columns --------------------------------------------------------

create or replace function "public"."ticket_messages_fill_server_columns"() returns trigger
language plpgsql
set search_path = ''
as $$
declare
  v_partner boolean := current_user = 'authenticated' and not "public"."is_admin"();
  v_staff boolean := current_user = 'authenticated' and "public"."is_admin"();
  v_thread "public"."tickets"%rowtype;
begin
  select * into v_thread from "public"."tickets" t where t."id" = new."ticket_id";
  if not found then
    -- A message written offline can arrive before its thread (each collection pushes on its own):
    -- 55000 is a server error to the workstation, which retries it, where the foreign key's 23503
    -- would be recorded as a refusal. A thread that exists but is not the caller's is refused.
    if "public"."thread_kind"(new."ticket_id") is null then
      raise exception 'This conversation has not reached the server yet; the message is sent after it.' using errcode = '55000';
    end if;
    raise exception 'You cannot post in this conversation. Sync the workstation; it may have been removed or be for a higher tier.' using errcode = '42501';
  end if;

  if v_partner then
    if new."author_role" <> 'partner' or new."visibility" <> 'public' then
      raise exception 'Partners post public messages as themselves.' using errcode = '42501';
    end if;
    if v_thread."kind" = 'forum' and v_thread."locked" then
      raise exception 'This thread is locked, so it takes no new replies. Start a new thread if you need to.' using errcode = '42501';
    end if;
    if not "public"."thread_accepts_partner_message"(new."ticket_id") then
      raise exception 'You cannot post in this conversation. Sync the workstation; it may have been removed or be for a higher tier.' using errcode = '42501';
    end if;
    new."hidden" := false;
    new."helpful" := false;
    new."edited_at" := null;
  elsif v_staff then
    if v_thread."kind" = 'support' then
      new."author_role" := 'support';
    elsif exists (select 1 from "auth"."users" u where u."id" = new."partner_id" and u."raw_app_meta_data" ->> 'role' = 'admin') then
      new."author_role" := 'support';
      new."visibility" := 'public';
    end if;
  end if;

  -- On a support ticket every message carries the owner's id, so the owner pulls the whole thread.
  if v_thread."kind" = 'support' then
    new."partner_id" := v_thread."partner_id";
  elsif new."visibility" = 'internal' then
    raise exception 'Internal notes belong on support tickets; forum posts are public.' using errcode = '23514';
  end if;

  if new."attachment_path" is not null
     and not starts_with(new."attachment_path", new."partner_id"::text || '/' || new."ticket_id" || '/') then
    raise exception 'Attachments are stored under the ticket''s folder. Attach the file again.' using errcode = '23514';
  end if;

  if v_partner or new."author_name" is null then
    if v_thread."kind" = 'support' and new."author_role" = 'support' then
      new."author_name" := 'SISO Support';
      new."author_company" := 'SISO';
      new."author_tier" := null;
    else
      select a."name", a."company", a."tier" into new."author_name", new."author_company", new."author_tier"
        from "public"."community_author_of"(new."partner_id") a;
    end if;
  end if;
  return new;
end
$$;

create trigger "ticket_messages_fill_server_columns" before insert on "public"."ticket_messages"
  for each row execute function "public"."ticket_messages_fill_server_columns"();

-- Partners edit the body of their own messages and delete them; the rest is the server's.
create or replace function "public"."ticket_messages_guard_changes"() returns trigger
language plpgsql
set search_path = ''
as $$
begin
  if current_user = 'authenticated' and not "public"."is_admin"() then
    new."partner_id" := old."partner_id";
    new."ticket_id" := old."ticket_id";
    new."author_role" := old."author_role";
    new."visibility" := old."visibility";
    new."created_at" := old."created_at";
    new."author_name" := old."author_name";
    new."author_company" := old."author_company";
    new."author_tier" := old."author_tier";
    new."hidden" := old."hidden";
    new."helpful" := old."helpful";
    new."attachment_path" := old."attachment_path";
    new."attachment_name" := old."attachment_name";
    new."attachment_mime" := old."attachment_mime";
    new."attachment_size" := old."attachment_size";
    if old."_deleted" and not new."_deleted" then
      raise exception 'A deleted post cannot be restored. Post it again.' using errcode = '42501';
    end if;
    if new."body" is distinct from old."body" then
      if exists (select 1 from "public"."tickets" t where t."id" = old."ticket_id" and t."locked") then
        raise exception 'This thread is locked, so its posts can no longer be edited.' using errcode = '42501';
      end if;
      new."edited_at" := now();
    else
      new."edited_at" := old."edited_at";
    end if;
  end if;
  return new;
end
$$;

create trigger "ticket_messages_guard_changes" before update on "public"."ticket_messages"
  for each row execute function "public"."ticket_messages_guard_changes"();

-- 6. Reputation, leaderboard, directory ------------------------------------------------------

-- Rewrites the partner directory catalog row from the partners who opted in.
create or replace function "public"."community_refresh_directory"() returns void
language plpgsql
security definer
set search_path = ''
as $$
declare
  v_body jsonb;
begin
  select jsonb_build_object('entries', coalesce(jsonb_agg(jsonb_build_object(
      'display_name', coalesce(nullif(btrim(p."display_name"), ''), 'SISO partner'),
      'company', p."company",
      'tier', coalesce(ps."tier", 'starter'),
      'badges', coalesce(ps."metrics" -> 'community' -> 'badges', '[]'::jsonb),
      -- profiles.country arrives with the notification center (a later migration); read it by name.
      'country', nullif(btrim(to_jsonb(p) ->> 'country'), '')
    ) order by lower(coalesce(nullif(btrim(p."display_name"), ''), 'SISO partner')), p."partner_id"), '[]'::jsonb))
    into v_body
    from "public"."profiles" p
    left join "public"."partner_status" ps on ps."partner_id" = p."partner_id" and not ps."_deleted"
    where p."leaderboard_opt_in" and not p."_deleted";
  insert into "public"."catalog" ("id", "kind", "title", "slug", "body", "tier_required", "category", "tags", "published", "updated_at")
    values ('partner-directory', 'partner_directory', 'Partner directory', 'directory', v_body, 'starter', 'community', '{community}', true, now())
    on conflict ("slug") do update set "body" = excluded."body", "updated_at" = now()
      where "catalog"."body" is distinct from excluded."body";
end
$$;

-- Ledger entries that count: those tied to a message while the message and its thread are live and
-- visible (a helpful entry only while the message is still marked helpful), and challenge rewards.
create or replace function "public"."community_valid_points"()
returns table ("partner_id" uuid, "points" integer, "reason" text, "created_at" timestamptz)
language sql stable
security definer
set search_path = ''
as $$
  select cp."partner_id", cp."points", cp."reason", cp."created_at"
  from "public"."community_points" cp
  left join "public"."ticket_messages" m on m."id" = cp."message_id"
  left join "public"."tickets" t on t."id" = m."ticket_id"
  where cp."message_id" is null
     or (not m."_deleted" and not m."hidden" and not t."_deleted" and not t."hidden" and (cp."reason" <> 'helpful' or m."helpful"))
$$;

-- Awards this month's challenge rewards that are due, recomputes every partner's community
-- standing (written only where it changed, so unchanged partners pull nothing) and the month's
-- top contributors, then the directory (it shows badges).
create or replace function "public"."community_refresh"() returns void
language plpgsql
security definer
set search_path = ''
as $$
declare
  v_month text := to_char(now() at time zone 'UTC', 'YYYY-MM');
  v_month_start timestamptz := date_trunc('month', now() at time zone 'UTC') at time zone 'UTC';
  v_board jsonb;
begin
  with challenges as (
    select c."id", (c."body" ->> 'target')::integer as "target", (c."body" ->> 'reward_points')::integer as "reward",
      case c."body" ->> 'metric' when 'threads' then 'thread' when 'replies' then 'reply' else 'helpful' end as "reason"
    from "public"."catalog" c
    where c."kind" = 'challenge' and c."published" and not c."_deleted" and c."body" ->> 'month' = v_month
  ), achieved as (
    select v."partner_id", ch."id", ch."reward"
    from challenges ch
    join "public"."community_valid_points"() v on v."reason" = ch."reason" and v."created_at" >= v_month_start
    group by v."partner_id", ch."id", ch."reward", ch."target"
    having count(*) >= ch."target"
  )
  insert into "public"."community_points" ("partner_id", "points", "reason", "challenge_id")
    select a."partner_id", a."reward", 'challenge', a."id" from achieved a
    on conflict do nothing;

  with totals as (
    select ps."partner_id",
      coalesce(sum(v."points"), 0)::integer as "points",
      coalesce(sum(v."points") filter (where v."created_at" >= v_month_start), 0)::integer as "month_points",
      count(v."reason") filter (where v."reason" = 'helpful')::integer as "helpful_answers",
      bool_or(v."reason" in ('thread', 'reply')) as "posted",
      bool_or(v."reason" = 'challenge') as "challenge_won"
    from "public"."partner_status" ps
    left join "public"."community_valid_points"() v on v."partner_id" = ps."partner_id"
    where not ps."_deleted"
    group by ps."partner_id"
  ), ranked as (
    select t.*, case when t."month_points" > 0 then rank() over (order by t."month_points" desc) end as "month_rank"
    from totals t
  ), standings as (
    select r."partner_id", r."month_points", r."month_rank", jsonb_build_object(
      'points', r."points", 'month_points', r."month_points", 'helpful_answers', r."helpful_answers",
      'badges', to_jsonb(array_remove(array[
        case when coalesce(r."posted", false) then 'First post' end,
        case when r."helpful_answers" >= 1 then 'Helpful' end,
        case when r."helpful_answers" >= 5 then 'Problem solver' end,
        case when r."month_rank" <= 3 then 'Top contributor' end,
        case when coalesce(r."challenge_won", false) then 'Challenge winner' end
      ], null))
    ) as "standing"
    from ranked r
  )
  update "public"."partner_status" ps set "metrics" = ps."metrics" || jsonb_build_object('community', s."standing")
    from standings s
    where ps."partner_id" = s."partner_id" and not ps."_deleted" and ps."metrics" -> 'community' is distinct from s."standing";

  select jsonb_build_object('month', v_month, 'entries', coalesce(jsonb_agg(e."entry" order by e."points" desc, e."name"), '[]'::jsonb))
    into v_board
    from (
      select ps."metrics" -> 'community' -> 'month_points' as "sort_key",
        (ps."metrics" -> 'community' ->> 'month_points')::integer as "points",
        a."name",
        jsonb_build_object('display_name', a."name", 'company', a."company", 'tier', ps."tier",
          'badges', coalesce(ps."metrics" -> 'community' -> 'badges', '[]'::jsonb),
          'points', (ps."metrics" -> 'community' ->> 'month_points')::integer) as "entry"
      from "public"."partner_status" ps
      cross join lateral "public"."community_author_of"(ps."partner_id") a
      where not ps."_deleted" and coalesce((ps."metrics" -> 'community' ->> 'month_points')::integer, 0) > 0
      order by (ps."metrics" -> 'community' ->> 'month_points')::integer desc, a."name"
      limit 10
    ) e;
  insert into "public"."catalog" ("id", "kind", "title", "slug", "body", "tier_required", "category", "tags", "published", "updated_at")
    values ('top-contributors-' || v_month, 'community_leaderboard', 'Top contributors ' || v_month, 'top-contributors-' || v_month,
            v_board, 'starter', 'community', '{community}', true, now())
    on conflict ("slug") do update set "body" = excluded."body", "updated_at" = now()
      where "catalog"."body" is distinct from excluded."body";

  perform "public"."community_refresh_directory"();
end
$$;
revoke all on function "public"."community_refresh"(), "public"."community_refresh_directory"(), "public"."community_valid_points"()
  from public, "anon", "authenticated";
grant execute on function "public"."community_refresh"(), "public"."community_refresh_directory"(), "public"."community_valid_points"()
  to "service_role";

-- 7. After a message changes: counters, first response, status, notification, points ----------

create or replace function "public"."ticket_messages_after_change"() returns trigger
language plpgsql
security definer
set search_path = ''
as $$
declare
  v_thread "public"."tickets"%rowtype;
  v_first boolean;
begin
  select * into v_thread from "public"."tickets" t where t."id" = new."ticket_id";

  update "public"."tickets" t set
      "message_count" = c."live",
      "last_message_at" = coalesce(c."latest", t."created_at")
    from (
      select count(*)::integer as "live", max(m."created_at") as "latest" from "public"."ticket_messages" m
      where m."ticket_id" = new."ticket_id" and m."visibility" = 'public' and not m."hidden" and not m."_deleted"
    ) c
    where t."id" = new."ticket_id" and (t."message_count", t."last_message_at") is distinct from (c."live", coalesce(c."latest", t."created_at"));

  -- History written without a signed-in author (the seed) keeps its statuses and notifies nobody.
  if tg_op = 'INSERT' and v_thread."kind" = 'support' and new."visibility" = 'public' then
    if new."author_role" = 'support' then
      update "public"."tickets" t set
          "first_response_at" = coalesce(t."first_response_at", new."created_at"),
          "status" = case when t."status" = 'open' and "auth"."uid"() is not null then 'waiting' else t."status" end
        where t."id" = new."ticket_id";
      if "auth"."uid"() is not null then
        insert into "public"."notifications" ("id", "partner_id", "title", "body", "link", "kind")
          values (gen_random_uuid()::text, v_thread."partner_id", 'SISO replied to "' || v_thread."subject" || '"',
                  left(new."body", 200), '#/support/tickets/' || v_thread."id", 'ticket_reply')
          on conflict ("id") do nothing;
      end if;
    elsif v_thread."status" in ('waiting', 'resolved') and "auth"."uid"() is not null then
      -- The partner answered: the ticket is back with SISO.
      update "public"."tickets" t set "status" = 'open' where t."id" = new."ticket_id";
    end if;
  end if;

  if v_thread."kind" <> 'forum' or new."author_role" <> 'partner' then
    return null;
  end if;
  if tg_op = 'INSERT' then
    v_first := new."partner_id" = v_thread."partner_id" and not exists (
      select 1 from "public"."ticket_messages" m
      where m."ticket_id" = new."ticket_id" and m."id" <> new."id" and m."created_at" <= new."created_at"
    );
    insert into "public"."community_points" ("partner_id", "points", "reason", "message_id", "created_at")
      values (new."partner_id", case when v_first then 5 else 2 end, case when v_first then 'thread' else 'reply' end, new."id", new."created_at")
      on conflict do nothing;
  end if;
  if new."helpful" and (tg_op = 'INSERT' or not old."helpful") then
    insert into "public"."community_points" ("partner_id", "points", "reason", "message_id", "created_at")
      values (new."partner_id", 15, 'helpful', new."id", case when tg_op = 'INSERT' then new."created_at" else now() end)
      on conflict do nothing;
  end if;
  if tg_op = 'INSERT' or (new."helpful", new."hidden", new."_deleted") is distinct from (old."helpful", old."hidden", old."_deleted") then
    perform "public"."community_refresh"();
  end if;
  return null;
end
$$;

create trigger "ticket_messages_after_change" after insert or update on "public"."ticket_messages"
  for each row execute function "public"."ticket_messages_after_change"();

-- Hiding or deleting a forum thread takes its posts' points with it (and brings them back).
create or replace function "public"."tickets_after_moderation"() returns trigger
language plpgsql
security definer
set search_path = ''
as $$
begin
  if new."kind" = 'forum' and (new."hidden", new."_deleted") is distinct from (old."hidden", old."_deleted") then
    perform "public"."community_refresh"();
  end if;
  return null;
end
$$;

create trigger "tickets_after_moderation" after update on "public"."tickets"
  for each row execute function "public"."tickets_after_moderation"();

-- Fires on every profile change (country is a column of a later migration, so it cannot be named
-- in the trigger) and refreshes only when something the directory shows changed.
create or replace function "public"."community_directory_follows_profiles"() returns trigger
language plpgsql
security definer
set search_path = ''
as $$
begin
  if tg_op = 'UPDATE' and (
      select count(*) = 0 from unnest(array['leaderboard_opt_in', 'display_name', 'company', 'country', 'tier', '_deleted']) k
      where to_jsonb(new) -> k is distinct from to_jsonb(old) -> k
    ) then
    return null;
  end if;
  perform "public"."community_refresh_directory"();
  return null;
end
$$;

create trigger "community_directory_follows_profiles" after insert or update on "public"."profiles"
  for each row execute function "public"."community_directory_follows_profiles"();
create trigger "community_directory_follows_tier" after insert or update of "tier", "_deleted"
  on "public"."partner_status" for each row execute function "public"."community_directory_follows_profiles"();

-- 8. RPCs ------------------------------------------------------------------------------------

-- The thread's author marks one reply by someone else as the helpful answer (replacing an earlier mark).
create or replace function "public"."mark_helpful_answer"("message_id" text) returns void
language plpgsql
security definer
set search_path = ''
as $$
declare
  v_message "public"."ticket_messages"%rowtype;
  v_thread "public"."tickets"%rowtype;
begin
  select * into v_message from "public"."ticket_messages" m where m."id" = "mark_helpful_answer"."message_id";
  if found then
    select * into v_thread from "public"."tickets" t where t."id" = v_message."ticket_id";
  end if;
  if not found or v_thread."kind" <> 'forum' or v_message."_deleted" or v_message."hidden" or v_thread."_deleted" or v_thread."hidden"
     or v_message."visibility" <> 'public' then
    raise exception 'That post is no longer in the forum. Sync the workstation and try again.' using errcode = 'P0002';
  end if;
  if v_thread."partner_id" is distinct from "auth"."uid"() then
    raise exception 'Only the person who started the thread can mark the helpful answer.' using errcode = '42501';
  end if;
  if v_message."partner_id" = "auth"."uid"() then
    raise exception 'Mark a reply from someone else as the helpful answer, not your own post.' using errcode = '42501';
  end if;
  if v_thread."helpful_message_id" is not distinct from v_message."id" and v_message."helpful" then
    return;
  end if;
  update "public"."ticket_messages" m set "helpful" = false
    where m."ticket_id" = v_thread."id" and m."helpful" and m."id" <> v_message."id";
  update "public"."ticket_messages" m set "helpful" = true where m."id" = v_message."id";
  update "public"."tickets" t set "helpful_message_id" = v_message."id" where t."id" = v_thread."id";
end
$$;
comment on function "public"."mark_helpful_answer"(text) is
  'The forum thread''s author marks another person''s reply as the helpful answer; its author earns 15 points.';

-- A partner reports a post they can read; admins see the report in post_reports.
create or replace function "public"."report_post"("message_id" text, "reason" text) returns uuid
language plpgsql
security definer
set search_path = ''
as $$
declare
  v_message "public"."ticket_messages"%rowtype;
  v_id uuid;
begin
  if "auth"."uid"() is null then
    raise exception 'Sign in to report a post.' using errcode = '42501';
  end if;
  if "reason" is null or char_length(btrim("reason")) = 0 or char_length("reason") > 1000 then
    raise exception 'Say in a few words (up to 1,000 characters) what is wrong with the post.' using errcode = '22023';
  end if;
  select * into v_message from "public"."ticket_messages" m where m."id" = "report_post"."message_id";
  if not found or v_message."visibility" <> 'public' or v_message."hidden" or not "public"."thread_readable"(v_message."ticket_id") then
    raise exception 'That post is not available to you. Sync the workstation and try again.' using errcode = 'P0002';
  end if;
  insert into "public"."post_reports" ("message_id", "ticket_id", "reporter_id", "reason")
    values (v_message."id", v_message."ticket_id", "auth"."uid"(), btrim("reason"))
    on conflict on constraint "post_reports_once_per_reporter" do update set "reason" = excluded."reason", "created_at" = now(), "resolved_at" = null, "resolved_by" = null
    returning "id" into v_id;
  return v_id;
end
$$;
comment on function "public"."report_post"(text, text) is 'Reports a post the caller can read; stored in post_reports for admins.';

-- Admins: status, priority and assignee of a thread in one call (assigned_name follows assigned_to).
create or replace function "public"."admin_set_ticket"("ticket_id" text, "status" text default null, "priority" text default null,
                                                     "assigned_to" uuid default null, "unassign" boolean default false)
returns "public"."tickets"
language plpgsql
security definer
set search_path = ''
as $$
declare
  v_ticket "public"."tickets";
begin
  if not "public"."is_admin"() then
    raise exception 'Only SISO staff can change a ticket''s status or assignee.' using errcode = '42501';
  end if;
  if "assigned_to" is not null and not exists (
    select 1 from "auth"."users" u where u."id" = "admin_set_ticket"."assigned_to" and u."raw_app_meta_data" ->> 'role' = 'admin'
  ) then
    raise exception 'Tickets can only be assigned to SISO staff.' using errcode = '22023';
  end if;
  update "public"."tickets" t set
      "status" = coalesce("admin_set_ticket"."status", t."status"),
      "priority" = coalesce("admin_set_ticket"."priority", t."priority"),
      "assigned_to" = case when "unassign" then null else coalesce("admin_set_ticket"."assigned_to", t."assigned_to") end,
      "updated_at" = now()
    where t."id" = "admin_set_ticket"."ticket_id"
    returning * into v_ticket;
  if not found then
    raise exception 'There is no ticket with id %.', "ticket_id" using errcode = 'P0002';
  end if;
  return v_ticket;
end
$$;

-- Admins: hide or show a post and close the reports about it.
create or replace function "public"."admin_moderate_post"("message_id" text, "hidden" boolean) returns void
language plpgsql
security definer
set search_path = ''
as $$
begin
  if not "public"."is_admin"() then
    raise exception 'Only SISO staff can hide posts.' using errcode = '42501';
  end if;
  update "public"."ticket_messages" m set "hidden" = "admin_moderate_post"."hidden", "updated_at" = now()
    where m."id" = "admin_moderate_post"."message_id";
  if not found then
    raise exception 'There is no post with id %.', "message_id" using errcode = 'P0002';
  end if;
  update "public"."post_reports" r set "resolved_at" = now(), "resolved_by" = "auth"."uid"()
    where r."message_id" = "admin_moderate_post"."message_id" and r."resolved_at" is null;
end
$$;

revoke all on function "public"."mark_helpful_answer"(text), "public"."report_post"(text, text),
  "public"."admin_set_ticket"(text, text, text, uuid, boolean), "public"."admin_moderate_post"(text, boolean) from public, "anon";
grant execute on function "public"."mark_helpful_answer"(text), "public"."report_post"(text, text),
  "public"."admin_set_ticket"(text, text, text, uuid, boolean), "public"."admin_moderate_post"(text, boolean) to "authenticated", "service_role";

-- 9. RLS -------------------------------------------------------------------------------------

drop policy "partners read their own tickets" on "public"."tickets";
drop policy "partners open tickets for themselves" on "public"."tickets";
drop policy "partners update their own tickets" on "public"."tickets";
create policy "partners read their own support tickets" on "public"."tickets"
  for select to "authenticated" using ("kind" = 'support' and "partner_id" = "auth"."uid"());
create policy "partners read forum threads their tier reaches" on "public"."tickets"
  for select to "authenticated" using (
    "kind" = 'forum' and not "hidden" and "public"."tier_rank"("tier_required") <= "public"."partner_tier_rank"()
  );
create policy "partners open tickets and start threads where they may" on "public"."tickets"
  for insert to "authenticated" with check (
    "partner_id" = "auth"."uid"()
    and ("kind" = 'support' or "public"."forum_category_open"("category", true))
  );
create policy "partners update their own threads" on "public"."tickets"
  for update to "authenticated"
  using ("partner_id" = "auth"."uid"() and ("kind" = 'support' or not "hidden"))
  with check ("partner_id" = "auth"."uid"());
create policy "admins start threads" on "public"."tickets"
  for insert to "authenticated" with check ("public"."is_admin"());

drop policy "partners read messages on their tickets" on "public"."ticket_messages";
drop policy "partners write on their own tickets" on "public"."ticket_messages";
drop policy "partners edit their own messages" on "public"."ticket_messages";
drop policy "support staff reply on any ticket" on "public"."ticket_messages";
create policy "partners read public messages on threads they may read" on "public"."ticket_messages"
  for select to "authenticated" using (
    "visibility" = 'public' and not "hidden" and (
      ("partner_id" = "auth"."uid"() and "public"."thread_kind"("ticket_id") = 'support')
      or ("public"."thread_kind"("ticket_id") = 'forum' and "public"."thread_readable"("ticket_id"))
    )
  );
create policy "partners post on their tickets and open threads" on "public"."ticket_messages"
  for insert to "authenticated" with check (
    "partner_id" = "auth"."uid"()
    and "author_role" = 'partner'
    and "visibility" = 'public'
    and "public"."thread_accepts_partner_message"("ticket_id")
  );
create policy "partners edit their own messages" on "public"."ticket_messages"
  for update to "authenticated"
  using ("partner_id" = "auth"."uid"() and "author_role" = 'partner' and "visibility" = 'public' and not "hidden")
  with check ("partner_id" = "auth"."uid"() and "author_role" = 'partner');
create policy "support staff reply and post" on "public"."ticket_messages"
  for insert to "authenticated" with check (
    "public"."is_admin"() and "author_role" = 'support'
    and ("public"."thread_kind"("ticket_id") = 'forum' or "public"."ticket_belongs_to"("ticket_id", "partner_id"))
  );
create policy "support staff moderate messages" on "public"."ticket_messages"
  for update to "authenticated" using ("public"."is_admin"()) with check ("public"."is_admin"());

-- 10. Group calls: booked as registrations, gated by tier and capacity ------------------------

create or replace function "public"."session_registrations"("session_id" text, "partner_id" uuid) returns integer
language sql stable
security definer
set search_path = ''
as $$
  select count(*)::integer from "public"."training_progress" tp
  where tp."kind" = 'registration' and tp."course_id" = "session_registrations"."session_id"
    and tp."partner_id" <> "session_registrations"."partner_id" and not tp."_deleted"
$$;
revoke all on function "public"."session_registrations"(text, uuid) from public, "anon";
grant execute on function "public"."session_registrations"(text, uuid) to "authenticated", "service_role";

-- As in live_sessions, plus: a registration may name a webinar or a group call, and a group call
-- takes no more partners than its capacity.
create or replace function "public"."training_progress_check_session"() returns trigger
language plpgsql
set search_path = ''
as $$
declare
  v_entry "public"."catalog"%rowtype;
  v_partner_tier text;
begin
  if new."kind" not in ('registration', 'booking') or new."_deleted" then
    return new;
  end if;
  new."ref_id" := coalesce(new."ref_id", new."course_id");
  if new."ref_id" is distinct from new."course_id" then
    raise exception 'A registration or booking names the same session in course_id and ref_id.' using errcode = '23514';
  end if;

  select * into v_entry from "public"."catalog" c
    where c."id" = new."course_id" and not c."_deleted"
      and c."kind" = any (case new."kind" when 'registration' then array['webinar', 'group_call'] else array['coaching_slot'] end);
  if not found then
    raise exception 'That session is no longer offered. Sync the workstation to see the current calendar.' using errcode = '23503';
  end if;

  select ps."tier" into v_partner_tier from "public"."partner_status" ps where ps."partner_id" = new."partner_id" and not ps."_deleted";
  if current_user = 'authenticated' and not "public"."is_admin"()
     and "public"."tier_rank"(v_entry."tier_required") > "public"."tier_rank"(coalesce(v_partner_tier, 'starter')) then
    raise exception '"%" is for % partners and above; reach that tier to %.', v_entry."title", initcap(v_entry."tier_required"),
      case new."kind" when 'registration' then 'register' else 'book it' end
      using errcode = '42501';
  end if;

  if v_entry."kind" = 'group_call'
     and "public"."session_registrations"(new."course_id", new."partner_id") >= coalesce((v_entry."body" ->> 'capacity')::integer, 2147483647) then
    -- 23P01, not 23505: replication reads 23505 as "this id exists already" and would retry for ever.
    raise exception '"%" is full. Choose another group call.', v_entry."title" using errcode = '23P01';
  end if;

  if new."kind" = 'booking' and "public"."coaching_slot_taken"(new."course_id", new."partner_id") then
    raise exception 'Another partner booked this coaching slot first. Choose another slot.' using errcode = '23505';
  end if;
  return new;
end
$$;

-- 11. Attachments bucket ---------------------------------------------------------------------

insert into "storage"."buckets" ("id", "name", "public", "file_size_limit", "allowed_mime_types") values
  ('ticket-attachments', 'ticket-attachments', false, 10485760,
   array['image/png', 'image/jpeg', 'application/pdf', 'text/plain', 'text/csv', 'application/zip'])
on conflict ("id") do update set
  "public" = excluded."public",
  "file_size_limit" = excluded."file_size_limit",
  "allowed_mime_types" = excluded."allowed_mime_types";

create policy "partners read their own ticket attachments" on "storage"."objects"
  for select to "authenticated"
  using ("bucket_id" = 'ticket-attachments' and (("storage"."foldername"("name"))[1] = "auth"."uid"()::text or "public"."is_admin"()));
create policy "partners attach files in their own folder" on "storage"."objects"
  for insert to "authenticated"
  with check ("bucket_id" = 'ticket-attachments' and (("storage"."foldername"("name"))[1] = "auth"."uid"()::text or "public"."is_admin"()));
create policy "partners remove their own ticket attachments" on "storage"."objects"
  for delete to "authenticated"
  using ("bucket_id" = 'ticket-attachments' and ("storage"."foldername"("name"))[1] = "auth"."uid"()::text);

-- 12. Rows written before this migration -----------------------------------------------------

update "public"."ticket_messages" m set
    "author_name" = case when m."author_role" = 'support' then 'SISO Support'
      else (select a."name" from "public"."community_author_of"(m."partner_id") a) end,
    "author_company" = case when m."author_role" = 'support' then 'SISO'
      else (select a."company" from "public"."community_author_of"(m."partner_id") a) end,
    "author_tier" = case when m."author_role" = 'support' then null
      else (select a."tier" from "public"."community_author_of"(m."partner_id") a) end
  where m."author_name" is null;
update "public"."tickets" t set
    "author_name" = (select a."name" from "public"."community_author_of"(t."partner_id") a),
    "author_company" = (select a."company" from "public"."community_author_of"(t."partner_id") a),
    "author_tier" = (select a."tier" from "public"."community_author_of"(t."partner_id") a),
    "message_count" = (select count(*) from "public"."ticket_messages" m where m."ticket_id" = t."id" and not m."_deleted"),
    "last_message_at" = coalesce((select max(m."created_at") from "public"."ticket_messages" m where m."ticket_id" = t."id"), t."created_at"),
    "first_response_at" = (select min(m."created_at") from "public"."ticket_messages" m where m."ticket_id" = t."id" and m."author_role" = 'support'),
    "response_due_at" = t."created_at" + make_interval(hours => case
      (select coalesce(a."tier", 'starter') from "public"."community_author_of"(t."partner_id") a)
      when 'elite' then 4 when 'performer' then 24 when 'active' then 48 else 72 end)
  where t."author_name" is null;

-- 10. Hidden posts reach devices as tombstones -------------------------------------------------
-- A post or thread synced to partners' devices before staff hid it must disappear there too, so
-- partners keep reading hidden rows (pulls deliver the change) but never their text: hiding moves
-- the text into this server-only table and leaves a placeholder; showing again puts it back.
-- Hiding a thread hides its posts with it (by_thread), and showing the thread shows those again.
create table "public"."hidden_post_texts" (
  "row_kind" text not null check ("row_kind" in ('message', 'thread')),
  "row_id" text not null,
  "text" text not null,
  "by_thread" boolean not null default false,
  "hidden_at" timestamptz not null default now(),
  primary key ("row_kind", "row_id")
);
comment on table "public"."hidden_post_texts" is
  'The text of hidden forum posts and thread titles, kept for staff to restore; server-only (no grants, no policies).';
alter table "public"."hidden_post_texts" enable row level security;
revoke all on "public"."hidden_post_texts" from "anon", "authenticated";

create or replace function "public"."forum_hide_message_text"() returns trigger
language plpgsql
security definer
set search_path = ''
as $$
declare
  v_text text;
begin
  if new."hidden" and not old."hidden" then
    insert into "public"."hidden_post_texts" ("row_kind", "row_id", "text", "by_thread")
      values ('message', new."id", old."body", coalesce(current_setting('siso.hiding_thread', true), '') = 'on')
      on conflict ("row_kind", "row_id") do update set "text" = excluded."text", "by_thread" = excluded."by_thread", "hidden_at" = now();
    new."body" := 'This post was hidden by a SISO moderator.';
  elsif old."hidden" and not new."hidden" then
    delete from "public"."hidden_post_texts" h where h."row_kind" = 'message' and h."row_id" = new."id" returning h."text" into v_text;
    if v_text is not null then
      new."body" := v_text;
    end if;
  end if;
  return new;
end
$$;
create trigger "zz_forum_hide_message_text" before update of "hidden" on "public"."ticket_messages"
  for each row execute function "public"."forum_hide_message_text"();

create or replace function "public"."forum_hide_thread_text"() returns trigger
language plpgsql
security definer
set search_path = ''
as $$
declare
  v_text text;
begin
  if new."kind" <> 'forum' then
    return new;
  end if;
  if new."hidden" and not old."hidden" then
    insert into "public"."hidden_post_texts" ("row_kind", "row_id", "text")
      values ('thread', new."id", old."subject")
      on conflict ("row_kind", "row_id") do update set "text" = excluded."text", "hidden_at" = now();
    new."subject" := 'Hidden thread';
  elsif old."hidden" and not new."hidden" then
    delete from "public"."hidden_post_texts" h where h."row_kind" = 'thread' and h."row_id" = new."id" returning h."text" into v_text;
    if v_text is not null then
      new."subject" := v_text;
    end if;
  end if;
  return new;
end
$$;
create trigger "zz_forum_hide_thread_text" before update of "hidden" on "public"."tickets"
  for each row execute function "public"."forum_hide_thread_text"();

-- The thread's posts follow it, after the thread row is written (their triggers update it too).
create or replace function "public"."forum_hide_thread_posts"() returns trigger
language plpgsql
security definer
set search_path = ''
as $$
begin
  if new."kind" <> 'forum' or new."hidden" is not distinct from old."hidden" then
    return null;
  end if;
  if new."hidden" then
    perform set_config('siso.hiding_thread', 'on', true);
    update "public"."ticket_messages" m set "hidden" = true, "updated_at" = now()
      where m."ticket_id" = new."id" and not m."hidden";
    perform set_config('siso.hiding_thread', '', true);
  else
    update "public"."ticket_messages" m set "hidden" = false, "updated_at" = now()
      where m."ticket_id" = new."id" and m."hidden"
        and exists (select 1 from "public"."hidden_post_texts" h where h."row_kind" = 'message' and h."row_id" = m."id" and h."by_thread");
  end if;
  return null;
end
$$;
create trigger "zz_forum_hide_thread_posts" after update of "hidden" on "public"."tickets"
  for each row execute function "public"."forum_hide_thread_posts"();

-- thread_readable (above) still answers "may act on it" (report, helpful), so hidden threads stay
-- closed to those; reading a hidden thread's tombstones only needs the tier to reach it.
create or replace function "public"."forum_thread_in_reach"("thread_id" text) returns boolean
language sql stable
security definer
set search_path = ''
as $$
  select exists (
    select 1 from "public"."tickets" t
    where t."id" = "thread_id" and t."kind" = 'forum' and "public"."tier_rank"(t."tier_required") <= "public"."partner_tier_rank"()
  )
$$;

drop policy "partners read forum threads their tier reaches" on "public"."tickets";
create policy "partners read forum threads their tier reaches" on "public"."tickets"
  for select to "authenticated" using (
    "kind" = 'forum' and "public"."tier_rank"("tier_required") <= "public"."partner_tier_rank"()
  );
drop policy "partners read public messages on threads they may read" on "public"."ticket_messages";
create policy "partners read public messages on threads they may read" on "public"."ticket_messages"
  for select to "authenticated" using (
    "visibility" = 'public' and (
      ("partner_id" = "auth"."uid"() and "public"."thread_kind"("ticket_id") = 'support' and not "hidden")
      or ("public"."thread_kind"("ticket_id") = 'forum' and "public"."forum_thread_in_reach"("ticket_id"))
    )
  );

