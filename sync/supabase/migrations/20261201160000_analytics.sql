-- Analytics (issue 17): catalog v4 kinds program_aggregate and leaderboard, the Elite custom
-- dashboard on the profile, and the two server jobs that publish what partners may see of each
-- other: anonymised per-tier aggregates (never a group of fewer than 5 partners) and the monthly
-- leaderboard of partners who opted in (display name, tier, rank and deals won only).
-- Both functions run as the owner from the scheduled jobs (pg_cron on Supabase), after the seed,
-- and the leaderboard also whenever a partner opts in or out, so opting out takes effect at once.
-- On a Supabase project, schedule them hourly with pg_cron (the local backend's scheduled-jobs.ts
-- does the same):
--   select cron.schedule('siso-publish-analytics', '7 * * * *',
--     $cron$select public.publish_program_aggregates(); select public.publish_leaderboard();$cron$);

alter table "public"."catalog" drop constraint "catalog_kind_check";
alter table "public"."catalog" add constraint "catalog_kind_check"
  check ("kind" in ('asset', 'template', 'course', 'article', 'tier_rule', 'announcement', 'brand_guideline', 'promotion',
                    'module', 'assessment', 'webinar', 'coaching_slot', 'learning_path', 'forum_category', 'group_call',
                    'challenge', 'support_settings', 'community_leaderboard', 'partner_directory', 'agreement',
                    'program_aggregate', 'leaderboard'));

alter table "public"."profiles"
  add column "dashboard_layout" text
    check ("dashboard_layout" is null or jsonb_typeof("dashboard_layout"::jsonb) = 'object');
comment on column "public"."profiles"."dashboard_layout" is
  'JSON text: the Elite custom dashboard { widgets: [{ id, kind, size? }], kpis: [{ id, label, metric, target? }] } (sync/domain/analytics-layout.ts). Written by the partner.';

-- 1. Program aggregates -------------------------------------------------------------------------

-- Per tier and month (this month and last, UTC), over the partners currently in the tier (admins
-- excluded): leads created in the month; conversions = leads won in the month; conversion_rate =
-- the share of the month's new leads that are won now (0 without leads); earnings_gbp = commission
-- lines created in the month in GBP, net of clawbacks, reversed lines left out (lines in other
-- currencies are left out rather than converted at a rate the server does not hold);
-- avg_days_to_close = mean days from created to won of the month's wins, over the partners who won
-- something (null unless at least 5 did). Each as the median and, in groups of 10 or more, the
-- quartiles (percentile_cont; in a smaller group a quartile is too close to one partner's own
-- figure, so p25 and p75 are null). A group of fewer than 5 partners is not published, and its row from an earlier run is retired
-- (_deleted), so partners' replicas drop it. Returns how many rows are published.
create or replace function "public"."publish_program_aggregates"() returns integer
language plpgsql
security definer
set search_path = ''
as $$
declare
  v_min_partners constant integer := 5;
  v_min_quartiles constant integer := 10;
  v_now timestamp := now() at time zone 'UTC';
  v_published integer;
begin
  create temporary table if not exists "pg_temp"."program_groups" (
    "slug" text primary key, "tier" text, "month" text, "partners" integer, "body" jsonb
  ) on commit drop;
  truncate "pg_temp"."program_groups";

  with "months" as (
    select to_char(m, 'YYYY-MM') as "month",
      m at time zone 'UTC' as "starts", (m + interval '1 month') at time zone 'UTC' as "ends"
    from unnest(array[date_trunc('month', v_now), date_trunc('month', v_now) - interval '1 month']) m
  ), "members" as (
    select ps."partner_id", ps."tier"
    from "public"."partner_status" ps
    join "auth"."users" u on u."id" = ps."partner_id"
    where not ps."_deleted" and coalesce(u."raw_app_meta_data" ->> 'role', '') <> 'admin'
  ), "per_partner" as (
    select p."tier", m."month", p."partner_id",
      coalesce(l."leads", 0) as "leads",
      coalesce(w."conversions", 0) as "conversions",
      case when coalesce(l."leads", 0) > 0 then l."won_of_new"::double precision / l."leads" else 0 end as "conversion_rate",
      coalesce(e."earnings_gbp", 0) as "earnings_gbp",
      w."avg_days" as "avg_days_to_close"
    from "members" p
    cross join "months" m
    left join lateral (
      select count(*) as "leads", count(*) filter (where x."stage" = 'won') as "won_of_new"
      from "public"."leads" x
      where x."partner_id" = p."partner_id" and not x."_deleted" and x."created_at" >= m."starts" and x."created_at" < m."ends"
    ) l on true
    left join lateral (
      select count(*) as "conversions",
        avg(extract(epoch from (x."stage_changed_at" - x."created_at")) / 86400) as "avg_days"
      from "public"."leads" x
      where x."partner_id" = p."partner_id" and not x."_deleted" and x."stage" = 'won'
        and x."stage_changed_at" >= m."starts" and x."stage_changed_at" < m."ends"
    ) w on true
    left join lateral (
      select sum(x."amount") as "earnings_gbp"
      from "public"."earnings" x
      where x."partner_id" = p."partner_id" and not x."_deleted" and x."kind" = 'commission' and x."status" <> 'reversed'
        and x."currency" = 'GBP' and x."created_at" >= m."starts" and x."created_at" < m."ends"
    ) e on true
  ), "groups" as (
    select g."tier", g."month", count(*)::integer as "partners",
      percentile_cont(array[0.25, 0.5, 0.75]) within group (order by g."leads") as "leads",
      percentile_cont(array[0.25, 0.5, 0.75]) within group (order by g."conversions") as "conversions",
      percentile_cont(array[0.25, 0.5, 0.75]) within group (order by g."conversion_rate") as "conversion_rate",
      percentile_cont(array[0.25, 0.5, 0.75]) within group (order by g."earnings_gbp") as "earnings_gbp",
      percentile_cont(array[0.25, 0.5, 0.75]) within group (order by g."avg_days_to_close") as "avg_days_to_close",
      count(g."avg_days_to_close")::integer as "closers"
    from "per_partner" g
    group by g."tier", g."month"
    having count(*) >= v_min_partners
  )
  insert into "pg_temp"."program_groups" ("slug", "tier", "month", "partners", "body")
    select 'program-' || g."tier" || '-' || g."month", g."tier", g."month", g."partners",
      jsonb_build_object('tier', g."tier", 'month', g."month", 'partners', g."partners", 'metrics', jsonb_build_object(
        'leads', "public"."analytics_quartiles"(g."leads", 2, g."partners" >= v_min_quartiles),
        'conversions', "public"."analytics_quartiles"(g."conversions", 2, g."partners" >= v_min_quartiles),
        'conversion_rate', "public"."analytics_quartiles"(g."conversion_rate", 4, g."partners" >= v_min_quartiles),
        'earnings_gbp', "public"."analytics_quartiles"(g."earnings_gbp", 2, g."partners" >= v_min_quartiles),
        'avg_days_to_close', case when g."closers" >= v_min_partners
          then "public"."analytics_quartiles"(g."avg_days_to_close", 1, g."closers" >= v_min_quartiles) else 'null'::jsonb end))
    from "groups" g;

  insert into "public"."catalog" ("id", "kind", "title", "slug", "body", "tier_required", "category", "tags", "published", "updated_at")
    select g."slug", 'program_aggregate', 'Program comparison: ' || initcap(g."tier") || ' partners, ' || g."month", g."slug",
      g."body", 'starter', 'analytics', '{analytics}', true, now()
    from "pg_temp"."program_groups" g
    on conflict ("slug") do update set "body" = excluded."body", "published" = true, "_deleted" = false
      where ("catalog"."body", "catalog"."published", "catalog"."_deleted") is distinct from (excluded."body", true, false);

  update "public"."catalog" c set "_deleted" = true
    where c."kind" = 'program_aggregate' and not c."_deleted"
      and c."body" ->> 'month' in (to_char(v_now, 'YYYY-MM'), to_char(v_now - interval '1 month', 'YYYY-MM'))
      and not exists (select 1 from "pg_temp"."program_groups" g where g."slug" = c."slug");

  select count(*)::integer into v_published from "pg_temp"."program_groups";
  return v_published;
end
$$;

-- { p25, median, p75 } from percentile_cont's array, rounded for display; p25 and p75 are null
-- unless the group is large enough that a quartile does not pin down one partner's own figure.
create or replace function "public"."analytics_quartiles"("q" double precision[], "digits" integer, "with_quartiles" boolean)
returns jsonb
language sql immutable
set search_path = ''
as $$
  select jsonb_build_object(
    'p25', case when "with_quartiles" then round("q"[1]::numeric, "digits")::double precision end,
    'median', round("q"[2]::numeric, "digits")::double precision,
    'p75', case when "with_quartiles" then round("q"[3]::numeric, "digits")::double precision end)
$$;

-- 2. Leaderboard --------------------------------------------------------------------------------

-- This month's (UTC) leaderboard of the partners who opted in, ranked by deals won this month
-- (ties share a rank; a partner with none is still listed). Entries hold rank, display name, tier
-- and deals won only, never ids, companies or money. Each partner's own rank also goes into their
-- partner_status.metrics (leaderboard_rank, leaderboard_size, leaderboard_month) and is removed
-- there from partners who are not on the board. Returns the number of entries.
create or replace function "public"."publish_leaderboard"() returns integer
language plpgsql
security definer
set search_path = ''
as $$
declare
  v_now timestamp := now() at time zone 'UTC';
  v_month text := to_char(v_now, 'YYYY-MM');
  v_month_start timestamptz := date_trunc('month', v_now) at time zone 'UTC';
  v_body jsonb;
  v_size integer;
begin
  create temporary table if not exists "pg_temp"."leaderboard_ranks" (
    "partner_id" uuid primary key, "rank" integer, "name" text, "tier" text, "score" integer
  ) on commit drop;
  truncate "pg_temp"."leaderboard_ranks";

  insert into "pg_temp"."leaderboard_ranks" ("partner_id", "rank", "name", "tier", "score")
    select s."partner_id", rank() over (order by s."score" desc)::integer, s."name", s."tier", s."score"
    from (
      select p."partner_id", coalesce(nullif(btrim(p."display_name"), ''), 'SISO partner') as "name", ps."tier",
        (select count(*) from "public"."leads" l
          where l."partner_id" = p."partner_id" and not l."_deleted" and l."stage" = 'won' and l."stage_changed_at" >= v_month_start)::integer as "score"
      from "public"."profiles" p
      join "public"."partner_status" ps on ps."partner_id" = p."partner_id" and not ps."_deleted"
      where p."leaderboard_opt_in" and not p."_deleted"
    ) s;

  select count(*)::integer,
      jsonb_build_object('month', v_month, 'metric', 'won_deals', 'entries', coalesce(jsonb_agg(jsonb_build_object(
        'rank', r."rank", 'display_name', r."name", 'tier', r."tier", 'score', r."score")
        order by r."rank", lower(r."name"), r."partner_id"), '[]'::jsonb))
    into v_size, v_body
    from "pg_temp"."leaderboard_ranks" r;

  insert into "public"."catalog" ("id", "kind", "title", "slug", "body", "tier_required", "category", "tags", "published", "updated_at")
    values ('leaderboard-' || v_month, 'leaderboard', 'Partner leaderboard ' || v_month, 'leaderboard-' || v_month,
            v_body, 'starter', 'analytics', '{analytics,leaderboard}', true, now())
    on conflict ("slug") do update set "body" = excluded."body", "published" = true, "_deleted" = false
      where ("catalog"."body", "catalog"."published", "catalog"."_deleted") is distinct from (excluded."body", true, false);

  update "public"."partner_status" ps
    set "metrics" = ps."metrics" || jsonb_build_object('leaderboard_rank', r."rank", 'leaderboard_size', v_size, 'leaderboard_month', v_month)
    from "pg_temp"."leaderboard_ranks" r
    where ps."partner_id" = r."partner_id"
      and (ps."metrics" -> 'leaderboard_rank', ps."metrics" -> 'leaderboard_size', ps."metrics" ->> 'leaderboard_month')
        is distinct from (to_jsonb(r."rank"), to_jsonb(v_size), v_month);
  update "public"."partner_status" ps
    set "metrics" = ps."metrics" - 'leaderboard_rank' - 'leaderboard_size' - 'leaderboard_month'
    where ps."metrics" ?| array['leaderboard_rank', 'leaderboard_size', 'leaderboard_month']
      and not exists (select 1 from "pg_temp"."leaderboard_ranks" r where r."partner_id" = ps."partner_id");
  return v_size;
end
$$;

revoke all on function "public"."publish_program_aggregates"(), "public"."publish_leaderboard"(),
  "public"."analytics_quartiles"(double precision[], integer, boolean) from public, "anon", "authenticated";
grant execute on function "public"."publish_program_aggregates"(), "public"."publish_leaderboard"() to "service_role";

-- Opting in or out (or a new display name) re-publishes the board in the same transaction, so a
-- partner who opts out is gone from it, and from everyone's next pull, at once.
create or replace function "public"."leaderboard_follows_profiles"() returns trigger
language plpgsql
security definer
set search_path = ''
as $$
begin
  perform "public"."publish_leaderboard"();
  return null;
end
$$;

create trigger "leaderboard_follows_profiles" after update of "leaderboard_opt_in", "display_name", "_deleted"
  on "public"."profiles" for each row
  when ((new."leaderboard_opt_in", new."display_name", new."_deleted") is distinct from (old."leaderboard_opt_in", old."display_name", old."_deleted")
        and (new."leaderboard_opt_in" or old."leaderboard_opt_in"))
  execute function "public"."leaderboard_follows_profiles"();
create trigger "leaderboard_follows_tier" after update of "tier", "_deleted" on "public"."partner_status" for each row
  when ((new."tier", new."_deleted") is distinct from (old."tier", old."_deleted"))
  execute function "public"."leaderboard_follows_profiles"();
