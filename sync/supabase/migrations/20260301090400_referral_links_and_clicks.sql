create table "public"."referral_links" (
  "id" text primary key,
  "partner_id" uuid not null default "auth"."uid"() references "auth"."users" ("id") on delete cascade,
  "name" text not null,
  "destination" text not null,
  "utm_source" text,
  "utm_medium" text,
  "utm_campaign" text,
  "utm_term" text,
  "utm_content" text,
  "created_at" timestamptz not null default now(),
  "updated_at" timestamptz,
  "_modified" bigint not null,
  "_deleted" boolean not null default false
);
comment on table "public"."referral_links" is
  'A partner''s tracked links to SISO pages with UTM parameters. Two-way synced.';

create trigger "sync_stamp_modified" before insert or update on "public"."referral_links"
  for each row execute function "public"."sync_stamp_modified"();
create index "referral_links_pull_order" on "public"."referral_links" ("_modified", "id");
create index "referral_links_partner_id" on "public"."referral_links" ("partner_id");

alter table "public"."referral_links" enable row level security;
create policy "partners read their own links" on "public"."referral_links"
  for select to "authenticated" using ("partner_id" = "auth"."uid"());
create policy "partners create links for themselves" on "public"."referral_links"
  for insert to "authenticated" with check ("partner_id" = "auth"."uid"());
create policy "partners update their own links" on "public"."referral_links"
  for update to "authenticated" using ("partner_id" = "auth"."uid"()) with check ("partner_id" = "auth"."uid"());
create policy "admins read every link" on "public"."referral_links"
  for select to "authenticated" using ("public"."is_admin"());

create table "public"."link_clicks" (
  "id" text primary key,
  "partner_id" uuid not null references "auth"."users" ("id") on delete cascade,
  "referral_link_id" text not null,
  "day" date not null,
  "clicks" integer not null default 0 check ("clicks" >= 0),
  "conversions" integer not null default 0 check ("conversions" >= 0),
  "created_at" timestamptz not null default now(),
  "updated_at" timestamptz,
  "_modified" bigint not null,
  "_deleted" boolean not null default false,
  unique ("referral_link_id", "day")
);
comment on table "public"."link_clicks" is
  'Daily clicks and conversions per referral link, recorded by the backend (service role). Pull-only for partners.';

create trigger "sync_stamp_modified" before insert or update on "public"."link_clicks"
  for each row execute function "public"."sync_stamp_modified"();
create index "link_clicks_pull_order" on "public"."link_clicks" ("_modified", "id");
create index "link_clicks_partner_id" on "public"."link_clicks" ("partner_id");

alter table "public"."link_clicks" enable row level security;
create policy "partners read their own link clicks" on "public"."link_clicks"
  for select to "authenticated" using ("partner_id" = "auth"."uid"());
create policy "admins read every link click" on "public"."link_clicks"
  for select to "authenticated" using ("public"."is_admin"());
create policy "admins record link clicks" on "public"."link_clicks"
  for insert to "authenticated" with check ("public"."is_admin"());
create policy "admins correct link clicks" on "public"."link_clicks"
  for update to "authenticated" using ("public"."is_admin"()) with check ("public"."is_admin"());
