create table "public"."training_progress" (
  "id" text primary key,
  "partner_id" uuid not null default "auth"."uid"() references "auth"."users" ("id") on delete cascade,
  "course_id" text not null,
  "module_index" integer not null check ("module_index" >= 0),
  "completed_at" timestamptz,
  "score" double precision,
  "created_at" timestamptz not null default now(),
  "updated_at" timestamptz,
  "_modified" bigint not null,
  "_deleted" boolean not null default false
);
comment on table "public"."training_progress" is
  'Training modules a partner has completed (course_id = a catalog course id). Two-way synced.';

create trigger "sync_stamp_modified" before insert or update on "public"."training_progress"
  for each row execute function "public"."sync_stamp_modified"();
create index "training_progress_pull_order" on "public"."training_progress" ("_modified", "id");
create index "training_progress_partner_id" on "public"."training_progress" ("partner_id");

alter table "public"."training_progress" enable row level security;
create policy "partners read their own progress" on "public"."training_progress"
  for select to "authenticated" using ("partner_id" = "auth"."uid"());
create policy "partners record their own progress" on "public"."training_progress"
  for insert to "authenticated" with check ("partner_id" = "auth"."uid"());
create policy "partners update their own progress" on "public"."training_progress"
  for update to "authenticated" using ("partner_id" = "auth"."uid"()) with check ("partner_id" = "auth"."uid"());
create policy "admins read every progress record" on "public"."training_progress"
  for select to "authenticated" using ("public"."is_admin"());
