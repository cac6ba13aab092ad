create table "public"."notifications" (
  "id" text primary key,
  "partner_id" uuid not null references "auth"."users" ("id") on delete cascade,
  "title" text not null,
  "body" text,
  "link" text,
  "kind" text not null default 'info',
  "read_at" timestamptz,
  "created_at" timestamptz not null default now(),
  "updated_at" timestamptz,
  "_modified" bigint not null,
  "_deleted" boolean not null default false
);
comment on table "public"."notifications" is
  'Messages to a partner (tier changes, payouts, ticket replies). Written by admins and the backend; the partner may only mark them read (read_at).';

create trigger "sync_stamp_modified" before insert or update on "public"."notifications"
  for each row execute function "public"."sync_stamp_modified"();
create index "notifications_pull_order" on "public"."notifications" ("_modified", "id");
create index "notifications_partner_id" on "public"."notifications" ("partner_id");

-- RLS decides which rows a partner may update; this decides which columns. (A column grant can't
-- do it: admins share the authenticated role and must edit every column.) updated_at may move
-- with read_at because the client stamps it on every local write; _modified is the server's.
create or replace function "public"."notifications_partner_changes_read_at_only"() returns trigger
language plpgsql
set search_path = ''
as $$
begin
  if current_user = 'authenticated' and not "public"."is_admin"()
     and (to_jsonb(new) - 'read_at' - 'updated_at' - '_modified')
         is distinct from (to_jsonb(old) - 'read_at' - 'updated_at' - '_modified') then
    raise exception 'A partner can only mark a notification as read.'
      using errcode = '42501';
  end if;
  return new;
end
$$;

create trigger "partner_changes_read_at_only" before update on "public"."notifications"
  for each row execute function "public"."notifications_partner_changes_read_at_only"();

alter table "public"."notifications" enable row level security;
create policy "partners read their own notifications" on "public"."notifications"
  for select to "authenticated" using ("partner_id" = "auth"."uid"());
create policy "partners mark their own notifications read" on "public"."notifications"
  for update to "authenticated" using ("partner_id" = "auth"."uid"()) with check ("partner_id" = "auth"."uid"());
create policy "admins read every notification" on "public"."notifications"
  for select to "authenticated" using ("public"."is_admin"());
create policy "admins send notifications" on "public"."notifications"
  for insert to "authenticated" with check ("public"."is_admin"());
create policy "admins edit notifications" on "public"."notifications"
  for update to "authenticated" using ("public"."is_admin"()) with check ("public"."is_admin"());
