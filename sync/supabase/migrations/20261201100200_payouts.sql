-- Withdrawal requests: a partner asks for money out of their available balance (offline too: the
-- row is made on the device and pushed), admins approve or reject it and mark it paid. Two-way
-- synced, so scalar columns only (see README).

create table "public"."payouts" (
  "id" text primary key,
  "partner_id" uuid not null default "auth"."uid"() references "auth"."users" ("id") on delete cascade,
  "amount" double precision not null check ("amount" > 0),
  "currency" text not null check ("currency" ~ '^[A-Z]{3}$'),
  "method" text not null check ("method" in ('bank', 'paypal')),
  "status" text not null default 'requested' check ("status" in ('requested', 'approved', 'paid', 'rejected')),
  "reason" text,
  "reference" text,
  "approved_at" timestamptz,
  "paid_at" timestamptz,
  "created_at" timestamptz not null default now(),
  "updated_at" timestamptz,
  "_modified" bigint not null,
  "_deleted" boolean not null default false
);
comment on table "public"."payouts" is
  'Withdrawal requests: partners request (status requested) within their available balance; admins move them to approved, paid (with a reference) or rejected (with a reason). Two-way synced.';
comment on column "public"."payouts"."reason" is 'Why an admin rejected the request.';
comment on column "public"."payouts"."reference" is 'The bank or PayPal transfer reference, set when an admin marks it paid.';

create trigger "sync_stamp_modified" before insert or update on "public"."payouts"
  for each row execute function "public"."sync_stamp_modified"();
create index "payouts_pull_order" on "public"."payouts" ("_modified", "id");
create index "payouts_partner_id" on "public"."payouts" ("partner_id");

-- The smallest withdrawal, in any currency. One place, mirrored by sync/domain/payouts.ts.
create or replace function "public"."payout_minimum"("currency" text) returns double precision
language sql immutable
set search_path = ''
as $$
  select 50::double precision
$$;

-- What a partner can withdraw in one currency (mirrored by sync/domain/payouts.ts):
--   commission lines that are approved or paid (clawbacks are approved negative lines, so they
--   count here and can make it negative)
-- − payouts that are requested, approved or paid (the money is on its way or gone; rejected and
--   withdrawn requests give it back).
-- Paid lines stay in the first sum because the payouts that paid them are in the second.
create or replace function "public"."partner_available_balance"("target_partner" uuid, "balance_currency" text)
returns double precision
language sql stable
security definer
set search_path = ''
as $$
  select round((
    coalesce((select sum(e."amount") from "public"."earnings" e
               where e."partner_id" = "target_partner" and e."currency" = "balance_currency"
                 and e."kind" = 'commission' and not e."_deleted" and e."status" in ('approved', 'paid')), 0)
    - coalesce((select sum(p."amount") from "public"."payouts" p
               where p."partner_id" = "target_partner" and p."currency" = "balance_currency"
                 and not p."_deleted" and p."status" in ('requested', 'approved', 'paid')), 0)
  )::numeric, 2)::double precision
$$;
comment on function "public"."partner_available_balance"(uuid, text) is
  'Approved and paid commission lines minus requested, approved and paid payouts, in one currency.';
revoke execute on function "public"."partner_available_balance"(uuid, text) from public, "anon";
grant execute on function "public"."partner_available_balance"(uuid, text) to "authenticated", "service_role";

-- A partner's request is checked here, not only in the app: the app's check ran on local data
-- that may be stale, and a modified client could skip it. Admins and the backend record payouts
-- without these checks. The per-partner lock stops two requests made at once from both passing.
create or replace function "public"."payouts_check_request"() returns trigger
language plpgsql
set search_path = ''
as $$
declare
  "available" double precision;
  "minimum" double precision := "public"."payout_minimum"(new."currency");
begin
  if current_user <> 'authenticated' or "public"."is_admin"() then
    return new;
  end if;
  perform pg_advisory_xact_lock(hashtext('payouts:' || new."partner_id"::text));
  if new."amount" < "minimum" then
    raise exception 'The smallest withdrawal is % %, and you asked for % %. Wait until your available balance reaches % %.',
      to_char("minimum", 'FM999999990.00'), new."currency", to_char(new."amount", 'FM999999990.00'), new."currency",
      to_char("minimum", 'FM999999990.00'), new."currency"
      using errcode = '23514';
  end if;
  if not "public"."partner_has_payout_method"(new."partner_id", new."method") then
    raise exception 'There is no % on file to pay this withdrawal into. Add one under Payment management, then request the withdrawal again.',
      case new."method" when 'paypal' then 'PayPal account' else 'bank account' end
      using errcode = '23514';
  end if;
  "available" := "public"."partner_available_balance"(new."partner_id", new."currency");
  if new."amount" > "available" then
    raise exception 'You asked to withdraw % % but only % % is available. Request % % or less, or wait for more commissions to be approved.',
      to_char(new."amount", 'FM999999990.00'), new."currency", to_char("available", 'FM999999990.00'), new."currency",
      to_char(greatest("available", 0), 'FM999999990.00'), new."currency"
      using errcode = '23514';
  end if;
  return new;
end
$$;

create trigger "payouts_check_request" before insert on "public"."payouts"
  for each row execute function "public"."payouts_check_request"();

-- Status moves forward only: requested → approved → paid, or requested/approved → rejected. A
-- rejection needs a reason and a payment a reference, for the partner's history. A partner may
-- change nothing but withdraw (soft-delete) a request that is still requested.
create or replace function "public"."payouts_guard_changes"() returns trigger
language plpgsql
set search_path = ''
as $$
begin
  if current_user = 'authenticated' and not "public"."is_admin"() then
    if (to_jsonb(new) - '_deleted' - 'updated_at' - '_modified') is distinct from (to_jsonb(old) - '_deleted' - 'updated_at' - '_modified')
       or (new."_deleted" and not old."_deleted" and old."status" <> 'requested')
       or (old."_deleted" and not new."_deleted") then
      raise exception 'Only SISO can change a withdrawal request once it is made. You can cancel it while it is still requested.'
        using errcode = '42501';
    end if;
    return new;
  end if;
  if new."status" is distinct from old."status" and not (
       (old."status" = 'requested' and new."status" in ('approved', 'rejected'))
    or (old."status" = 'approved' and new."status" in ('paid', 'rejected'))) then
    raise exception 'A withdrawal that is % cannot become %. Requests move from requested to approved to paid, or to rejected.',
      old."status", new."status" using errcode = '23514';
  end if;
  if new."status" = 'rejected' and coalesce(btrim(new."reason"), '') = '' then
    raise exception 'Give a reason when rejecting a withdrawal; the partner sees it.' using errcode = '23514';
  end if;
  if new."status" = 'paid' and coalesce(btrim(new."reference"), '') = '' then
    raise exception 'Give the transfer reference when marking a withdrawal paid.' using errcode = '23514';
  end if;
  return new;
end
$$;

create trigger "payouts_guard_changes" before update on "public"."payouts"
  for each row execute function "public"."payouts_guard_changes"();

alter table "public"."payouts" enable row level security;
create policy "partners read their own payouts" on "public"."payouts"
  for select to "authenticated" using ("partner_id" = "auth"."uid"());
create policy "partners request payouts for themselves" on "public"."payouts"
  for insert to "authenticated" with check (
    "partner_id" = "auth"."uid"() and "status" = 'requested'
    and "reason" is null and "reference" is null and "approved_at" is null and "paid_at" is null
  );
create policy "partners cancel their own requests" on "public"."payouts"
  for update to "authenticated" using ("partner_id" = "auth"."uid"()) with check ("partner_id" = "auth"."uid"());
create policy "admins read every payout" on "public"."payouts"
  for select to "authenticated" using ("public"."is_admin"());
create policy "admins record payouts" on "public"."payouts"
  for insert to "authenticated" with check ("public"."is_admin"());
create policy "admins move payouts" on "public"."payouts"
  for update to "authenticated" using ("public"."is_admin"()) with check ("public"."is_admin"());

alter publication "supabase_realtime" add table "public"."payouts";

-- Payouts used to be earnings rows of kind 'payout'. Move them here (same id, paid) and retire the
-- old rows so clients' replication removes them from the earnings collection.
insert into "public"."payouts" ("id", "partner_id", "amount", "currency", "method", "status", "reference", "paid_at", "approved_at", "created_at", "updated_at")
  select e."id", e."partner_id", abs(e."amount"), e."currency", 'bank', 'paid', 'Recorded before payouts had their own table',
         coalesce(e."paid_at", e."created_at"), coalesce(e."paid_at", e."created_at"), e."created_at", e."updated_at"
    from "public"."earnings" e
    where e."kind" = 'payout' and not e."_deleted" and e."amount" <> 0
  on conflict ("id") do nothing;
update "public"."earnings" set "_deleted" = true, "updated_at" = now() where "kind" = 'payout' and not "_deleted";
