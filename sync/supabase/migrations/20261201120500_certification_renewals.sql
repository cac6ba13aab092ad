-- Training hub (issue 14), partner side: renewal reminders for expiring certificates, and a booked
-- coaching slot that shows as taken to every other partner.
--   1. notify_expiring_certifications(): one notification per certificate 30 days and 7 days
--      before it expires. Deterministic ids make it idempotent, so any scheduler may run it as
--      often as it likes. The local backend runs it at start and hourly (sync/server/scheduled-jobs.ts);
--      on Supabase, schedule it with pg_cron:
--        select cron.schedule('notify-expiring-certifications', '15 * * * *',
--                             $$select "public"."notify_expiring_certifications"()$$);
--   2. coaching_slot.body.booked: kept by the database from the slot's active bookings, so the
--      slot row (which every partner already pulls) tells other partners it is taken. Partners
--      cannot read each other's bookings; the flag says only "taken", never by whom. A booking
--      for a taken slot is refused with a code replication turns into a sync problem.

-- 1. Renewal reminders ------------------------------------------------------------------------

-- The date in the partner's own time zone when the profile names a valid one, otherwise UTC.
create or replace function "public"."certificate_expiry_text"("expires_at" timestamptz, "partner_id" uuid) returns text
language sql stable
security definer
set search_path = ''
as $$
  select to_char("certificate_expiry_text"."expires_at" at time zone coalesce(
      (select p."timezone" from "public"."profiles" p
        where p."partner_id" = "certificate_expiry_text"."partner_id"
          and exists (select 1 from pg_catalog.pg_timezone_names z where z."name" = p."timezone")),
      'UTC'), 'FMDD Mon YYYY')
$$;
revoke all on function "public"."certificate_expiry_text"(timestamptz, uuid) from public, "anon", "authenticated";

-- Returns how many notifications it added. A certificate already renewed (a newer one for the same
-- course) gets no reminder; one inside the last week gets only the 7-day reminder, so a reminder
-- run that was missed for weeks does not send two at once.
create or replace function "public"."notify_expiring_certifications"() returns integer
language plpgsql
security definer
set search_path = ''
as $$
declare
  v_added integer;
begin
  with due as (
    select c."id", c."partner_id", c."expires_at", coalesce(nullif(c."track", ''), 'SISO') as "track",
           case when c."expires_at" <= now() + interval '7 days' then 7 else 30 end as "notice_days"
    from "public"."training_progress" c
    where c."kind" = 'certificate' and not c."_deleted"
      and c."expires_at" > now() and c."expires_at" <= now() + interval '30 days'
      and not exists (
        select 1 from "public"."training_progress" newer
        where newer."kind" = 'certificate' and not newer."_deleted"
          and newer."partner_id" = c."partner_id" and newer."course_id" = c."course_id"
          and newer."expires_at" > c."expires_at")
  )
  insert into "public"."notifications" ("id", "partner_id", "title", "body", "link", "kind", "created_at", "updated_at")
  select 'certification-expiring-' || d."notice_days" || 'd-' || d."id", d."partner_id",
         'Your ' || d."track" || ' certification expires on ' || "public"."certificate_expiry_text"(d."expires_at", d."partner_id"),
         case d."notice_days"
           when 7 then 'One week left. Retake the assessment now to renew it; once it expires it no longer counts toward your tier.'
           else 'Retake the course''s assessment within the next 30 days to renew it; the new certificate is valid for another year.'
         end,
         '#/certifications', 'certification_expiring', now(), now()
  from due d
  on conflict ("id") do nothing;
  get diagnostics v_added = row_count;
  return v_added;
end
$$;
comment on function "public"."notify_expiring_certifications"() is
  'Adds certification_expiring notifications 30 and 7 days before a certificate expires; idempotent. Run by a scheduler (pg_cron on Supabase, the local backend hourly), never by partners.';
revoke all on function "public"."notify_expiring_certifications"() from public, "anon", "authenticated";
grant execute on function "public"."notify_expiring_certifications"() to "service_role";

-- 2. Booked coaching slots -------------------------------------------------------------------

-- Sets body.booked on every write of a coaching slot, so an admin editing the slot cannot clear
-- or forge it. Named to sort before catalog_bump_version: that trigger must see the final body.
create or replace function "public"."catalog_apply_slot_booking"() returns trigger
language plpgsql
security definer
set search_path = ''
as $$
begin
  if new."kind" <> 'coaching_slot' then
    return new;
  end if;
  new."body" := coalesce(new."body", '{}'::jsonb) || jsonb_build_object('booked', exists (
    select 1 from "public"."training_progress" tp
    where tp."kind" = 'booking' and tp."course_id" = new."id" and not tp."_deleted"));
  return new;
end
$$;
create trigger "catalog_apply_slot_booking" before insert or update on "public"."catalog"
  for each row execute function "public"."catalog_apply_slot_booking"();

-- A booking made, cancelled (soft delete) or removed rewrites its slot row, which recomputes the
-- flag above, bumps the version and stamps _modified, so every partner's pull brings the change.
create or replace function "public"."training_progress_touch_booked_slot"() returns trigger
language plpgsql
security definer
set search_path = ''
as $$
declare
  v_slot_ids text[];
begin
  if tg_op = 'INSERT' then
    if new."kind" <> 'booking' then return null; end if;
    v_slot_ids := array[new."course_id"];
  elsif tg_op = 'DELETE' then
    if old."kind" <> 'booking' then return null; end if;
    v_slot_ids := array[old."course_id"];
  else
    if 'booking' not in (old."kind", new."kind")
       or (old."_deleted" is not distinct from new."_deleted" and old."course_id" is not distinct from new."course_id"
           and old."kind" is not distinct from new."kind") then
      return null;
    end if;
    v_slot_ids := array[old."course_id", new."course_id"];
  end if;
  update "public"."catalog" c set "body" = c."body" - 'booked'
    where c."id" = any (v_slot_ids) and c."kind" = 'coaching_slot';
  return null;
end
$$;
create trigger "training_progress_touch_booked_slot" after insert or update or delete on "public"."training_progress"
  for each row execute function "public"."training_progress_touch_booked_slot"();

-- Slots that already exist get their flag now.
update "public"."catalog" set "body" = "body" - 'booked' where "kind" = 'coaching_slot';

-- A booking for a slot someone else holds is refused with 23P01 (exclusion violation, as an
-- overlapping reservation is in Postgres) before training_progress_check_session would raise 23505:
-- replication reads 23505 as "this id exists already", finds no such row and retries for ever,
-- so a partner who booked offline and lost the slot would wait on a booking that can never sync.
-- A refusal instead becomes a sync problem the partner sees and can discard. Postgres fires
-- triggers by name: this one sorts before training_progress_check_insert and _check_session.
create or replace function "public"."training_progress_refuse_taken_slot"() returns trigger
language plpgsql
set search_path = ''
as $$
begin
  if new."kind" = 'booking' and not new."_deleted" and "public"."coaching_slot_taken"(new."course_id", new."partner_id") then
    raise exception 'Another partner booked this coaching slot first. Choose another slot.' using errcode = '23P01';
  end if;
  return new;
end
$$;
create trigger "training_progress_booking_needs_free_slot" before insert on "public"."training_progress"
  for each row execute function "public"."training_progress_refuse_taken_slot"();
