-- Admin actions on commissions and withdrawals, each one function in one transaction so the
-- checks, the change, its history and the partner's notification cannot come apart. They check
-- is_admin() themselves, since security definer bypasses the tables' RLS.

-- Adjust a commission line's amount or status, keeping who, when, what and why in its history.
-- Paid lines are settled: correct them with a new line (a bonus or a clawback) instead.
create or replace function "public"."admin_adjust_commission"(
  "earning_id" text,
  "reason" text,
  "new_amount" double precision default null,
  "new_status" text default null
) returns "public"."earnings"
language plpgsql
security definer
set search_path = ''
as $$
declare
  "line" "public"."earnings";
  "target_amount" double precision;
  "target_status" text;
begin
  if not "public"."is_admin"() then
    raise exception 'Only SISO admins can adjust commissions.' using errcode = '42501';
  end if;
  if coalesce(btrim("reason"), '') = '' then
    raise exception 'Give a reason for the adjustment; the partner sees it in the commission''s history.' using errcode = '22023';
  end if;
  select * into "line" from "public"."earnings" e where e."id" = "earning_id" and not e."_deleted" for update;
  if not found then
    raise exception 'There is no commission line with id %.', "earning_id" using errcode = 'P0002';
  end if;
  "target_amount" := coalesce("new_amount", "line"."amount");
  "target_status" := coalesce("new_status", "line"."status");
  if "target_status" not in ('pending', 'processing', 'approved', 'reversed') and "target_status" <> "line"."status" then
    raise exception 'A commission can be set to pending, processing, approved or reversed; it becomes paid when a payout that includes it is marked paid.'
      using errcode = '22023';
  end if;
  if "line"."status" = 'paid' and ("target_amount" <> "line"."amount" or "target_status" <> 'paid') then
    raise exception 'This commission has been paid out. Record a bonus or a clawback line instead of changing it.' using errcode = '22023';
  end if;
  if "line"."commission_type" = 'clawback' and "target_amount" > 0 then
    raise exception 'A clawback line takes money back, so its amount must be zero or negative.' using errcode = '22023';
  end if;
  if "target_amount" = "line"."amount" and "target_status" = "line"."status" then
    return "line";
  end if;
  update "public"."earnings" set
      "amount" = "target_amount",
      "status" = "target_status",
      "reason" = btrim("admin_adjust_commission"."reason"),
      "history" = "history" || jsonb_build_array(jsonb_build_object(
        'at', to_char(now() at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"'),
        'by', "auth"."uid"(),
        'amount_from', "line"."amount", 'amount_to', "target_amount",
        'status_from', "line"."status", 'status_to', "target_status",
        'reason', btrim("admin_adjust_commission"."reason"))),
      "updated_at" = now()
    where "id" = "line"."id"
    returning * into "line";
  return "line";
end
$$;
comment on function "public"."admin_adjust_commission"(text, text, double precision, text) is
  'Admins only: changes a commission line''s amount and/or status (not paid lines), appending {at, by, from, to, reason} to its history.';
revoke execute on function "public"."admin_adjust_commission"(text, text, double precision, text) from public, "anon";
grant execute on function "public"."admin_adjust_commission"(text, text, double precision, text) to "authenticated";

-- Approve, reject (with a reason) or mark paid (with a reference) a withdrawal. Marking paid also
-- settles the partner's approved lines in that currency, oldest first, while they fit in the
-- amount: they become paid with this payout_id, so each line says which payout it went into.
create or replace function "public"."admin_set_payout_status"(
  "payout_id" text,
  "new_status" text,
  "reason" text default null,
  "reference" text default null
) returns "public"."payouts"
language plpgsql
security definer
set search_path = ''
as $$
declare
  "payout" "public"."payouts";
  "settled" double precision := 0;
  "line" record;
begin
  if not "public"."is_admin"() then
    raise exception 'Only SISO admins can approve, reject or pay withdrawals.' using errcode = '42501';
  end if;
  if "new_status" not in ('approved', 'rejected', 'paid') then
    raise exception 'Choose approved, rejected or paid for a withdrawal.' using errcode = '22023';
  end if;
  select * into "payout" from "public"."payouts" p where p."id" = "admin_set_payout_status"."payout_id" and not p."_deleted" for update;
  if not found then
    raise exception 'There is no withdrawal request with id %.', "admin_set_payout_status"."payout_id" using errcode = 'P0002';
  end if;
  -- payouts_guard_changes checks the transition and that a reason or reference is given.
  update "public"."payouts" set
      "status" = "new_status",
      "reason" = case when "new_status" = 'rejected' then btrim("admin_set_payout_status"."reason") else "payouts"."reason" end,
      "reference" = case when "new_status" = 'paid' then btrim("admin_set_payout_status"."reference") else "payouts"."reference" end,
      "approved_at" = case when "new_status" in ('approved', 'paid') then coalesce("payouts"."approved_at", now()) else "payouts"."approved_at" end,
      "paid_at" = case when "new_status" = 'paid' then now() else "payouts"."paid_at" end,
      "updated_at" = now()
    where "id" = "payout"."id"
    returning * into "payout";

  if "new_status" = 'paid' then
    for "line" in
      select e."id", e."amount" from "public"."earnings" e
        where e."partner_id" = "payout"."partner_id" and e."currency" = "payout"."currency" and e."kind" = 'commission'
          and e."status" = 'approved' and e."payout_id" is null and not e."_deleted"
        order by e."created_at", e."id"
        for update
    loop
      exit when "settled" + "line"."amount" > "payout"."amount" + 0.005;
      "settled" := "settled" + "line"."amount";
      update "public"."earnings" set "status" = 'paid', "payout_id" = "payout"."id", "paid_at" = now(), "updated_at" = now()
        where "id" = "line"."id";
    end loop;
  end if;

  insert into "public"."notifications" ("id", "partner_id", "title", "body", "link", "kind", "updated_at")
    values (gen_random_uuid()::text, "payout"."partner_id",
      case "new_status" when 'approved' then 'Withdrawal approved' when 'paid' then 'Withdrawal paid' else 'Withdrawal rejected' end,
      case "new_status"
        when 'approved' then format('Your withdrawal of %s %s is approved and will be paid soon.', to_char("payout"."amount", 'FM999999990.00'), "payout"."currency")
        when 'paid' then format('Your withdrawal of %s %s has been paid (reference %s).', to_char("payout"."amount", 'FM999999990.00'), "payout"."currency", "payout"."reference")
        else format('Your withdrawal of %s %s was rejected: %s', to_char("payout"."amount", 'FM999999990.00'), "payout"."currency", "payout"."reason")
      end,
      '/commissions', 'payout', now());
  return "payout";
end
$$;
comment on function "public"."admin_set_payout_status"(text, text, text, text) is
  'Admins only: approves, rejects (reason required) or marks paid (reference required) a withdrawal; paying settles approved commission lines into it and notifies the partner.';
revoke execute on function "public"."admin_set_payout_status"(text, text, text, text) from public, "anon";
grant execute on function "public"."admin_set_payout_status"(text, text, text, text) to "authenticated";
