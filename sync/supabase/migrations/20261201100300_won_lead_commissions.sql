-- The server, not the partner's device, creates commissions: when a lead becomes won with a deal
-- value, a pending commission at the partner's rate at that moment (partner_status, with the tier
-- then); when a won lead is reopened (or deleted), a visible clawback line reverses it; winning it
-- again creates a new commission. Partners cannot write earnings at all, so this is the only way a
-- won deal turns into money, and the rate comes from the server.
--
-- Idempotent: a commission is "live" while no clawback reverses it. A lead with a live commission
-- gets no second one however often it is saved as won; the unique index on (lead_id, lead_win)
-- backs this up. Clawback rules:
--   the commission was pending or processing → it becomes reversed, and so does its clawback
--     line, so neither counts (the money was never available);
--   it was approved or paid → it stays, and an approved negative clawback line takes the money
--     back from the available balance, which may go below zero.
-- A won lead whose deal value changes keeps its commission; an admin adjusts it if needed.

create or replace function "public"."leads_commission_on_win"() returns trigger
language plpgsql
security definer
set search_path = ''
as $$
declare
  "was_won" boolean := tg_op = 'UPDATE' and old."stage" = 'won' and not old."_deleted";
  "is_won" boolean := new."stage" = 'won' and not new."_deleted";
  "had_value" boolean := tg_op = 'UPDATE' and coalesce(old."estimated_value", 0) > 0;
  "live" "public"."earnings";
  "partner_tier" text;
  "partner_rate" double precision;
  "deal_currency" text;
  "next_win" integer;
  "stamp" text := to_char(now() at time zone 'UTC', 'YYYY-MM');
begin
  if not ("is_won" and (not "was_won" or not "had_value")) and not ("was_won" and not "is_won") then
    return null;
  end if;

  select * into "live" from "public"."earnings" e
    where e."lead_id" = new."id" and e."lead_win" is not null and not e."_deleted"
      and not exists (select 1 from "public"."earnings" c where c."reverses_id" = e."id")
    order by e."lead_win" desc
    limit 1;

  if "is_won" then
    if "live"."id" is not null or coalesce(new."estimated_value", 0) <= 0 then
      return null;
    end if;
    select ps."tier", ps."commission_rate" into "partner_tier", "partner_rate"
      from "public"."partner_status" ps
      where ps."partner_id" = new."partner_id" and not ps."_deleted";
    if "partner_rate" is null then
      -- No status yet (a brand-new partner): the starter tier's published rule applies.
      "partner_tier" := 'starter';
      select (c."body" ->> 'commission_rate')::double precision into "partner_rate"
        from "public"."catalog" c
        where c."kind" = 'tier_rule' and c."published" and not c."_deleted" and c."body" ->> 'tier' = 'starter'
        order by c."sort_order", c."id"
        limit 1;
    end if;
    if "partner_rate" is null then
      return null;
    end if;
    select coalesce(new."currency", p."currency", 'GBP') into "deal_currency"
      from (select 1) as one
      left join "public"."profiles" p on p."partner_id" = new."partner_id";
    select coalesce(max(e."lead_win"), 0) + 1 into "next_win"
      from "public"."earnings" e where e."lead_id" = new."id" and e."lead_win" is not null;
    insert into "public"."earnings" (
      "id", "partner_id", "kind", "lead_id", "deal_name", "commission_type", "amount", "currency", "rate", "tier",
      "deal_value", "status", "period", "lead_win", "updated_at"
    ) values (
      gen_random_uuid()::text, new."partner_id", 'commission', new."id", new."company", 'referral',
      round((new."estimated_value" * "partner_rate" / 100)::numeric, 2)::double precision, "deal_currency", "partner_rate",
      "partner_tier", new."estimated_value", 'pending', "stamp", "next_win", now()
    )
    on conflict ("lead_id", "lead_win") where "lead_win" is not null do nothing;
    return null;
  end if;

  if "live"."id" is null then
    return null;
  end if;
  if "live"."status" in ('pending', 'processing', 'reversed') then
    update "public"."earnings" set "status" = 'reversed', "updated_at" = now(),
        "reason" = coalesce("reason", 'The lead was reopened before the commission was approved.')
      where "id" = "live"."id" and "status" <> 'reversed';
  end if;
  insert into "public"."earnings" (
    "id", "partner_id", "kind", "lead_id", "deal_name", "commission_type", "amount", "currency", "rate", "tier",
    "deal_value", "status", "period", "reverses_id", "reason", "updated_at"
  ) values (
    gen_random_uuid()::text, "live"."partner_id", 'commission', "live"."lead_id", "live"."deal_name", 'clawback',
    -abs("live"."amount"), "live"."currency", "live"."rate", "live"."tier", "live"."deal_value",
    case when "live"."status" in ('approved', 'paid') then 'approved' else 'reversed' end,
    "stamp", "live"."id",
    case when new."_deleted" then 'The won lead was deleted, so its commission is reversed.'
         else format('The lead was moved from won back to %s, so its commission is reversed.', new."stage") end,
    now()
  )
  on conflict ("reverses_id") where "reverses_id" is not null do nothing;
  return null;
end
$$;
comment on function "public"."leads_commission_on_win"() is
  'Creates the pending commission when a lead is won (rate and tier from partner_status) and a clawback when a won lead is reopened or deleted; idempotent per win.';

create trigger "leads_commission_on_win" after insert or update of "stage", "estimated_value", "_deleted" on "public"."leads"
  for each row execute function "public"."leads_commission_on_win"();
