create table "public"."leads" (
  "id" text primary key,
  "partner_id" uuid not null default "auth"."uid"() references "auth"."users" ("id") on delete cascade,
  "company" text not null,
  "contact_name" text,
  "email" text,
  "phone" text,
  "source" text not null default 'other'
    check ("source" in ('referral_link', 'website', 'event', 'cold_outreach', 'partner_network', 'other')),
  "stage" text not null default 'new'
    check ("stage" in ('new', 'contacted', 'qualified', 'proposal', 'won', 'lost')),
  "lost_reason" text,
  "estimated_value" double precision,
  "currency" text check ("currency" is null or "currency" ~ '^[A-Z]{3}$'),
  "referral_link_id" text,
  "notes" text,
  "next_action" text,
  "next_action_at" timestamptz,
  "stage_changed_at" timestamptz,
  "created_at" timestamptz not null default now(),
  "updated_at" timestamptz,
  "_modified" bigint not null,
  "_deleted" boolean not null default false
);
comment on table "public"."leads" is
  'Companies a partner has referred, moving through the pipeline stages. Two-way synced.';

create trigger "sync_stamp_modified" before insert or update on "public"."leads"
  for each row execute function "public"."sync_stamp_modified"();
create index "leads_pull_order" on "public"."leads" ("_modified", "id");
create index "leads_partner_id" on "public"."leads" ("partner_id");

alter table "public"."leads" enable row level security;
create policy "partners read their own leads" on "public"."leads"
  for select to "authenticated" using ("partner_id" = "auth"."uid"());
create policy "partners add leads for themselves" on "public"."leads"
  for insert to "authenticated" with check ("partner_id" = "auth"."uid"());
create policy "partners update their own leads" on "public"."leads"
  for update to "authenticated" using ("partner_id" = "auth"."uid"()) with check ("partner_id" = "auth"."uid"());
create policy "admins read every lead" on "public"."leads"
  for select to "authenticated" using ("public"."is_admin"());

create table "public"."activities" (
  "id" text primary key,
  "partner_id" uuid not null default "auth"."uid"() references "auth"."users" ("id") on delete cascade,
  "lead_id" text,
  "kind" text not null check ("kind" in (
    'call', 'email', 'meeting', 'note', 'stage_change', 'proposal_created', 'asset_download', 'asset_customised'
  )),
  "body" text,
  "occurred_at" timestamptz not null default now(),
  "meta" text,
  "created_at" timestamptz not null default now(),
  "updated_at" timestamptz,
  "_modified" bigint not null,
  "_deleted" boolean not null default false
);
comment on table "public"."activities" is
  'A lead''s timeline (calls, emails, stage changes, proposals) and the partner''s usage events; meta is JSON text. Two-way synced.';

create trigger "sync_stamp_modified" before insert or update on "public"."activities"
  for each row execute function "public"."sync_stamp_modified"();
create index "activities_pull_order" on "public"."activities" ("_modified", "id");
create index "activities_partner_id" on "public"."activities" ("partner_id");
create index "activities_lead_id" on "public"."activities" ("lead_id");

alter table "public"."activities" enable row level security;
create policy "partners read their own activities" on "public"."activities"
  for select to "authenticated" using ("partner_id" = "auth"."uid"());
create policy "partners record activities for themselves" on "public"."activities"
  for insert to "authenticated" with check ("partner_id" = "auth"."uid"());
create policy "partners update their own activities" on "public"."activities"
  for update to "authenticated" using ("partner_id" = "auth"."uid"()) with check ("partner_id" = "auth"."uid"());
create policy "admins read every activity" on "public"."activities"
  for select to "authenticated" using ("public"."is_admin"());
