-- Notification center (issue 16) and the profile columns onboarding needs: per-type notification
-- preferences and quiet hours, country, the first-week checklist, and the accepted partner
-- agreement — written only by accept_agreement, which checks the version exists, is the latest
-- and that the partner accepted exactly its text (sha256). Server events that partners must hear
-- about while the app is closed become notifications here: tier changes and assets admins publish.

alter table "public"."profiles"
  add column "country" text,
  add column "notification_prefs" text check ("notification_prefs" is null or jsonb_typeof("notification_prefs"::jsonb) = 'object'),
  add column "quiet_hours_start" text check ("quiet_hours_start" ~ '^([01][0-9]|2[0-3]):[0-5][0-9]$'),
  add column "quiet_hours_end" text check ("quiet_hours_end" ~ '^([01][0-9]|2[0-3]):[0-5][0-9]$'),
  add column "onboarding_checklist" text check ("onboarding_checklist" is null or jsonb_typeof("onboarding_checklist"::jsonb) = 'array'),
  add column "onboarding_completed_at" timestamptz,
  add column "agreement_version" integer check ("agreement_version" >= 1),
  add column "agreement_accepted_at" timestamptz,
  add column "agreement_sha256" text;
comment on column "public"."profiles"."notification_prefs" is
  'JSON text: notification type → desktop | in_app | off (types in sync/domain/notifications.ts); missing types use the defaults.';
comment on column "public"."profiles"."agreement_version" is
  'The partner agreement version accepted; written by accept_agreement only.';

-- Every acceptance, kept for SISO's records (a profile holds only the latest).
create table "public"."agreement_acceptances" (
  "partner_id" uuid not null references "auth"."users" ("id") on delete cascade,
  "agreement_id" text not null,
  "version" integer not null,
  "text_sha256" text not null,
  "accepted_at" timestamptz not null default now(),
  primary key ("partner_id", "version")
);
comment on table "public"."agreement_acceptances" is
  'Partner agreement acceptances (version, text sha256, time); written by accept_agreement, read by admins.';
alter table "public"."agreement_acceptances" enable row level security;
revoke all on "public"."agreement_acceptances" from "anon";
grant select on "public"."agreement_acceptances" to "authenticated";
create policy "admins read acceptances" on "public"."agreement_acceptances"
  for select to "authenticated" using ("public"."is_admin"());
create policy "partners read their own acceptances" on "public"."agreement_acceptances"
  for select to "authenticated" using ("partner_id" = "auth"."uid"());

create or replace function "public"."profiles_agreement_by_rpc_only"() returns trigger
language plpgsql
set search_path = ''
as $$
begin
  if current_user <> 'authenticated' or "public"."is_admin"() then
    return new;
  end if;
  if tg_op = 'INSERT' then
    new."agreement_version" := null;
    new."agreement_accepted_at" := null;
    new."agreement_sha256" := null;
  elsif (new."agreement_version", new."agreement_accepted_at", new."agreement_sha256")
        is distinct from (old."agreement_version", old."agreement_accepted_at", old."agreement_sha256") then
    raise exception 'The partner agreement is accepted from the agreement screen, while online.' using errcode = '42501';
  end if;
  return new;
end
$$;
create trigger "agreement_by_rpc_only" before insert or update on "public"."profiles"
  for each row execute function "public"."profiles_agreement_by_rpc_only"();

create or replace function "public"."accept_agreement"("agreement_id" text, "text_sha256" text)
returns "public"."profiles"
language plpgsql
security definer
set search_path = ''
as $$
declare
  v_partner uuid := "auth"."uid"();
  v_row "public"."catalog"%rowtype;
  v_version integer;
  v_latest integer;
  v_profile "public"."profiles";
begin
  if v_partner is null then
    raise exception 'Sign in to accept the partner agreement.' using errcode = '42501';
  end if;
  select * into v_row from "public"."catalog" c
    where c."id" = "accept_agreement"."agreement_id" and c."kind" = 'agreement' and c."published" and not c."_deleted";
  if not found then
    raise exception 'This agreement version does not exist. Reload the agreement and try again.' using errcode = 'P0002';
  end if;
  v_version := (v_row."body" ->> 'version')::integer;
  select max((c."body" ->> 'version')::integer) into v_latest from "public"."catalog" c
    where c."kind" = 'agreement' and c."published" and not c."_deleted";
  if v_version < v_latest then
    raise exception 'A newer partner agreement (version %) has been published; read and accept that one.', v_latest using errcode = '23514';
  end if;
  if encode(sha256(convert_to(v_row."body" ->> 'text', 'UTF8')), 'hex') is distinct from lower("accept_agreement"."text_sha256") then
    raise exception 'The agreement text you accepted differs from SISO''s version %. Reload it, read it and accept again.', v_version using errcode = '23514';
  end if;
  insert into "public"."agreement_acceptances" ("partner_id", "agreement_id", "version", "text_sha256")
    values (v_partner, v_row."id", v_version, lower("accept_agreement"."text_sha256"))
    on conflict ("partner_id", "version") do nothing;
  update "public"."profiles" p
    set "agreement_version" = v_version, "agreement_accepted_at" = now(), "agreement_sha256" = lower("accept_agreement"."text_sha256"), "updated_at" = now()
    where p."id" = v_partner::text
    returning * into v_profile;
  if not found then
    raise exception 'Your profile is not on the server yet. Connect, wait for sync, then accept again.' using errcode = 'P0002';
  end if;
  return v_profile;
end
$$;
revoke all on function "public"."accept_agreement"(text, text) from public, "anon";
grant execute on function "public"."accept_agreement"(text, text) to "authenticated";

-- Tier changes reach the partner as a notification, whoever made them.
create or replace function "public"."notify_tier_change"() returns trigger
language plpgsql
security definer
set search_path = ''
as $$
declare
  v_label text := initcap(new."tier");
  v_promoted boolean := "public"."tier_rank"(new."tier") > "public"."tier_rank"(old."tier");
begin
  if new."tier" is not distinct from old."tier" then
    return new;
  end if;
  insert into "public"."notifications" ("id", "partner_id", "title", "body", "link", "kind", "updated_at")
    values ('tier-' || md5(new."partner_id"::text || ':' || new."tier" || ':' || now()::text), new."partner_id",
      case when v_promoted then format('You reached %s', v_label) else format('Your tier is now %s', v_label) end,
      format('Your commission rate is now %s%%.', trim(to_char(new."commission_rate", 'FM990.##'), '.')),
      '/tiers', 'tier_change', now());
  return new;
end
$$;
create trigger "notify_tier_change" after update of "tier" on "public"."partner_status"
  for each row execute function "public"."notify_tier_change"();

-- An asset an admin publishes (new, a new version, or published again) is announced to every
-- partner whose tier reaches it. Seeds and service jobs (not admins in the app) announce nothing.
create or replace function "public"."notify_asset_published"() returns trigger
language plpgsql
security definer
set search_path = ''
as $$
begin
  if new."kind" <> 'asset' or not new."published" or new."_deleted" or not "public"."is_admin"() then
    return new;
  end if;
  if tg_op = 'UPDATE' and old."published" and not old."_deleted" and new."version" <= old."version" then
    return new;
  end if;
  insert into "public"."notifications" ("id", "partner_id", "title", "body", "link", "kind", "updated_at")
    select 'asset-' || md5(new."id" || ':' || new."version" || ':' || s."partner_id"::text), s."partner_id",
      case when new."version" > 1 then format('Updated asset: %s', new."title") else format('New asset: %s', new."title") end,
      case when new."version" > 1 then format('Version %s is in the Marketing center.', new."version") else 'It is in the Marketing center.' end,
      '/marketing-center', 'asset_update', now()
    from "public"."partner_status" s
    where "public"."tier_rank"(s."tier") >= "public"."tier_rank"(new."tier_required")
  on conflict ("id") do nothing;
  return new;
end
$$;
create trigger "notify_asset_published" after insert or update on "public"."catalog"
  for each row execute function "public"."notify_asset_published"();
