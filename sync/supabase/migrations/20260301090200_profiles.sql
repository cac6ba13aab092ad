create table "public"."profiles" (
  "id" text primary key,
  "partner_id" uuid not null unique default "auth"."uid"() references "auth"."users" ("id") on delete cascade,
  "display_name" text not null default '',
  "company" text,
  "email" text,
  "phone" text,
  "website" text,
  "tagline" text,
  "brand_primary" text,
  "brand_secondary" text,
  "logo_path" text,
  "payout_method" text,
  "payout_details" text,
  "onboarding_step" integer not null default 0,
  "leaderboard_opt_in" boolean not null default false,
  "timezone" text,
  "currency" text not null default 'GBP',
  "created_at" timestamptz not null default now(),
  "updated_at" timestamptz,
  "_modified" bigint not null,
  "_deleted" boolean not null default false,
  constraint "profiles_id_is_partner" check ("id" = "partner_id"::text),
  constraint "profiles_brand_colours_hex" check (
    ("brand_primary" is null or "brand_primary" ~ '^#[0-9a-fA-F]{6}$')
    and ("brand_secondary" is null or "brand_secondary" ~ '^#[0-9a-fA-F]{6}$')
  )
);
comment on table "public"."profiles" is
  'One per partner (id = the user id as text): contact details, branding for proposals, payout details. Two-way synced.';

create trigger "sync_stamp_modified" before insert or update on "public"."profiles"
  for each row execute function "public"."sync_stamp_modified"();
create index "profiles_pull_order" on "public"."profiles" ("_modified", "id");

alter table "public"."profiles" enable row level security;
create policy "partners read their own profile" on "public"."profiles"
  for select to "authenticated" using ("partner_id" = "auth"."uid"());
create policy "partners create their own profile" on "public"."profiles"
  for insert to "authenticated" with check ("partner_id" = "auth"."uid"());
create policy "partners update their own profile" on "public"."profiles"
  for update to "authenticated" using ("partner_id" = "auth"."uid"()) with check ("partner_id" = "auth"."uid"());
create policy "admins read every profile" on "public"."profiles"
  for select to "authenticated" using ("public"."is_admin"());
