-- Training authoring (issue 14, admin side): admins write courses, modules and assessments as
-- catalog rows under the existing "admins publish entries" / "admins edit entries" policies (no
-- new catalog policy is needed); this migration adds what those policies cannot do:
--   1. admin_set_assessment_keys: the only way to write answer keys, which stay server-only;
--   2. asset_is_unlocked also opens a video lesson's file to the partners who may open its module;
--   3. admin_training_report attributes each completion and attempt to the tier held at the time.

-- 1. Answer keys. assessment_keys has no grants, so admins write it through this definer
--    function, which checks the key against the questions partners actually see: every question of
--    the assessment gets at least one correct option, every option named is one of its question's,
--    and a single-choice question has exactly one. The keys of that assessment are replaced whole.
create or replace function "public"."admin_set_assessment_keys"("assessment_id" text, "keys" jsonb)
returns integer
language plpgsql
security definer
set search_path = ''
as $$
declare
  v_body jsonb;
  v_title text;
  v_question jsonb;
  v_question_id text;
  v_prompt text;
  v_chosen jsonb;
  v_option_ids text[];
  v_correct text[];
  v_unknown text;
  v_count integer := 0;
begin
  if not "public"."is_admin"() then
    raise exception 'Only SISO admins can set assessment answer keys.' using errcode = '42501';
  end if;
  select c."body", c."title" into v_body, v_title from "public"."catalog" c
    where c."id" = "admin_set_assessment_keys"."assessment_id" and c."kind" = 'assessment' and not c."_deleted";
  if not found then
    raise exception 'There is no assessment with id %. Save the assessment first, then its answer key.', "admin_set_assessment_keys"."assessment_id"
      using errcode = 'P0002';
  end if;
  if "keys" is null or jsonb_typeof("keys") <> 'object' then
    raise exception 'The answer key must map each question id to the ids of its correct options.' using errcode = '22023';
  end if;
  if jsonb_typeof(v_body -> 'questions') is distinct from 'array' or jsonb_array_length(v_body -> 'questions') = 0 then
    raise exception '"%" has no questions, so there is nothing to mark. Add questions and save the assessment first.', v_title
      using errcode = '22023';
  end if;

  select k into v_unknown from jsonb_object_keys("keys") k
    where not exists (select 1 from jsonb_array_elements(v_body -> 'questions') q where q ->> 'id' = k)
    limit 1;
  if v_unknown is not null then
    raise exception 'The answer key names question "%", which "%" does not have. Save the assessment''s questions first, then its key.', v_unknown, v_title
      using errcode = '22023';
  end if;

  delete from "public"."assessment_keys" k where k."assessment_id" = "admin_set_assessment_keys"."assessment_id";
  for v_question in select q from jsonb_array_elements(v_body -> 'questions') q loop
    v_question_id := v_question ->> 'id';
    v_prompt := coalesce(v_question ->> 'prompt', v_question_id);
    v_chosen := "keys" -> v_question_id;
    if v_chosen is null or jsonb_typeof(v_chosen) <> 'array' or jsonb_array_length(v_chosen) = 0 then
      raise exception 'Mark at least one correct option for the question "%".', v_prompt using errcode = '22023';
    end if;
    if exists (select 1 from jsonb_array_elements(v_chosen) x where jsonb_typeof(x) <> 'string') then
      raise exception 'The answer key for "%" must list option ids as text.', v_prompt using errcode = '22023';
    end if;
    select coalesce(array_agg(o ->> 'id'), '{}') into v_option_ids from jsonb_array_elements(coalesce(v_question -> 'options', '[]'::jsonb)) o;
    select array_agg(distinct x) into v_correct from jsonb_array_elements_text(v_chosen) x;
    select x into v_unknown from unnest(v_correct) x where not (x = any (v_option_ids)) limit 1;
    if v_unknown is not null then
      raise exception 'The answer key marks option "%" for the question "%", but that question has no such option.', v_unknown, v_prompt
        using errcode = '22023';
    end if;
    if v_question ->> 'kind' = 'single' and cardinality(v_correct) <> 1 then
      raise exception 'The question "%" is single choice, so mark exactly one correct option (or make it multiple choice).', v_prompt
        using errcode = '22023';
    end if;
    insert into "public"."assessment_keys" ("assessment_id", "question_id", "correct_option_ids")
      values ("admin_set_assessment_keys"."assessment_id", v_question_id, v_correct);
    v_count := v_count + 1;
  end loop;
  return v_count;
end
$$;
comment on function "public"."admin_set_assessment_keys"(text, jsonb) is
  'Admins only: replaces the answer key of an assessment ({question id: [correct option ids]}), checked against the questions in its catalog body. Returns how many questions were keyed.';
revoke all on function "public"."admin_set_assessment_keys"(text, jsonb) from public, "anon";
grant execute on function "public"."admin_set_assessment_keys"(text, jsonb) to "authenticated", "service_role";

-- 2. Video lessons live in the assets bucket but no catalog row has them as file_path; the module
--    that plays one is what gates it, with the module's tier and publication.
create or replace function "public"."asset_is_unlocked"("object_name" text) returns boolean
language sql stable
security definer
set search_path = ''
as $$
  select exists (
    select 1 from "public"."catalog" c
    where c."file_path" = "object_name"
      and c."published"
      and not c."_deleted"
      and "public"."tier_rank"(c."tier_required") <= "public"."tier_rank"("public"."current_partner_tier"())
  ) or exists (
    select 1 from "public"."catalog" c
    where c."kind" = 'module'
      and c."published"
      and not c."_deleted"
      and c."body" @> jsonb_build_object('lessons', jsonb_build_array(jsonb_build_object('asset_path', "object_name")))
      and "public"."tier_rank"(c."tier_required") <= "public"."tier_rank"("public"."current_partner_tier"())
  )
$$;

-- 3. The report. A partner promoted last month completed earlier modules as a lower tier; those
--    completions and passes belong to that tier. Each row is dated by completed_at (when it was
--    finished or graded; created_at for a module started and not finished) and matched to the
--    partner_status.history period holding that instant. Before the first recorded period the
--    partner held that first period's tier; with no usable history, the current tier.
create or replace function "public"."admin_training_report"()
returns table ("course_id" text, "course_title" text, "tier" text, "partners_started" bigint,
               "modules_completed" bigint, "attempts" bigint, "passed" bigint, "pass_rate" double precision)
language plpgsql
stable
security definer
set search_path = ''
as $$
begin
  if not "public"."is_admin"() then
    raise exception 'Only SISO admins can see the training report.' using errcode = '42501';
  end if;
  return query
    with courses as (
      select c."id", c."title" from "public"."catalog" c where c."kind" = 'course' and not c."_deleted"
    ),
    assessments as (
      select a."id", a."body" ->> 'course_id' as "course_id" from "public"."catalog" a where a."kind" = 'assessment'
    ),
    periods as (
      select ps."partner_id", h ->> 'tier' as "tier", (h ->> 'from')::timestamptz as "from",
             nullif(h ->> 'to', '')::timestamptz as "to"
      from "public"."partner_status" ps
      cross join lateral jsonb_array_elements(
        case jsonb_typeof(ps."history")
          when 'array' then ps."history"
          -- Rows written as JSON text hold the array as a jsonb string.
          when 'string' then case when jsonb_typeof((ps."history" #>> '{}')::jsonb) = 'array' then (ps."history" #>> '{}')::jsonb else '[]'::jsonb end
          else '[]'::jsonb
        end) h
      where not ps."_deleted" and h ->> 'tier' in ('starter', 'active', 'performer', 'elite') and h ->> 'from' is not null
    ),
    rows_by_course as (
      select coalesce(asm."course_id", tp."course_id") as "course_id", tp."partner_id", tp."kind", tp."status", tp."completed_at",
             coalesce(tp."completed_at", tp."created_at") as "at"
      from "public"."training_progress" tp
      left join assessments asm on tp."kind" = 'attempt' and asm."id" = tp."course_id"
      where not tp."_deleted" and tp."kind" in ('module', 'attempt')
    ),
    attributed as (
      select r.*, coalesce(
          (select p."tier" from periods p
             where p."partner_id" = r."partner_id" and p."from" <= r."at" and (p."to" is null or r."at" < p."to")
             order by p."from" desc limit 1),
          (select p."tier" from periods p
             where p."partner_id" = r."partner_id" and r."at" < p."from"
             order by p."from" asc limit 1),
          (select ps."tier" from "public"."partner_status" ps where ps."partner_id" = r."partner_id" and not ps."_deleted"),
          'starter') as "held_tier"
      from rows_by_course r
    )
    select co."id", co."title", r."held_tier",
      count(distinct r."partner_id"),
      count(*) filter (where r."kind" = 'module' and r."completed_at" is not null),
      count(*) filter (where r."kind" = 'attempt'),
      count(*) filter (where r."kind" = 'attempt' and r."status" = 'passed'),
      case when count(*) filter (where r."kind" = 'attempt' and r."status" in ('passed', 'failed')) = 0 then null
        else (count(*) filter (where r."kind" = 'attempt' and r."status" = 'passed'))::double precision
             / count(*) filter (where r."kind" = 'attempt' and r."status" in ('passed', 'failed')) end
    from courses co
    join attributed r on r."course_id" = co."id"
    group by co."id", co."title", r."held_tier"
    order by co."title", "public"."tier_rank"(r."held_tier");
end
$$;
comment on function "public"."admin_training_report"() is
  'Admins only: per course and tier held at the time (partner_status.history), partners who started, modules completed, attempts, passes and pass rate.';
revoke all on function "public"."admin_training_report"() from public, "anon";
grant execute on function "public"."admin_training_report"() to "authenticated", "service_role";
