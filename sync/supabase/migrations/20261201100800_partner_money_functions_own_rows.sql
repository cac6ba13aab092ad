-- The helper functions behind withdrawals (available balance, payout method on file, currency
-- allowed) are callable through the REST API as RPCs, and they are security definer: without a
-- check, any partner could ask for another partner's balance by passing their id. Each now answers
-- only for the caller's own id, for admins, and for trusted server contexts (the service role, or
-- SQL run without a request, such as the seed).

create or replace function "public"."may_read_partner_money"("target_partner" uuid) returns boolean
language sql stable
security definer
set search_path = ''
as $$
  select "target_partner" = "auth"."uid"()
      or "public"."is_admin"()
      or coalesce("auth"."jwt"() ->> 'role', 'service_role') = 'service_role'
$$;
comment on function "public"."may_read_partner_money"(uuid) is
  'True when the caller may see this partner''s balance and payout details: themselves, an admin, or a trusted server context.';
revoke execute on function "public"."may_read_partner_money"(uuid) from public, "anon";
grant execute on function "public"."may_read_partner_money"(uuid) to "authenticated", "service_role";

create or replace function "public"."partner_available_balance"("target_partner" uuid, "balance_currency" text)
returns double precision
language plpgsql stable
security definer
set search_path = ''
as $$
begin
  if not "public"."may_read_partner_money"("target_partner") then
    raise exception 'You can only see your own balance.' using errcode = '42501';
  end if;
  return round((
    coalesce((select sum(e."amount") from "public"."earnings" e
               where e."partner_id" = "target_partner" and e."currency" = "balance_currency"
                 and e."kind" = 'commission' and not e."_deleted" and e."status" in ('approved', 'paid')), 0)
    - coalesce((select sum(p."amount") from "public"."payouts" p
               where p."partner_id" = "target_partner" and p."currency" = "balance_currency"
                 and not p."_deleted" and p."status" in ('requested', 'approved', 'paid')), 0)
  )::numeric, 2)::double precision;
end
$$;

create or replace function "public"."partner_has_payout_method"("target_partner" uuid, "payout_method" text)
returns boolean
language plpgsql stable
security definer
set search_path = ''
as $$
begin
  if not "public"."may_read_partner_money"("target_partner") then
    raise exception 'You can only see your own payout details.' using errcode = '42501';
  end if;
  return exists (
    select 1 from "public"."payout_details" d
    where d."partner_id" = "target_partner" and d."method" = "payout_method"
  );
end
$$;

create or replace function "public"."partner_may_withdraw_in"("target_partner" uuid, "payout_currency" text)
returns boolean
language plpgsql stable
security definer
set search_path = ''
as $$
begin
  if not "public"."may_read_partner_money"("target_partner") then
    raise exception 'You can only see your own withdrawal options.' using errcode = '42501';
  end if;
  return coalesce((select s."tier" from "public"."partner_status" s where s."partner_id" = "target_partner"), 'starter') = 'elite'
      or "payout_currency" = coalesce((select p."currency" from "public"."profiles" p where p."partner_id" = "target_partner"), 'GBP');
end
$$;
