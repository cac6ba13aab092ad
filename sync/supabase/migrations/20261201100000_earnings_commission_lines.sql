-- Earnings become explainable commission lines: what kind of line it is (including bonuses and
-- clawbacks), the deal value, rate and tier at the time, the payout it went into, the reason for a
-- clawback or an adjustment and the history of admin adjustments. Still written by the server and
-- admins only: partners keep the select-own policy and nothing else (see earnings).
--
-- Amounts are signed: a clawback line is negative. Statuses:
--   pending     the deal is won, SISO has not confirmed the client paid yet
--   processing  SISO is checking it
--   approved    confirmed; counts towards the balance the partner can withdraw
--   paid        paid out, in the payout named by payout_id
--   reversed    cancelled before it was paid (e.g. the won lead was reopened); never counts
-- The withdrawable balance is defined in migration payouts (partner_available_balance).

alter table "public"."earnings"
  add column "tier" text check ("tier" is null or "tier" in ('starter', 'active', 'performer', 'elite')),
  add column "deal_value" double precision,
  add column "payout_id" text,
  add column "reason" text,
  add column "reverses_id" text,
  add column "lead_win" integer check ("lead_win" is null or "lead_win" > 0),
  add column "history" jsonb not null default '[]'::jsonb;

alter table "public"."earnings" drop constraint "earnings_commission_type_check";
alter table "public"."earnings" add constraint "earnings_commission_type_check"
  check ("commission_type" in ('referral', 'upsell', 'base', 'bonus', 'clawback'));
alter table "public"."earnings" drop constraint "earnings_status_check";
alter table "public"."earnings" add constraint "earnings_status_check"
  check ("status" in ('pending', 'processing', 'approved', 'paid', 'reversed'));
alter table "public"."earnings" add constraint "earnings_clawback_is_negative"
  check ("commission_type" is distinct from 'clawback' or "amount" <= 0);

-- One commission per win of a lead (lead_win counts the wins), and at most one clawback per line:
-- these make the won-lead trigger idempotent even if it ran twice for the same change.
create unique index "earnings_one_commission_per_win" on "public"."earnings" ("lead_id", "lead_win")
  where "lead_win" is not null;
create unique index "earnings_one_clawback_per_line" on "public"."earnings" ("reverses_id")
  where "reverses_id" is not null;
create index "earnings_lead_id" on "public"."earnings" ("lead_id");
create index "earnings_payout_id" on "public"."earnings" ("payout_id");

comment on table "public"."earnings" is
  'Commission lines (referral, upsell, base, bonus, clawback; amount signed, rate percent, tier and deal value at the time) for a partner; created by the server when a lead is won and by admins. Pull-only for partners.';
comment on column "public"."earnings"."kind" is
  'commission for every line since the payouts table exists; payout rows from before it were moved there.';
comment on column "public"."earnings"."lead_win" is
  'Which win of lead_id this commission is for (1 = first). Set by the won-lead trigger; null for admin-recorded lines.';
comment on column "public"."earnings"."reverses_id" is 'For a clawback line: the commission line it reverses.';
comment on column "public"."earnings"."history" is
  '[{ "at": ISO, "by": admin user id, "amount_from", "amount_to", "status_from", "status_to", "reason" }] — admin adjustments, oldest first.';
