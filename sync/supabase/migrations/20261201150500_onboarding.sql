-- Onboarding (issue 16): when a newer partner agreement is published, every partner is told to
-- review and accept it (a notification linking to /onboarding, where the app shows what changed).
-- Acceptance itself stays with accept_agreement (migration notification_center).

create or replace function "public"."notify_agreement_published"() returns trigger
language plpgsql
security definer
set search_path = ''
as $$
declare
  v_version integer;
  v_previous integer;
  v_changes text;
begin
  if new."kind" <> 'agreement' or not new."published" or new."_deleted" then
    return new;
  end if;
  -- Only the moment a version becomes visible: an edit of an already published row is not news.
  if tg_op = 'UPDATE' and old."published" and not old."_deleted" then
    return new;
  end if;
  v_version := (new."body" ->> 'version')::integer;
  select max((c."body" ->> 'version')::integer) into v_previous from "public"."catalog" c
    where c."kind" = 'agreement' and c."published" and not c."_deleted" and c."id" <> new."id";
  if v_previous is not null and v_version <= v_previous then
    return new;
  end if;
  v_changes := nullif(trim(coalesce(new."body" ->> 'changes', '')), '');
  insert into "public"."notifications" ("id", "partner_id", "title", "body", "link", "kind", "updated_at")
    select 'agreement-' || md5(new."id" || ':' || s."partner_id"::text), s."partner_id",
      format('SISO updated the partner agreement (version %s)', v_version),
      case when v_changes is null then 'Review and accept the new version to keep referring.'
           else format('What changed: %s Review and accept it.', left(v_changes, 300)) end,
      '/onboarding', 'agreement_update', now()
    from "public"."partner_status" s
    where not s."_deleted"
  on conflict ("id") do nothing;
  return new;
end
$$;
comment on function "public"."notify_agreement_published"() is
  'Tells every partner (agreement_update, link /onboarding) when a newer partner agreement version is published.';
create trigger "notify_agreement_published" after insert or update on "public"."catalog"
  for each row execute function "public"."notify_agreement_published"();
