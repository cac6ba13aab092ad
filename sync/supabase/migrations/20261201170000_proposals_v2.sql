-- Proposals v2 (issue 18): every saved proposal version is a `proposal_created` activity and a
-- client's signature a `proposal_signed` one; the PDFs live in the private `proposals` bucket under
-- <partner id>/<proposal id>/<activity id>.pdf. Matches RxDB activities v2.
--   1. Activity columns: proposal_id and discount_percent are the partner's (fixed once inserted);
--      approval_status, decided_at and decision_note are written by the server only.
--   2. proposal_discount_limit(partner): the largest discount the partner's tier allows without
--      SISO's approval (tier rule body.benefits.max_discount_percent, default 0).
--   3. activities_proposal_guard: computes approval_status on insert, keeps the server's columns on
--      update, and refuses a signature for a version whose discount is not allowed yet.
--   4. admin_decide_proposal_discount(activity, approve, note): admins approve or decline a pending
--      discount; the partner gets a notification.
--   5. record_proposal_view(ref, content): SISO's website counts an opened tracked proposal link.
--   6. The `proposals` bucket and its policies.
--
-- Who is trusted: BEFORE triggers run as the caller, so `current_user = 'authenticated'` is a
-- signed-in user on the API (partners and admins alike: approvals go through the RPC only); the
-- seed, the service role and this migration's security definer functions run as other roles.

-- 1. Columns -----------------------------------------------------------------------------------

alter table "public"."activities"
  add column "proposal_id" text check ("proposal_id" is null or char_length("proposal_id") between 1 and 64),
  add column "discount_percent" double precision check ("discount_percent" is null or ("discount_percent" >= 0 and "discount_percent" <= 100)),
  add column "approval_status" text check ("approval_status" is null or "approval_status" in ('not_needed', 'pending', 'approved', 'declined')),
  add column "decided_at" timestamptz,
  add column "decision_note" text;
comment on column "public"."activities"."proposal_id" is
  'Proposals v2: the proposal a proposal_created (a version) or proposal_signed row belongs to; fixed once inserted.';
comment on column "public"."activities"."discount_percent" is
  'Proposals v2: the discount on a proposal version (0..100); fixed once inserted.';
comment on column "public"."activities"."approval_status" is
  'Proposals v2: not_needed | pending | approved | declined, computed by activities_proposal_guard and changed by admin_decide_proposal_discount only.';

create index "activities_proposal_id" on "public"."activities" ("partner_id", "proposal_id") where "proposal_id" is not null;
create index "activities_pending_discounts" on "public"."activities" ("occurred_at") where "approval_status" = 'pending';

alter table "public"."activities" drop constraint "activities_kind_check";
alter table "public"."activities" add constraint "activities_kind_check"
  check ("kind" in ('call', 'email', 'meeting', 'note', 'stage_change', 'proposal_created', 'asset_download', 'asset_customised',
                    'article_feedback', 'proposal_signed'));

-- 2. Discount limit ----------------------------------------------------------------------------

-- Security definer: the trigger needs the partner's tier and the published rule whoever calls it;
-- it answers one number about the partner's own tier, which the app shows them anyway.
create or replace function "public"."proposal_discount_limit"("partner_id" uuid) returns double precision
language sql stable
security definer
set search_path = ''
as $$
  select coalesce((
    select (c."body" -> 'benefits' ->> 'max_discount_percent')::double precision
    from "public"."catalog" c
    where c."kind" = 'tier_rule' and c."published" and not c."_deleted"
      and c."body" ->> 'tier' = coalesce((
        select ps."tier" from "public"."partner_status" ps
        where ps."partner_id" = "proposal_discount_limit"."partner_id" and not ps."_deleted"), 'starter')
      and jsonb_typeof(c."body" -> 'benefits' -> 'max_discount_percent') = 'number'
    order by c."sort_order", c."id"
    limit 1), 0)
$$;
revoke all on function "public"."proposal_discount_limit"(uuid) from public, "anon";
grant execute on function "public"."proposal_discount_limit"(uuid) to "authenticated";

-- 3. Guard -------------------------------------------------------------------------------------

create or replace function "public"."activities_proposal_guard"() returns trigger
language plpgsql
set search_path = ''
as $$
declare
  v_version_id text;
  v_covering "public"."activities";
begin
  if current_user <> 'authenticated' then
    return new;
  end if;

  if tg_op = 'UPDATE' then
    new."kind" := old."kind";
    new."proposal_id" := old."proposal_id";
    new."discount_percent" := old."discount_percent";
    new."approval_status" := old."approval_status";
    new."decided_at" := old."decided_at";
    new."decision_note" := old."decision_note";
    return new;
  end if;

  new."decided_at" := null;
  new."decision_note" := null;
  if new."kind" <> 'proposal_created' then
    new."discount_percent" := null;
    new."approval_status" := null;
  end if;

  if new."kind" = 'proposal_created' then
    new."discount_percent" := coalesce(new."discount_percent", 0);
    if new."discount_percent" <= "public"."proposal_discount_limit"(new."partner_id") then
      new."approval_status" := 'not_needed';
      return new;
    end if;
    -- An approval covers later versions of the same proposal up to the approved discount.
    select * into v_covering from "public"."activities" a
      where new."proposal_id" is not null and a."partner_id" = new."partner_id" and a."proposal_id" = new."proposal_id"
        and a."kind" = 'proposal_created' and a."approval_status" = 'approved' and not a."_deleted"
        and a."discount_percent" >= new."discount_percent"
      order by a."decided_at" desc nulls last, a."id"
      limit 1;
    if found then
      new."approval_status" := 'approved';
      new."decided_at" := v_covering."decided_at";
      new."decision_note" := v_covering."decision_note";
    else
      new."approval_status" := 'pending';
    end if;
    return new;
  end if;

  if new."kind" = 'proposal_signed' then
    begin
      v_version_id := nullif(new."meta"::jsonb ->> 'version_id', '');
    exception when others then
      v_version_id := null;
    end;
    if new."proposal_id" is null or v_version_id is null then
      raise exception 'A signature must name the proposal and the version that was signed. Update the app and sign again.' using errcode = '23514';
    end if;
    if not exists (
      select 1 from "public"."activities" a
      where a."id" = v_version_id and a."partner_id" = new."partner_id" and a."proposal_id" = new."proposal_id"
        and a."kind" = 'proposal_created' and not a."_deleted"
    ) then
      raise exception 'The signed proposal version is not on SISO''s server yet. Sync, then sign again.' using errcode = '23503';
    end if;
    if not exists (
      select 1 from "public"."activities" a
      where a."id" = v_version_id and a."approval_status" in ('not_needed', 'approved')
    ) then
      raise exception 'This proposal version has a discount waiting for SISO''s approval, so it cannot be signed yet.' using errcode = '42501';
    end if;
  end if;
  return new;
end
$$;
create trigger "activities_proposal_guard" before insert or update on "public"."activities"
  for each row execute function "public"."activities_proposal_guard"();

-- 4. Admin decision ----------------------------------------------------------------------------

create or replace function "public"."admin_decide_proposal_discount"("p_activity_id" text, "p_approve" boolean, "p_note" text)
returns "public"."activities"
language plpgsql
security definer
set search_path = ''
as $$
declare
  v_version "public"."activities";
  v_note text := nullif(trim(coalesce("p_note", '')), '');
  v_company text;
begin
  if not "public"."is_admin"() then
    raise exception 'Only SISO admins decide proposal discounts.' using errcode = '42501';
  end if;
  select * into v_version from "public"."activities" a
    where a."id" = "p_activity_id" and a."kind" = 'proposal_created' and not a."_deleted" for update;
  if not found then
    raise exception 'This proposal version no longer exists. Reload the discount approvals.' using errcode = 'P0002';
  end if;
  if v_version."approval_status" is distinct from 'pending' then
    raise exception 'This discount is not waiting for a decision (it is %). Reload the discount approvals.',
      replace(coalesce(v_version."approval_status", 'not requested'), '_', ' ') using errcode = '23514';
  end if;
  if not "p_approve" and v_note is null then
    raise exception 'Give the partner a reason for declining the discount.' using errcode = '23514';
  end if;
  update "public"."activities" a set
    "approval_status" = case when "p_approve" then 'approved' else 'declined' end,
    "decided_at" = now(),
    "decision_note" = v_note,
    "updated_at" = now()
    where a."id" = v_version."id"
    returning * into v_version;
  select l."company" into v_company from "public"."leads" l where l."id" = v_version."lead_id";
  v_company := coalesce(nullif(trim(v_company), ''), 'your client');
  insert into "public"."notifications" ("id", "partner_id", "title", "body", "link", "kind", "created_at", "updated_at")
    values ('proposal-discount-' || md5(v_version."id" || ':' || v_version."decided_at"::text), v_version."partner_id",
      case when "p_approve"
        then format('Discount approved for %s', v_company)
        else format('Discount declined for %s', v_company) end,
      case when "p_approve"
        then coalesce(v_note, format('SISO approved the %s%% discount. The proposal can now be signed.', trim_scale(v_version."discount_percent"::numeric)))
        else v_note end,
      '/proposals', 'proposal_discount', now(), now())
    on conflict ("id") do nothing;
  return v_version;
end
$$;
revoke all on function "public"."admin_decide_proposal_discount"(text, boolean, text) from public, "anon";
grant execute on function "public"."admin_decide_proposal_discount"(text, boolean, text) to "authenticated";

-- 5. Tracked views -----------------------------------------------------------------------------

-- Called by SISO's website, signed in or not, when someone opens a proposal's tracked link
-- (?ref=<partner id>&utm_content=<content>). Counts on the link's day row (UTC); unknown links
-- are ignored without saying so, so the function tells a caller nothing about partners.
create or replace function "public"."record_proposal_view"("p_ref" text, "p_content" text) returns void
language plpgsql
security definer
set search_path = ''
as $$
declare
  v_link "public"."referral_links";
begin
  if "p_ref" is null or "p_content" is null then
    return;
  end if;
  select * into v_link from "public"."referral_links" r
    where r."partner_id"::text = lower(trim("p_ref")) and r."utm_content" = trim("p_content") and not r."_deleted"
    order by r."created_at", r."id"
    limit 1;
  if not found then
    return;
  end if;
  insert into "public"."link_clicks" ("id", "partner_id", "referral_link_id", "day", "clicks", "updated_at")
    values (gen_random_uuid()::text, v_link."partner_id", v_link."id", (now() at time zone 'UTC')::date, 1, now())
    on conflict ("referral_link_id", "day") do update set
      "clicks" = "public"."link_clicks"."clicks" + 1,
      "updated_at" = now();
end
$$;
revoke all on function "public"."record_proposal_view"(text, text) from public;
grant execute on function "public"."record_proposal_view"(text, text) to "anon", "authenticated";

-- 6. Proposal files ----------------------------------------------------------------------------

insert into "storage"."buckets" ("id", "name", "public", "file_size_limit", "allowed_mime_types") values
  ('proposals', 'proposals', false, 20971520, array['application/pdf'])
on conflict ("id") do update set
  "public" = excluded."public",
  "file_size_limit" = excluded."file_size_limit",
  "allowed_mime_types" = excluded."allowed_mime_types";

create policy "partners read their own proposal files" on "storage"."objects"
  for select to "authenticated"
  using ("bucket_id" = 'proposals' and (("storage"."foldername"("name"))[1] = "auth"."uid"()::text or "public"."is_admin"()));
create policy "partners store proposal files in their own folder" on "storage"."objects"
  for insert to "authenticated"
  with check ("bucket_id" = 'proposals' and ("storage"."foldername"("name"))[1] = "auth"."uid"()::text);
-- No update or delete: a stored version (above all a signed one) is final; a change is a new version.
