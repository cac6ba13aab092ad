create table "public"."partner_status" (
  "id" text primary key,
  "partner_id" uuid not null unique references "auth"."users" ("id") on delete cascade,
  "tier" text not null default 'starter' check ("tier" in ('starter', 'active', 'performer', 'elite')),
  "tier_since" timestamptz not null default now(),
  "commission_rate" double precision not null check ("commission_rate" >= 0 and "commission_rate" <= 100),
  "satisfaction_rating" double precision check ("satisfaction_rating" between 0 and 5),
  "support_calls_attended" integer not null default 0,
  "history" jsonb not null default '[]'::jsonb,
  "metrics" jsonb not null default '{}'::jsonb,
  "created_at" timestamptz not null default now(),
  "updated_at" timestamptz,
  "_modified" bigint not null,
  "_deleted" boolean not null default false
);
comment on table "public"."partner_status" is
  'A partner''s tier, commission rate and tier history; written by admins only. Pull-only for partners.';
comment on column "public"."partner_status"."commission_rate" is 'Percent, e.g. 22 for 22%.';
comment on column "public"."partner_status"."history" is '[{ "tier": "starter", "from": ISO, "to": ISO | null }]';

create trigger "sync_stamp_modified" before insert or update on "public"."partner_status"
  for each row execute function "public"."sync_stamp_modified"();
create index "partner_status_pull_order" on "public"."partner_status" ("_modified", "id");

alter table "public"."partner_status" enable row level security;
create policy "partners read their own status" on "public"."partner_status"
  for select to "authenticated" using ("partner_id" = "auth"."uid"());
create policy "admins read every status" on "public"."partner_status"
  for select to "authenticated" using ("public"."is_admin"());
create policy "admins set partner status" on "public"."partner_status"
  for insert to "authenticated" with check ("public"."is_admin"());
create policy "admins change partner status" on "public"."partner_status"
  for update to "authenticated" using ("public"."is_admin"()) with check ("public"."is_admin"());
