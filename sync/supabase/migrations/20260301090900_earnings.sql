create table "public"."earnings" (
  "id" text primary key,
  "partner_id" uuid not null references "auth"."users" ("id") on delete cascade,
  "kind" text not null check ("kind" in ('commission', 'payout')),
  "lead_id" text,
  "deal_name" text,
  "commission_type" text check ("commission_type" in ('referral', 'upsell', 'base')),
  "amount" double precision not null,
  "currency" text not null check ("currency" ~ '^[A-Z]{3}$'),
  "rate" double precision,
  "status" text not null default 'pending' check ("status" in ('pending', 'processing', 'paid')),
  "period" text,
  "paid_at" timestamptz,
  "created_at" timestamptz not null default now(),
  "updated_at" timestamptz,
  "_modified" bigint not null,
  "_deleted" boolean not null default false
);
comment on table "public"."earnings" is
  'Commissions earned on won deals and payouts made to the partner; rate is percent. Written by admins. Pull-only for partners.';

create trigger "sync_stamp_modified" before insert or update on "public"."earnings"
  for each row execute function "public"."sync_stamp_modified"();
create index "earnings_pull_order" on "public"."earnings" ("_modified", "id");
create index "earnings_partner_id" on "public"."earnings" ("partner_id");

alter table "public"."earnings" enable row level security;
create policy "partners read their own earnings" on "public"."earnings"
  for select to "authenticated" using ("partner_id" = "auth"."uid"());
create policy "admins read every earning" on "public"."earnings"
  for select to "authenticated" using ("public"."is_admin"());
create policy "admins record earnings" on "public"."earnings"
  for insert to "authenticated" with check ("public"."is_admin"());
create policy "admins change earnings" on "public"."earnings"
  for update to "authenticated" using ("public"."is_admin"()) with check ("public"."is_admin"());
