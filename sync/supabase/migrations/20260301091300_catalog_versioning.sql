-- Admin publishing: the server owns catalog versions, partners learn about withdrawn entries, and
-- an admin changes a partner's tier in one step.
--
-- Retiring an entry is `_deleted = true` (never a DELETE): partners' replication sees the
-- tombstone and removes the row and its cached file. A retired entry that was published is still
-- published, so "partners read published entries" lets partners read the tombstone; its file is
-- refused by asset_is_unlocked (which requires `not _deleted`, see storage_buckets).

-- 1. Versions. Any change to what an entry says or which file it points to bumps `version` and
--    stamps `updated_at`; publishing, unpublishing, retiring and reordering do not. Clients
--    cannot set the version themselves: a new entry starts at 1 and it only moves by this trigger.
create or replace function "public"."catalog_bump_version"() returns trigger
language plpgsql
set search_path = ''
as $$
begin
  if tg_op = 'INSERT' then
    new."version" := 1;
    return new;
  end if;
  if (new."kind", new."title", new."slug", new."body", new."tier_required", new."category", new."tags",
      new."file_path", new."file_sha256", new."file_size", new."mime_type")
     is distinct from
     (old."kind", old."title", old."slug", old."body", old."tier_required", old."category", old."tags",
      old."file_path", old."file_sha256", old."file_size", old."mime_type") then
    new."version" := old."version" + 1;
    new."updated_at" := now();
  else
    new."version" := old."version";
  end if;
  return new;
end
$$;
comment on function "public"."catalog_bump_version"() is
  'Bumps catalog.version when an entry''s content or file changes (not on publish/unpublish/retire/reorder).';

create trigger "catalog_bump_version" before insert or update on "public"."catalog"
  for each row execute function "public"."catalog_bump_version"();

-- 2. Withdrawn entries. RLS hides unpublished rows from partners, so without this an entry an admin
--    unpublishes would stay, stale and "published", in every partner's local store: the pull never
--    sees the change. Partners may therefore also read entries that are unpublished but were once
--    published (with published = false, which their screens filter out); drafts that were never
--    published stay invisible. The set of once-published ids is kept in a table no role can read
--    directly (RLS on, no policies); only the definer functions below touch it.
create table "public"."catalog_publications" (
  "catalog_id" text primary key references "public"."catalog" ("id") on delete cascade,
  "first_published_at" timestamptz not null default now()
);
comment on table "public"."catalog_publications" is
  'Catalog entries that have been published at least once, so partners can pull their withdrawal. Internal: no client access.';
alter table "public"."catalog_publications" enable row level security;

create or replace function "public"."catalog_note_publication"() returns trigger
language plpgsql
security definer
set search_path = ''
as $$
begin
  insert into "public"."catalog_publications" ("catalog_id") values (new."id") on conflict do nothing;
  return null;
end
$$;

create trigger "catalog_note_publication" after insert or update of "published" on "public"."catalog"
  for each row when (new."published") execute function "public"."catalog_note_publication"();

insert into "public"."catalog_publications" ("catalog_id")
  select "id" from "public"."catalog" where "published"
  on conflict do nothing;

create or replace function "public"."catalog_was_published"("entry_id" text) returns boolean
language sql stable
security definer
set search_path = ''
as $$
  select exists (select 1 from "public"."catalog_publications" p where p."catalog_id" = "entry_id")
$$;

create policy "partners read withdrawn entries" on "public"."catalog"
  for select to "authenticated" using (not "published" and "public"."catalog_was_published"("id"));

-- 3. Setting a partner's tier. Done here rather than as a client-side PATCH under RLS because it
--    is a read-modify-write of three things that must agree: the tier, the commission rate from
--    the published tier rule for that tier, and the history (close the open period, open a new
--    one). One function in one transaction, row locked, cannot interleave with another admin's
--    change or write a rate that disagrees with the rules. It checks is_admin() itself, since
--    security definer bypasses the table's RLS.
create or replace function "public"."admin_set_partner_tier"("target_partner" uuid, "new_tier" text)
returns "public"."partner_status"
language plpgsql
security definer
set search_path = ''
as $$
declare
  "rule_rate" double precision;
  "status" "public"."partner_status";
  "stamp" text := to_char(now() at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"');
  "closed" jsonb;
begin
  if not "public"."is_admin"() then
    raise exception 'Only SISO admins can change a partner''s tier.' using errcode = '42501';
  end if;
  if "public"."tier_rank"("new_tier") = 0 then
    raise exception 'There is no tier called "%". Choose starter, active, performer or elite.', "new_tier" using errcode = '22023';
  end if;
  select (c."body" ->> 'commission_rate')::double precision into "rule_rate"
    from "public"."catalog" c
    where c."kind" = 'tier_rule' and c."published" and not c."_deleted" and c."body" ->> 'tier' = "new_tier"
    order by c."sort_order", c."id"
    limit 1;
  if "rule_rate" is null then
    raise exception 'There is no published tier rule for the % tier, so its commission rate is unknown. Publish one under Tier rules first.', "new_tier"
      using errcode = 'P0002';
  end if;

  select * into "status" from "public"."partner_status" ps
    where ps."partner_id" = "target_partner" and not ps."_deleted"
    for update;
  if not found then
    if not exists (select 1 from "auth"."users" u where u."id" = "target_partner") then
      raise exception 'There is no partner with id %.', "target_partner" using errcode = 'P0002';
    end if;
    insert into "public"."partner_status" ("id", "partner_id", "tier", "tier_since", "commission_rate", "history", "updated_at")
      values (gen_random_uuid()::text, "target_partner", "new_tier", now(), "rule_rate",
              jsonb_build_array(jsonb_build_object('tier', "new_tier", 'from', "stamp", 'to', null)), now())
      returning * into "status";
    return "status";
  end if;
  if "status"."tier" = "new_tier" and "status"."commission_rate" = "rule_rate" then
    return "status";
  end if;
  if "status"."tier" = "new_tier" then
    -- Same tier, rate out of step with the rule: correct the rate, keep the history.
    update "public"."partner_status" set "commission_rate" = "rule_rate", "updated_at" = now()
      where "id" = "status"."id" returning * into "status";
    return "status";
  end if;

  select coalesce(jsonb_agg(
           case when h."entry" ->> 'to' is null then jsonb_set(h."entry", '{to}', to_jsonb("stamp")) else h."entry" end
           order by h."position"), '[]'::jsonb)
    into "closed"
    from jsonb_array_elements("status"."history") with ordinality as h("entry", "position");
  update "public"."partner_status" set
      "tier" = "new_tier",
      "tier_since" = now(),
      "commission_rate" = "rule_rate",
      "history" = "closed" || jsonb_build_array(jsonb_build_object('tier', "new_tier", 'from', "stamp", 'to', null)),
      "updated_at" = now()
    where "id" = "status"."id"
    returning * into "status";
  return "status";
end
$$;
comment on function "public"."admin_set_partner_tier"(uuid, text) is
  'Admins only: sets a partner''s tier, the commission rate from the published tier rule, and closes/opens tier history periods.';
revoke execute on function "public"."admin_set_partner_tier"(uuid, text) from public, "anon";
grant execute on function "public"."admin_set_partner_tier"(uuid, text) to "authenticated";
