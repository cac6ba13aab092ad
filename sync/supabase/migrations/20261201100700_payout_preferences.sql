-- Payout preferences by tier: withdrawals in other currencies than the account's come with Elite
-- (checked here, not only in the app), and automatic withdrawals — a profile preference set
-- through set_payout_schedule only, acted on by admin_create_scheduled_payouts on the tier's
-- schedule. Tier rules and currency rules are mirrored by sync/domain/payouts.ts.

alter table "public"."profiles" add column "payout_automatic" boolean not null default false;
comment on column "public"."profiles"."payout_automatic" is
  'Pay the available balance automatically on the tier''s schedule; written by set_payout_schedule only.';

-- The guard from migration payout_details, now also covering payout_automatic.
create or replace function "public"."profiles_payout_columns_by_rpc_only"() returns trigger
language plpgsql
set search_path = ''
as $$
begin
  if current_user <> 'authenticated' or "public"."is_admin"() then
    return new;
  end if;
  if tg_op = 'INSERT' then
    new."payout_method" := null;
    new."payout_details" := null;
    new."tax_details" := null;
    new."payout_automatic" := false;
  elsif (new."payout_method", new."payout_details", new."tax_details")
        is distinct from (old."payout_method", old."payout_details", old."tax_details") then
    raise exception 'Payout and tax details can only be changed under Payment management, which sends them to SISO securely.'
      using errcode = '42501';
  elsif new."payout_automatic" is distinct from old."payout_automatic" then
    raise exception 'Automatic withdrawals can only be switched on or off under Payment management, while online.'
      using errcode = '42501';
  end if;
  return new;
end
$$;

-- The tier's payout schedule as an interval (mirrors PAYOUT_FREQUENCY_BY_TIER); Elite is paid in
-- real time, so it is always due.
create or replace function "public"."payout_schedule_interval"("partner_tier" text) returns interval
language sql immutable
set search_path = ''
as $$
  select case coalesce("partner_tier", 'starter')
    when 'elite' then interval '0'
    when 'performer' then interval '7 days'
    when 'active' then interval '14 days'
    else interval '1 month'
  end
$$;

-- Currencies a partner may withdraw in: their account currency, or any with Elite.
create or replace function "public"."partner_may_withdraw_in"("target_partner" uuid, "payout_currency" text)
returns boolean
language sql stable
security definer
set search_path = ''
as $$
  select coalesce((select s."tier" from "public"."partner_status" s where s."partner_id" = "target_partner"), 'starter') = 'elite'
      or "payout_currency" = coalesce((select p."currency" from "public"."profiles" p where p."partner_id" = "target_partner"), 'GBP')
$$;
revoke execute on function "public"."partner_may_withdraw_in"(uuid, text) from public, "anon";
grant execute on function "public"."partner_may_withdraw_in"(uuid, text) to "authenticated", "service_role";

-- The request check from migration payouts, with the currency rule first.
create or replace function "public"."payouts_check_request"() returns trigger
language plpgsql
set search_path = ''
as $$
declare
  "available" double precision;
  "minimum" double precision := "public"."payout_minimum"(new."currency");
  "account_currency" text;
begin
  if current_user <> 'authenticated' or "public"."is_admin"() then
    return new;
  end if;
  perform pg_advisory_xact_lock(hashtext('payouts:' || new."partner_id"::text));
  if not "public"."partner_may_withdraw_in"(new."partner_id", new."currency") then
    select coalesce((select p."currency" from "public"."profiles" p where p."partner_id" = new."partner_id"), 'GBP') into "account_currency";
    raise exception 'Withdrawals in other currencies than your account currency (%) come with the Elite tier.', "account_currency"
      using errcode = '23514';
  end if;
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

create or replace function "public"."set_payout_schedule"("automatic" boolean) returns boolean
language plpgsql
security definer
set search_path = ''
as $$
declare
  "partner" uuid := "auth"."uid"();
begin
  if "partner" is null then
    raise exception 'Sign in to change how you are paid.' using errcode = '42501';
  end if;
  if "automatic" is null then
    raise exception 'Choose whether to be paid automatically (true) or to request withdrawals yourself (false).' using errcode = '22023';
  end if;
  update "public"."profiles" set "payout_automatic" = "automatic", "updated_at" = now() where "partner_id" = "partner";
  if not found then
    raise exception 'Your profile has not reached SISO yet. Let the workstation sync, then change the setting again.'
      using errcode = 'P0002';
  end if;
  return "automatic";
end
$$;
comment on function "public"."set_payout_schedule"(boolean) is
  'Partners: switches automatic withdrawals of the available balance on or off on their own profile. Returns the new value.';
revoke execute on function "public"."set_payout_schedule"(boolean) from public, "anon";
grant execute on function "public"."set_payout_schedule"(boolean) to "authenticated";

-- For every partner with automatic withdrawals, a payout method on file and no payout requested
-- within their tier's schedule interval: one requested payout per currency they may withdraw in,
-- of the whole available balance when it reaches the minimum. Returns how many were created.
create or replace function "public"."admin_create_scheduled_payouts"() returns integer
language plpgsql
security definer
set search_path = ''
as $$
declare
  "due" record;
  "balance_currency" text;
  "available" double precision;
  "created" integer := 0;
begin
  if not "public"."is_admin"() then
    raise exception 'Only SISO admins can create scheduled payouts.' using errcode = '42501';
  end if;
  for "due" in
    select p."partner_id", d."method"
      from "public"."profiles" p
      join "public"."payout_details" d on d."partner_id" = p."partner_id" and d."method" is not null
      left join "public"."partner_status" s on s."partner_id" = p."partner_id"
     where p."payout_automatic" and not p."_deleted"
       and not exists (
         select 1 from "public"."payouts" q
          where q."partner_id" = p."partner_id" and not q."_deleted"
            and q."created_at" > now() - "public"."payout_schedule_interval"(s."tier"))
     order by p."partner_id"
  loop
    perform pg_advisory_xact_lock(hashtext('payouts:' || "due"."partner_id"::text));
    for "balance_currency" in
      select distinct e."currency" from "public"."earnings" e
       where e."partner_id" = "due"."partner_id" and e."kind" = 'commission' and not e."_deleted"
       order by 1
    loop
      continue when not "public"."partner_may_withdraw_in"("due"."partner_id", "balance_currency");
      "available" := "public"."partner_available_balance"("due"."partner_id", "balance_currency");
      continue when "available" < "public"."payout_minimum"("balance_currency");
      insert into "public"."payouts" ("id", "partner_id", "amount", "currency", "method", "status", "created_at", "updated_at")
        values (gen_random_uuid()::text, "due"."partner_id", "available", "balance_currency", "due"."method", 'requested', now(), now());
      "created" := "created" + 1;
    end loop;
  end loop;
  return "created";
end
$$;
comment on function "public"."admin_create_scheduled_payouts"() is
  'Admins only: creates a requested payout of the available balance (per allowed currency, at or above the minimum) for every partner with automatic withdrawals whose schedule is due. Returns how many it created.';
revoke execute on function "public"."admin_create_scheduled_payouts"() from public, "anon";
grant execute on function "public"."admin_create_scheduled_payouts"() to "authenticated";
