create table "public"."catalog" (
  "id" text primary key,
  "kind" text not null check ("kind" in (
    'asset', 'template', 'course', 'article', 'tier_rule', 'announcement', 'brand_guideline'
  )),
  "title" text not null,
  "slug" text not null unique,
  "body" jsonb not null default '{}'::jsonb,
  "tier_required" text not null default 'starter'
    check ("tier_required" in ('starter', 'active', 'performer', 'elite')),
  "category" text,
  "tags" text[] not null default '{}',
  "file_path" text,
  "file_sha256" text,
  "file_size" bigint,
  "mime_type" text,
  "version" integer not null default 1,
  "published" boolean not null default false,
  "sort_order" integer not null default 0,
  "created_at" timestamptz not null default now(),
  "updated_at" timestamptz,
  "_modified" bigint not null,
  "_deleted" boolean not null default false
);
comment on table "public"."catalog" is
  'Admin-authored content: marketing assets, proposal templates, courses, articles, tier rules, announcements, brand guidelines. Every partner sees published rows (locked ones too, to show what unlocks them); files in the assets bucket are gated by tier_required. Pull-only for partners.';

create trigger "sync_stamp_modified" before insert or update on "public"."catalog"
  for each row execute function "public"."sync_stamp_modified"();
create index "catalog_pull_order" on "public"."catalog" ("_modified", "id");
create index "catalog_file_path" on "public"."catalog" ("file_path") where "file_path" is not null;

alter table "public"."catalog" enable row level security;
create policy "partners read published entries" on "public"."catalog"
  for select to "authenticated" using ("published");
create policy "admins read every entry" on "public"."catalog"
  for select to "authenticated" using ("public"."is_admin"());
create policy "admins publish entries" on "public"."catalog"
  for insert to "authenticated" with check ("public"."is_admin"());
create policy "admins edit entries" on "public"."catalog"
  for update to "authenticated" using ("public"."is_admin"()) with check ("public"."is_admin"());
