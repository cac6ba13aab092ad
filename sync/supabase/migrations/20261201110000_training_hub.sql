-- Training hub (issue 14): modules, assessments, webinars and coaching slots become catalog kinds;
-- training_progress gains a kind (module progress, assessment attempts, server-issued certificates,
-- webinar registrations, coaching bookings). Answer keys live in the server-only assessment_keys
-- table and attempts are graded by a trigger. Matches RxDB catalog v2 and training_progress v1.

alter table "public"."catalog" drop constraint "catalog_kind_check";
alter table "public"."catalog" add constraint "catalog_kind_check"
  check ("kind" in ('asset', 'template', 'course', 'article', 'tier_rule', 'announcement', 'brand_guideline', 'promotion',
                    'module', 'assessment', 'webinar', 'coaching_slot'));

-- Course rows stay visible to every partner so locked courses can show what unlocks them; the
-- content itself (modules, assessments) only reaches partners whose tier is high enough.
drop policy "partners read published entries" on "public"."catalog";
create policy "partners read published entries" on "public"."catalog"
  for select to "authenticated" using (
    "published" and (
      "kind" not in ('module', 'assessment')
      or "public"."tier_rank"("tier_required") <= "public"."tier_rank"(coalesce("public"."current_partner_tier"(), 'starter'))
    )
  );

alter table "public"."training_progress"
  add column "kind" text not null default 'module'
    check ("kind" in ('module', 'attempt', 'certificate', 'registration', 'booking')),
  add column "module_id" text,
  add column "position_seconds" double precision check ("position_seconds" is null or "position_seconds" >= 0),
  -- JSON text, not jsonb: two-way rows hold scalars (the push compares each with eq/is).
  add column "answers" text check ("answers" is null or jsonb_typeof("answers"::jsonb) = 'object'),
  add column "status" text check ("status" is null or "status" in ('submitted', 'passed', 'failed')),
  add column "track" text,
  add column "verification_code" text unique,
  add column "issued_at" timestamptz,
  add column "expires_at" timestamptz,
  add column "ref_id" text;
alter table "public"."training_progress" alter column "module_index" set default 0;

comment on table "public"."training_progress" is
  'A partner''s training record, by kind: module (progress in a course module; course_id, module_id, module_index, position_seconds, completed_at), attempt (assessment answers; graded by the server into status and score), certificate (server-issued on a passed attempt), registration (webinar, ref_id) and booking (coaching slot, ref_id; course_id repeats ref_id). Two-way synced.';

create index "training_progress_partner_kind" on "public"."training_progress" ("partner_id", "kind", "course_id");

-- Answer keys: no policies and no grants, so only the service role and security-definer functions read them.
create table "public"."assessment_keys" (
  "assessment_id" text not null,
  "question_id" text not null,
  "correct_option_ids" text[] not null check (cardinality("correct_option_ids") > 0),
  primary key ("assessment_id", "question_id")
);
comment on table "public"."assessment_keys" is
  'Correct options per assessment question (assessment_id = a catalog row of kind assessment). Server-only: grade_training_attempt reads it; partners and admins on the API see nothing.';
alter table "public"."assessment_keys" enable row level security;
revoke all on "public"."assessment_keys" from "anon", "authenticated";

-- Grading reads the server-only keys, so it runs as the owner; it returns the fraction right.
create or replace function "public"."grade_training_attempt"("assessment_id" text, "answers" text) returns double precision
language plpgsql
security definer
set search_path = ''
as $$
declare
  v_total integer;
  v_correct integer;
begin
  if pg_trigger_depth() = 0 then
    raise exception 'Assessments are graded when an attempt is submitted.' using errcode = '42501';
  end if;
  select count(*), count(*) filter (
      where (select coalesce(array_agg(x order by x), '{}') from jsonb_array_elements_text(coalesce("answers"::jsonb -> k."question_id", '[]'::jsonb)) x)
            = (select array_agg(y order by y) from unnest(k."correct_option_ids") y))
    into v_total, v_correct
    from "public"."assessment_keys" k where k."assessment_id" = "grade_training_attempt"."assessment_id";
  if v_total = 0 then
    raise exception 'This assessment cannot be graded yet. Contact SISO support.' using errcode = '23514';
  end if;
  return v_correct::double precision / v_total;
end
$$;
-- Partners' inserts run the trigger as "authenticated", so they need execute; the trigger-depth
-- guard keeps the function from being called as an RPC to probe the keys.
revoke all on function "public"."grade_training_attempt"(text, text) from public, "anon";
grant execute on function "public"."grade_training_attempt"(text, text) to "authenticated", "service_role";

-- A certificate is written by the owner: partners may not insert certificates themselves.
create or replace function "public"."issue_training_certificate"("attempt" "public"."training_progress", "course_id" text, "track" text)
returns void
language plpgsql
security definer
set search_path = ''
as $$
begin
  if pg_trigger_depth() = 0 then
    raise exception 'Certificates are issued when an assessment is passed.' using errcode = '42501';
  end if;
  insert into "public"."training_progress"
    ("id", "partner_id", "kind", "course_id", "module_index", "ref_id", "score", "status", "track",
     "verification_code", "issued_at", "expires_at", "completed_at")
  values
    ('cert-' || "attempt"."id", "attempt"."partner_id", 'certificate', "issue_training_certificate"."course_id", 0, "attempt"."id",
     "attempt"."score", 'passed', "issue_training_certificate"."track",
     upper(substr(md5(gen_random_uuid()::text), 1, 12)), now(), now() + interval '1 year', now())
  on conflict ("id") do nothing;
end
$$;
revoke all on function "public"."issue_training_certificate"("public"."training_progress", text, text) from public, "anon";
grant execute on function "public"."issue_training_certificate"("public"."training_progress", text, text) to "authenticated", "service_role";

-- Partners write their own learning; SISO writes the verdicts. Inserts by a partner are limited to
-- module/attempt/registration/booking rows (policy below); attempts are graded here, before the
-- row is stored, and a pass issues the certificate. Runs as the caller so current_user tells who.
create or replace function "public"."training_progress_check_insert"() returns trigger
language plpgsql
set search_path = ''
as $$
declare
  v_assessment "public"."catalog"%rowtype;
  v_course "public"."catalog"%rowtype;
  v_last_failed timestamptz;
  v_retake_at timestamptz;
  v_pass_mark double precision;
begin
  if current_user = 'authenticated' and not "public"."is_admin"() then
    if new."kind" = 'certificate' then
      raise exception 'Certificates are issued by SISO when you pass an assessment; they cannot be created by hand.' using errcode = '42501';
    end if;
    if new."kind" = 'attempt' and new."status" is distinct from 'submitted' then
      raise exception 'Submit an assessment with the status submitted; SISO grades it.' using errcode = '42501';
    end if;
    new."score" := null;
    new."verification_code" := null;
    new."issued_at" := null;
    new."expires_at" := null;
  end if;
  if new."kind" <> 'attempt' or new."status" is distinct from 'submitted' then
    return new;
  end if;

  -- course_id of an attempt is the assessment's catalog id; a partner sees it only when unlocked.
  select * into v_assessment from "public"."catalog" c where c."id" = new."course_id" and c."kind" = 'assessment' and not c."_deleted";
  if not found then
    raise exception 'That assessment is not available to you. Sync the workstation and open it again.' using errcode = '23503';
  end if;

  select max(tp."completed_at") into v_last_failed from "public"."training_progress" tp
    where tp."partner_id" = new."partner_id" and tp."kind" = 'attempt' and tp."course_id" = new."course_id"
      and tp."status" = 'failed' and not tp."_deleted";
  v_retake_at := v_last_failed + make_interval(secs => coalesce((v_assessment."body" ->> 'cooldown_hours')::double precision, 0) * 3600);
  if v_retake_at > now() then
    raise exception 'You can retake this assessment after %. Review the course modules in the meantime.',
      to_char(v_retake_at at time zone 'UTC'::text, 'YYYY-MM-DD HH24:MI "UTC"')
      using errcode = '23514';
  end if;

  v_pass_mark := coalesce((v_assessment."body" ->> 'pass_mark')::double precision, 0.8);
  new."score" := "public"."grade_training_attempt"(new."course_id", new."answers");
  new."status" := case when new."score" >= v_pass_mark then 'passed' else 'failed' end;
  new."completed_at" := now();

  if new."status" = 'passed' then
    select * into v_course from "public"."catalog" c where c."id" = (v_assessment."body" ->> 'course_id');
    perform "public"."issue_training_certificate"(new, coalesce(v_course."id", new."course_id"),
      coalesce(v_course."body" ->> 'track', v_course."title", v_assessment."title"));
  end if;
  return new;
end
$$;

create trigger "training_progress_check_insert" before insert on "public"."training_progress"
  for each row execute function "public"."training_progress_check_insert"();

-- Partners may move their own module progress (position, completion) and withdraw their own
-- registrations and bookings; nothing else about a stored row is theirs to change.
create or replace function "public"."training_progress_guard_changes"() returns trigger
language plpgsql
set search_path = ''
as $$
begin
  if current_user = 'authenticated' and not "public"."is_admin"() then
    if old."kind" = 'module' then
      if (to_jsonb(new) - 'position_seconds' - 'completed_at' - 'updated_at' - '_modified')
         is distinct from (to_jsonb(old) - 'position_seconds' - 'completed_at' - 'updated_at' - '_modified') then
        raise exception 'Only your place in a module and its completion can change once it is recorded.' using errcode = '42501';
      end if;
    elsif old."kind" in ('registration', 'booking') then
      if (to_jsonb(new) - '_deleted' - 'updated_at' - '_modified') is distinct from (to_jsonb(old) - '_deleted' - 'updated_at' - '_modified')
         or (old."_deleted" and not new."_deleted") then
        raise exception 'A registration or booking can only be cancelled. Cancel it and register again to change it.' using errcode = '42501';
      end if;
    elsif (to_jsonb(new) - 'updated_at' - '_modified') is distinct from (to_jsonb(old) - 'updated_at' - '_modified') then
      raise exception 'Assessment results and certificates are recorded by SISO and cannot be changed.' using errcode = '42501';
    end if;
  end if;
  return new;
end
$$;

create trigger "training_progress_guard_changes" before update on "public"."training_progress"
  for each row execute function "public"."training_progress_guard_changes"();

drop policy "partners record their own progress" on "public"."training_progress";
create policy "partners record their own progress" on "public"."training_progress"
  for insert to "authenticated" with check (
    "partner_id" = "auth"."uid"() and "kind" in ('module', 'attempt', 'registration', 'booking')
  );
-- An attempt must arrive as submitted; training_progress_check_insert enforces that before it
-- grades, since by the time this check runs the status is already the verdict.
drop policy "partners update their own progress" on "public"."training_progress";
create policy "partners update their own progress" on "public"."training_progress"
  for update to "authenticated"
  using ("partner_id" = "auth"."uid"() and "kind" in ('module', 'registration', 'booking'))
  with check ("partner_id" = "auth"."uid"());
