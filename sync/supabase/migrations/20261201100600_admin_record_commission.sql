-- Admins record a commission line by hand (a bonus, a base fee, a correction as a clawback), with
-- the reason kept in the line's history like an adjustment. One function, checked here, because
-- security definer bypasses the earnings RLS and the partner must be told in the same step.

create or replace function "public"."admin_record_commission"(
  "target_partner" uuid,
  "commission_type" text,
  "amount" double precision,
  "currency" text,
  "reason" text,
  "deal_name" text default null,
  "new_status" text default 'approved'
) returns "public"."earnings"
language plpgsql
security definer
set search_path = ''
as $$
declare
  "line" "public"."earnings";
  "clean_reason" text := btrim(coalesce("reason", ''));
  "clean_currency" text := upper(btrim(coalesce("currency", '')));
  "partner_tier" text;
  "stamp" text := to_char(now() at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"');
begin
  if not "public"."is_admin"() then
    raise exception 'Only SISO admins can record commissions.' using errcode = '42501';
  end if;
  if "clean_reason" = '' then
    raise exception 'Give a reason for the commission; the partner sees it in the line''s history.' using errcode = '22023';
  end if;
  if "commission_type" is null or "commission_type" not in ('referral', 'upsell', 'base', 'bonus', 'clawback') then
    raise exception 'Choose referral, upsell, base, bonus or clawback as the commission type.' using errcode = '22023';
  end if;
  if "amount" is null or "amount" = 0 or not ("amount" between -1000000 and 1000000) then
    raise exception 'Enter an amount other than zero, up to 1,000,000.' using errcode = '22023';
  end if;
  if ("commission_type" = 'clawback') <> ("amount" < 0) then
    raise exception 'A clawback takes money back, so its amount is negative; every other type is positive.' using errcode = '22023';
  end if;
  if "clean_currency" !~ '^[A-Z]{3}$' then
    raise exception 'Use a three-letter currency code such as EUR.' using errcode = '22023';
  end if;
  if coalesce("new_status", '') not in ('pending', 'processing', 'approved') then
    raise exception 'A recorded commission starts as pending, processing or approved.' using errcode = '22023';
  end if;
  if not exists (select 1 from "auth"."users" u where u."id" = "target_partner") then
    raise exception 'There is no partner with id %.', "target_partner" using errcode = 'P0002';
  end if;
  select ps."tier" into "partner_tier" from "public"."partner_status" ps
    where ps."partner_id" = "target_partner" and not ps."_deleted" limit 1;

  insert into "public"."earnings" ("id", "partner_id", "kind", "deal_name", "commission_type", "amount", "currency",
      "status", "period", "tier", "reason", "history", "updated_at")
    values (gen_random_uuid()::text, "target_partner", 'commission',
      coalesce(nullif(btrim("deal_name"), ''), case "commission_type" when 'bonus' then 'Bonus' else 'Recorded by SISO' end),
      "commission_type", round("amount"::numeric, 2)::double precision, "clean_currency", "new_status",
      to_char(now() at time zone 'UTC', 'YYYY-MM'), "partner_tier", "clean_reason",
      jsonb_build_array(jsonb_build_object('at', "stamp", 'by', "auth"."uid"(),
        'amount_from', 0, 'amount_to', round("amount"::numeric, 2)::double precision,
        'status_from', "new_status", 'status_to', "new_status", 'reason', "clean_reason")),
      now())
    returning * into "line";

  insert into "public"."notifications" ("id", "partner_id", "title", "body", "link", "kind", "updated_at")
    values (gen_random_uuid()::text, "target_partner",
      case when "amount" < 0 then 'Commission corrected' else 'Commission recorded' end,
      format('SISO recorded %s %s (%s): %s', to_char("line"."amount", 'FM999999990.00'), "line"."currency", "commission_type", "clean_reason"),
      '/commissions', 'commission', now());
  return "line";
end
$$;
comment on function "public"."admin_record_commission"(uuid, text, double precision, text, text, text, text) is
  'Admins only: records a commission line (any type; clawbacks negative) for a partner with the reason in its history, and notifies the partner.';
revoke execute on function "public"."admin_record_commission"(uuid, text, double precision, text, text, text, text) from public, "anon";
grant execute on function "public"."admin_record_commission"(uuid, text, double precision, text, text, text, text) to "authenticated";
