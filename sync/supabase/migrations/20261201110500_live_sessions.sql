-- Live sessions (issue 14): webinar registrations and coaching bookings are checked against the
-- partner's tier, and a coaching slot can be held by only one partner at a time. Also the admin's
-- training report (completion and pass rates per course and tier).

-- Whether any other partner holds an active booking on the slot. Partners cannot read each other's
-- rows, so the check runs as the owner and answers only yes or no.
create or replace function "public"."coaching_slot_taken"("slot_id" text, "partner_id" uuid) returns boolean
language sql stable
security definer
set search_path = ''
as $$
  select exists (
    select 1 from "public"."training_progress" tp
    where tp."kind" = 'booking' and tp."course_id" = "coaching_slot_taken"."slot_id"
      and tp."partner_id" <> "coaching_slot_taken"."partner_id" and not tp."_deleted"
  )
$$;
revoke all on function "public"."coaching_slot_taken"(text, uuid) from public, "anon";
grant execute on function "public"."coaching_slot_taken"(text, uuid) to "authenticated", "service_role";

create or replace function "public"."training_progress_check_session"() returns trigger
language plpgsql
set search_path = ''
as $$
declare
  v_entry "public"."catalog"%rowtype;
  v_expected_kind text;
  v_partner_tier text;
begin
  if new."kind" not in ('registration', 'booking') or new."_deleted" then
    return new;
  end if;
  v_expected_kind := case new."kind" when 'registration' then 'webinar' else 'coaching_slot' end;
  new."ref_id" := coalesce(new."ref_id", new."course_id");
  if new."ref_id" is distinct from new."course_id" then
    raise exception 'A registration or booking names the same session in course_id and ref_id.' using errcode = '23514';
  end if;

  select * into v_entry from "public"."catalog" c where c."id" = new."course_id" and c."kind" = v_expected_kind and not c."_deleted";
  if not found then
    raise exception 'That session is no longer offered. Sync the workstation to see the current calendar.' using errcode = '23503';
  end if;

  -- Admins and the service role may place a partner in any session; partners only in their tier's.
  select ps."tier" into v_partner_tier from "public"."partner_status" ps where ps."partner_id" = new."partner_id" and not ps."_deleted";
  if current_user = 'authenticated' and not "public"."is_admin"()
     and "public"."tier_rank"(v_entry."tier_required") > "public"."tier_rank"(coalesce(v_partner_tier, 'starter')) then
    raise exception '"%" is for % partners and above; reach that tier to %.', v_entry."title", initcap(v_entry."tier_required"),
      case new."kind" when 'registration' then 'register' else 'book it' end
      using errcode = '42501';
  end if;

  if new."kind" = 'booking' and "public"."coaching_slot_taken"(new."course_id", new."partner_id") then
    raise exception 'Another partner booked this coaching slot first. Choose another slot.' using errcode = '23505';
  end if;
  return new;
end
$$;

create trigger "training_progress_check_session" before insert on "public"."training_progress"
  for each row execute function "public"."training_progress_check_session"();

-- The backstop for two bookings arriving at once: one active booking per slot.
create unique index "training_progress_one_booking_per_slot" on "public"."training_progress" ("course_id")
  where "kind" = 'booking' and not "_deleted";

-- Per course and tier: partners who started, modules completed, assessment attempts and the share
-- of graded attempts that passed. Admin-only; partners get a refusal sentence.
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
    rows_by_course as (
      select coalesce(asm."course_id", tp."course_id") as "course_id", tp."partner_id", tp."kind", tp."status", tp."completed_at"
      from "public"."training_progress" tp
      left join assessments asm on tp."kind" = 'attempt' and asm."id" = tp."course_id"
      where not tp."_deleted" and tp."kind" in ('module', 'attempt')
    )
    select co."id", co."title", coalesce(ps."tier", 'starter'),
      count(distinct r."partner_id"),
      count(*) filter (where r."kind" = 'module' and r."completed_at" is not null),
      count(*) filter (where r."kind" = 'attempt'),
      count(*) filter (where r."kind" = 'attempt' and r."status" = 'passed'),
      case when count(*) filter (where r."kind" = 'attempt' and r."status" in ('passed', 'failed')) = 0 then null
        else (count(*) filter (where r."kind" = 'attempt' and r."status" = 'passed'))::double precision
             / count(*) filter (where r."kind" = 'attempt' and r."status" in ('passed', 'failed')) end
    from courses co
    join rows_by_course r on r."course_id" = co."id"
    left join "public"."partner_status" ps on ps."partner_id" = r."partner_id" and not ps."_deleted"
    group by co."id", co."title", coalesce(ps."tier", 'starter')
    order by co."title", "public"."tier_rank"(coalesce(ps."tier", 'starter'));
end
$$;
revoke all on function "public"."admin_training_report"() from public, "anon";
grant execute on function "public"."admin_training_report"() to "authenticated", "service_role";
