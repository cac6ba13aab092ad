-- Deal registration (issue 16): a partner registers a lead's deal for SISO's approval; the server
-- checks for channel conflict across every partner's leads and answers without naming anyone.
--   1. Lead columns: website and registration_requested_at are the partner's; registration_status,
--      _decided_at, _expires_at, _reason and client_projects are written by the server and admins.
--   2. leads_guard_registration: keeps the server columns for partners, and runs the conflict check
--      when a partner (re)requests a registration (setting registration_requested_at, offline too).
--      A request with no domain to check (no website, only a free-mail contact) is answered
--      'rejected' with a sentence saying what to add; the app does not send such requests.
--   3. program_settings: the protection period ('deal_registration_protection_days', default 90),
--      a small admin-only table rather than a catalog row, because partners must not read it as
--      content and it is a single number, not a versioned document.
--   4. admin_decide_registration(lead_id, approve, reason): admins approve (expires after the
--      protection period) or reject (a reason is required); the partner gets a notification.
--   5. notify_expiring_registrations(): reminders 14 and 3 days before expiry (idempotent ids) and
--      'expired' after it. The local backend runs it hourly (sync/server/scheduled-jobs.ts); on
--      Supabase, schedule it with pg_cron:
--        select cron.schedule('notify-expiring-registrations', '20 * * * *',
--                             $$select "public"."notify_expiring_registrations"()$$);

-- 1. Columns -----------------------------------------------------------------------------------

alter table "public"."leads"
  add column "website" text,
  add column "registration_requested_at" timestamptz,
  add column "registration_status" text check ("registration_status" in ('pending', 'approved', 'rejected', 'conflict', 'expired')),
  add column "registration_decided_at" timestamptz,
  add column "registration_expires_at" timestamptz,
  add column "registration_reason" text,
  add column "client_projects" text check ("client_projects" is null or jsonb_typeof("client_projects"::jsonb) = 'array');
comment on column "public"."leads"."registration_status" is
  'Deal registration: pending | approved | rejected | conflict | expired; written by the server (request trigger, admin_decide_registration, notify_expiring_registrations) only.';
comment on column "public"."leads"."client_projects" is
  'JSON text array of the projects SISO delivers for this client (clientProjectsSchema in sync/domain/clients.ts); admins write it.';

create index "leads_registration_status" on "public"."leads" ("registration_status") where "registration_status" is not null;

-- 2. Conflict check ----------------------------------------------------------------------------

-- Mail providers anyone can sign up with: their domain says nothing about the company. Kept in
-- step with FREE_MAIL_DOMAINS in sync/domain/deal-registration.ts (a unit test compares them).
create or replace function "public"."free_mail_domains"() returns text[]
language sql immutable
set search_path = ''
as $$
  select array['gmail.com', 'googlemail.com', 'outlook.com', 'hotmail.com', 'hotmail.co.uk', 'live.com', 'msn.com',
    'yahoo.com', 'yahoo.co.uk', 'ymail.com', 'icloud.com', 'me.com', 'mac.com', 'aol.com', 'proton.me', 'protonmail.com',
    'gmx.com', 'gmx.de', 'gmx.net', 'web.de', 'mail.com', 'zoho.com', 'yandex.com', 'yandex.ru', 'mail.ru', 'qq.com',
    '163.com', 'fastmail.com', 'hey.com', 'tutanota.com']
$$;

-- The domains a lead is known by: its website's host (no scheme, www., port or path) and its
-- contact email's domain unless that is a free-mail provider.
create or replace function "public"."lead_registration_domains"("website" text, "email" text) returns text[]
language sql immutable
set search_path = ''
as $$
  select array_remove(array[
    nullif(regexp_replace(regexp_replace(regexp_replace(lower(trim(coalesce("website", ''))),
      '^[a-z][a-z0-9+.-]*://', ''), '^www\.', ''), '[:/?#].*$', ''), ''),
    (select d from (select nullif(lower(trim(split_part(coalesce("email", ''), '@', 2))), '') as d) e
      where position('@' in coalesce("email", '')) > 0 and not (d = any ("public"."free_mail_domains"())))
  ], null)
$$;

-- The first domain of `domains` that another partner holds a live registration for, or null.
-- Security definer: it looks across every partner's leads, which RLS hides from the caller; it
-- returns only the caller's own domain, never whose it is. Partners may call it (the request
-- trigger runs as them), but only for themselves; it tells them no more than a request would.
create or replace function "public"."registration_conflict_domain"("lead_id" text, "partner_id" uuid, "domains" text[]) returns text
language sql stable
security definer
set search_path = ''
as $$
  select d from unnest("registration_conflict_domain"."domains") d
  where exists (
    select 1 from "public"."leads" l
    where "registration_conflict_domain"."partner_id" = coalesce("auth"."uid"(), "registration_conflict_domain"."partner_id")
      and l."id" <> "registration_conflict_domain"."lead_id" and l."partner_id" <> "registration_conflict_domain"."partner_id"
      and not l."_deleted"
      and (l."registration_status" = 'pending'
        or (l."registration_status" = 'approved' and (l."registration_expires_at" is null or l."registration_expires_at" > now())))
      and d = any ("public"."lead_registration_domains"(l."website", l."email")))
  limit 1
$$;
revoke all on function "public"."registration_conflict_domain"(text, uuid, text[]) from public, "anon";
grant execute on function "public"."registration_conflict_domain"(text, uuid, text[]) to "authenticated";

create or replace function "public"."leads_guard_registration"() returns trigger
language plpgsql
set search_path = ''
as $$
declare
  v_domains text[];
  v_conflict text;
begin
  if current_user <> 'authenticated' or "public"."is_admin"() then
    return new;
  end if;
  if tg_op = 'INSERT' then
    new."registration_status" := null;
    new."registration_decided_at" := null;
    new."registration_expires_at" := null;
    new."registration_reason" := null;
    new."client_projects" := null;
  else
    new."registration_status" := old."registration_status";
    new."registration_decided_at" := old."registration_decided_at";
    new."registration_expires_at" := old."registration_expires_at";
    new."registration_reason" := old."registration_reason";
    new."client_projects" := old."client_projects";
  end if;

  if new."registration_requested_at" is null then
    -- A registration once requested stays on record.
    if tg_op = 'UPDATE' then new."registration_requested_at" := old."registration_requested_at"; end if;
    return new;
  end if;
  if tg_op = 'UPDATE' and new."registration_requested_at" is not distinct from old."registration_requested_at" then
    return new;
  end if;
  -- A live registration is not re-checked; a new request after rejection, conflict or expiry is.
  if tg_op = 'UPDATE' and (old."registration_status" = 'pending' or (old."registration_status" = 'approved'
      and (old."registration_expires_at" is null or old."registration_expires_at" > now()))) then
    new."registration_requested_at" := old."registration_requested_at";
    return new;
  end if;

  -- The server's clock stamps the request, so the decision that follows is never older than it.
  new."registration_requested_at" := now();
  new."registration_expires_at" := null;
  v_domains := "public"."lead_registration_domains"(new."website", new."email");
  if cardinality(v_domains) = 0 then
    new."registration_status" := 'rejected';
    new."registration_decided_at" := now();
    new."registration_reason" := 'Add the company''s website or a contact email at the company''s own domain, then register again: SISO checks registrations by domain.';
    return new;
  end if;
  v_conflict := "public"."registration_conflict_domain"(new."id", new."partner_id", v_domains);
  if v_conflict is not null then
    new."registration_status" := 'conflict';
    new."registration_decided_at" := now();
    new."registration_reason" := format('Another partner has already registered a deal with %s. Contact SISO if you believe this lead is yours.', v_conflict);
  else
    new."registration_status" := 'pending';
    new."registration_decided_at" := null;
    new."registration_reason" := null;
  end if;
  return new;
end
$$;
create trigger "leads_guard_registration" before insert or update on "public"."leads"
  for each row execute function "public"."leads_guard_registration"();

-- 3. Protection period -------------------------------------------------------------------------

create table "public"."program_settings" (
  "key" text primary key,
  "value" jsonb not null,
  "updated_at" timestamptz not null default now()
);
comment on table "public"."program_settings" is
  'Partner programme settings the server applies (deal_registration_protection_days). Admins read and write; partners never see them.';
alter table "public"."program_settings" enable row level security;
revoke all on "public"."program_settings" from "anon";
grant select, insert, update on "public"."program_settings" to "authenticated";
create policy "admins read programme settings" on "public"."program_settings"
  for select to "authenticated" using ("public"."is_admin"());
create policy "admins add programme settings" on "public"."program_settings"
  for insert to "authenticated" with check ("public"."is_admin"());
create policy "admins change programme settings" on "public"."program_settings"
  for update to "authenticated" using ("public"."is_admin"()) with check ("public"."is_admin"());
alter table "public"."program_settings" add constraint "protection_days_in_range" check (
  "key" <> 'deal_registration_protection_days'
  or (jsonb_typeof("value") = 'number' and ("value")::text::numeric between 1 and 730 and ("value")::text::numeric = floor(("value")::text::numeric)));
insert into "public"."program_settings" ("key", "value") values ('deal_registration_protection_days', '90');

create or replace function "public"."registration_protection_days"() returns integer
language sql stable
security definer
set search_path = ''
as $$
  select coalesce((select (s."value")::text::integer from "public"."program_settings" s where s."key" = 'deal_registration_protection_days'), 90)
$$;

-- 4. Admin decision ----------------------------------------------------------------------------

create or replace function "public"."admin_decide_registration"("lead_id" text, "approve" boolean, "reason" text)
returns "public"."leads"
language plpgsql
security definer
set search_path = ''
as $$
declare
  v_lead "public"."leads";
  v_reason text := nullif(trim(coalesce("admin_decide_registration"."reason", '')), '');
begin
  if not "public"."is_admin"() then
    raise exception 'Only SISO admins decide deal registrations.' using errcode = '42501';
  end if;
  select * into v_lead from "public"."leads" l where l."id" = "admin_decide_registration"."lead_id" and not l."_deleted" for update;
  if not found then
    raise exception 'This lead no longer exists. Reload the registration requests.' using errcode = 'P0002';
  end if;
  if v_lead."registration_requested_at" is null or v_lead."registration_status" not in ('pending', 'conflict') then
    raise exception 'This registration is not waiting for a decision (it is %). Reload the registration requests.', coalesce(v_lead."registration_status", 'not requested') using errcode = '23514';
  end if;
  if not "admin_decide_registration"."approve" and v_reason is null then
    raise exception 'Give the partner a reason for rejecting the registration.' using errcode = '23514';
  end if;
  update "public"."leads" l set
    "registration_status" = case when "admin_decide_registration"."approve" then 'approved' else 'rejected' end,
    "registration_decided_at" = now(),
    "registration_expires_at" = case when "admin_decide_registration"."approve"
      then now() + make_interval(days => "public"."registration_protection_days"()) end,
    "registration_reason" = v_reason,
    "updated_at" = now()
    where l."id" = v_lead."id"
    returning * into v_lead;
  insert into "public"."notifications" ("id", "partner_id", "title", "body", "link", "kind", "created_at", "updated_at")
    values ('deal-registration-' || md5(v_lead."id" || ':' || v_lead."registration_decided_at"::text), v_lead."partner_id",
      case when "admin_decide_registration"."approve"
        then format('Deal registration approved: %s', v_lead."company")
        else format('Deal registration rejected: %s', v_lead."company") end,
      case when "admin_decide_registration"."approve"
        then format('Your commission on this deal is protected until %s.', to_char(v_lead."registration_expires_at" at time zone 'UTC', 'FMDD Mon YYYY'))
        else v_reason end,
      '/leads/' || v_lead."id", 'deal_registration', now(), now())
    on conflict ("id") do nothing;
  return v_lead;
end
$$;
revoke all on function "public"."admin_decide_registration"(text, boolean, text) from public, "anon";
grant execute on function "public"."admin_decide_registration"(text, boolean, text) to "authenticated";

-- 5. Reminders and expiry ----------------------------------------------------------------------

-- Returns how many notifications it added. Ids carry the expiry, so a registration approved again
-- later gets its own reminders; one inside its last 3 days gets only the 3-day reminder.
create or replace function "public"."notify_expiring_registrations"() returns integer
language plpgsql
security definer
set search_path = ''
as $$
declare
  v_added integer;
  v_expired integer;
begin
  with gone as (
    update "public"."leads" l set "registration_status" = 'expired', "updated_at" = now()
    where l."registration_status" = 'approved' and l."registration_expires_at" <= now() and not l."_deleted"
    returning l."id", l."partner_id", l."company", l."registration_expires_at"
  )
  insert into "public"."notifications" ("id", "partner_id", "title", "body", "link", "kind", "created_at", "updated_at")
  select 'deal-registration-expired-' || g."id" || '-' || floor(extract(epoch from g."registration_expires_at"))::bigint, g."partner_id",
         format('Deal registration expired: %s', g."company"),
         'Its protection period has ended. Register the deal again if you are still working it.',
         '/leads/' || g."id", 'deal_registration', now(), now()
  from gone g
  on conflict ("id") do nothing;
  get diagnostics v_expired = row_count;

  with due as (
    select l."id", l."partner_id", l."company", l."registration_expires_at",
           case when l."registration_expires_at" <= now() + interval '3 days' then 3 else 14 end as "notice_days"
    from "public"."leads" l
    where l."registration_status" = 'approved' and not l."_deleted"
      and l."registration_expires_at" > now() and l."registration_expires_at" <= now() + interval '14 days'
  )
  insert into "public"."notifications" ("id", "partner_id", "title", "body", "link", "kind", "created_at", "updated_at")
  select 'deal-registration-expiring-' || d."notice_days" || 'd-' || d."id" || '-' || floor(extract(epoch from d."registration_expires_at"))::bigint,
         d."partner_id",
         format('Deal registration for %s expires on %s', d."company", to_char(d."registration_expires_at" at time zone 'UTC', 'FMDD Mon YYYY')),
         case d."notice_days"
           when 3 then 'Three days of protection left. Close the deal or ask SISO about extending the registration.'
           else 'Two weeks of protection left on this deal. Close it or ask SISO about extending the registration.'
         end,
         '/leads/' || d."id", 'deal_registration', now(), now()
  from due d
  on conflict ("id") do nothing;
  get diagnostics v_added = row_count;
  return v_added + v_expired;
end
$$;
comment on function "public"."notify_expiring_registrations"() is
  'Reminds partners 14 and 3 days before a deal registration expires and marks expired ones; idempotent. Run by a scheduler, never by partners.';
revoke all on function "public"."notify_expiring_registrations"() from public, "anon", "authenticated";
grant execute on function "public"."notify_expiring_registrations"() to "service_role";
