-- Where SISO pays a partner, and their tax details. The full details go through an RPC into a
-- table nobody can read through the API (partners write them, never read them back; SISO's
-- finance tooling reads them with the service role). Only a masked summary lands on the
-- partner's profile, so only that reaches the local store.

create table "public"."payout_details" (
  "partner_id" uuid primary key references "auth"."users" ("id") on delete cascade,
  "method" text check ("method" in ('bank', 'paypal')),
  "account_holder" text,
  "iban" text,
  "bic" text,
  "paypal_email" text,
  "legal_name" text,
  "tax_country" text,
  "tax_id" text,
  "method_updated_at" timestamptz,
  "tax_updated_at" timestamptz
);
comment on table "public"."payout_details" is
  'Full payout (IBAN/BIC or PayPal e-mail) and tax details per partner. Server-only: written by set_payout_method and set_tax_details, read by the service role; no policies, so partners and admins on the API see nothing.';
alter table "public"."payout_details" enable row level security;
revoke all on "public"."payout_details" from "anon", "authenticated";

alter table "public"."profiles" add column "tax_details" text;
comment on column "public"."profiles"."payout_method" is 'bank or paypal; written by set_payout_method only.';
comment on column "public"."profiles"."payout_details" is
  'Masked summary as JSON text, e.g. {"kind":"bank","account_holder":"…","country":"GB","last4":"1234"}; written by set_payout_method only.';
comment on column "public"."profiles"."tax_details" is
  'Masked summary as JSON text: {"legal_name":"…","country":"GB","tax_id_last4":"6789"}; written by set_tax_details only.';

-- The profile is two-way synced, so without this a partner could write anything into the masked
-- columns. Inserts drop such values (a new profile starts without payout details); updates that
-- change them are refused. The RPCs below run as the table owner, so they pass.
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
  elsif (new."payout_method", new."payout_details", new."tax_details")
        is distinct from (old."payout_method", old."payout_details", old."tax_details") then
    raise exception 'Payout and tax details can only be changed under Payment management, which sends them to SISO securely.'
      using errcode = '42501';
  end if;
  return new;
end
$$;

create trigger "profiles_payout_columns_by_rpc_only" before insert or update on "public"."profiles"
  for each row execute function "public"."profiles_payout_columns_by_rpc_only"();

-- ISO 13616: move the first four characters to the end, letters to numbers (A = 10 … Z = 35),
-- and the number mod 97 must be 1. Folded digit by digit so no big integers are needed.
create or replace function "public"."iban_is_valid"("iban" text) returns boolean
language plpgsql immutable
set search_path = ''
as $$
declare
  "rearranged" text;
  "remainder" integer := 0;
  "code" integer;
begin
  if "iban" is null or "iban" !~ '^[A-Z]{2}[0-9]{2}[A-Z0-9]{11,30}$' then
    return false;
  end if;
  "rearranged" := substr("iban", 5) || substr("iban", 1, 4);
  for "i" in 1 .. length("rearranged") loop
    "code" := ascii(substr("rearranged", "i", 1));
    if "code" between 48 and 57 then
      "remainder" := ("remainder" * 10 + ("code" - 48)) % 97;
    else
      "remainder" := ("remainder" * 100 + ("code" - 55)) % 97;
    end if;
  end loop;
  return "remainder" = 1;
end
$$;

create or replace function "public"."partner_has_payout_method"("target_partner" uuid, "payout_method" text)
returns boolean
language sql stable
security definer
set search_path = ''
as $$
  select exists (
    select 1 from "public"."payout_details" d
    where d."partner_id" = "target_partner" and d."method" = "payout_method"
  )
$$;
revoke execute on function "public"."partner_has_payout_method"(uuid, text) from public, "anon";
grant execute on function "public"."partner_has_payout_method"(uuid, text) to "authenticated", "service_role";

create or replace function "public"."set_payout_method"(
  "kind" text,
  "account_holder" text default null,
  "iban" text default null,
  "bic" text default null,
  "paypal_email" text default null
) returns text
language plpgsql
security definer
set search_path = ''
as $$
declare
  "partner" uuid := "auth"."uid"();
  "clean_iban" text := upper(regexp_replace(coalesce("iban", ''), '[\s-]', '', 'g'));
  "clean_bic" text := nullif(upper(regexp_replace(coalesce("bic", ''), '\s', '', 'g')), '');
  "clean_holder" text := btrim(coalesce("account_holder", ''));
  "clean_email" text := lower(btrim(coalesce("paypal_email", '')));
  "summary" jsonb;
begin
  if "partner" is null then
    raise exception 'Sign in to save a payout method.' using errcode = '42501';
  end if;
  if "kind" = 'bank' then
    if length("clean_holder") < 2 or length("clean_holder") > 140 then
      raise exception 'Enter the account holder''s name as the bank knows it (2 to 140 characters).' using errcode = '22023';
    end if;
    if not "public"."iban_is_valid"("clean_iban") then
      raise exception 'That IBAN is not valid. Check it against your bank statement: two letters, two check digits, then the account number.'
        using errcode = '22023';
    end if;
    if "clean_bic" is not null and "clean_bic" !~ '^[A-Z]{6}[A-Z0-9]{2}([A-Z0-9]{3})?$' then
      raise exception 'That BIC (SWIFT code) is not valid. It has 8 or 11 letters and digits, e.g. NWBKGB2L.' using errcode = '22023';
    end if;
    insert into "public"."payout_details" ("partner_id", "method", "account_holder", "iban", "bic", "paypal_email", "method_updated_at")
      values ("partner", 'bank', "clean_holder", "clean_iban", "clean_bic", null, now())
      on conflict ("partner_id") do update set "method" = 'bank', "account_holder" = excluded."account_holder",
        "iban" = excluded."iban", "bic" = excluded."bic", "paypal_email" = null, "method_updated_at" = now();
    "summary" := jsonb_build_object('kind', 'bank', 'account_holder', "clean_holder",
      'country', substr("clean_iban", 1, 2), 'last4', right("clean_iban", 4));
  elsif "kind" = 'paypal' then
    if length("clean_email") > 254 or "clean_email" !~ '^[^@\s]+@[^@\s]+\.[^@\s]+$' then
      raise exception 'Enter the e-mail address of your PayPal account, e.g. name@example.com.' using errcode = '22023';
    end if;
    insert into "public"."payout_details" ("partner_id", "method", "account_holder", "iban", "bic", "paypal_email", "method_updated_at")
      values ("partner", 'paypal', null, null, null, "clean_email", now())
      on conflict ("partner_id") do update set "method" = 'paypal', "account_holder" = null,
        "iban" = null, "bic" = null, "paypal_email" = excluded."paypal_email", "method_updated_at" = now();
    "summary" := jsonb_build_object('kind', 'paypal',
      'email', left("clean_email", 1) || '•••' || substr("clean_email", position('@' in "clean_email")));
  else
    raise exception 'Choose bank (a bank account) or paypal as the payout method.' using errcode = '22023';
  end if;

  update "public"."profiles" set "payout_method" = "kind", "payout_details" = "summary"::text, "updated_at" = now()
    where "partner_id" = "partner";
  if not found then
    raise exception 'Your profile has not reached SISO yet. Let the workstation sync, then save your payout method again.'
      using errcode = 'P0002';
  end if;
  return "summary"::text;
end
$$;
comment on function "public"."set_payout_method"(text, text, text, text, text) is
  'Partners: stores full bank (IBAN/BIC) or PayPal details server-side and puts only a masked summary on their profile. Returns the summary (JSON text).';
revoke execute on function "public"."set_payout_method"(text, text, text, text, text) from public, "anon";
grant execute on function "public"."set_payout_method"(text, text, text, text, text) to "authenticated";

create or replace function "public"."set_tax_details"("legal_name" text, "country" text, "tax_id" text)
returns text
language plpgsql
security definer
set search_path = ''
as $$
declare
  "partner" uuid := "auth"."uid"();
  "clean_name" text := btrim(coalesce("legal_name", ''));
  "clean_country" text := upper(btrim(coalesce("country", '')));
  "clean_tax_id" text := upper(regexp_replace(coalesce("tax_id", ''), '[\s.\-/]', '', 'g'));
  "summary" jsonb;
begin
  if "partner" is null then
    raise exception 'Sign in to save your tax details.' using errcode = '42501';
  end if;
  if length("clean_name") < 2 or length("clean_name") > 200 then
    raise exception 'Enter your legal name or your company''s registered name (2 to 200 characters).' using errcode = '22023';
  end if;
  if "clean_country" !~ '^[A-Z]{2}$' then
    raise exception 'Choose the country you pay tax in (a two-letter code such as GB).' using errcode = '22023';
  end if;
  if "clean_tax_id" !~ '^[A-Z0-9]{5,20}$' then
    raise exception 'That tax ID is not valid. Enter 5 to 20 letters and digits, e.g. your VAT or UTR number.' using errcode = '22023';
  end if;
  insert into "public"."payout_details" ("partner_id", "legal_name", "tax_country", "tax_id", "tax_updated_at")
    values ("partner", "clean_name", "clean_country", "clean_tax_id", now())
    on conflict ("partner_id") do update set "legal_name" = excluded."legal_name", "tax_country" = excluded."tax_country",
      "tax_id" = excluded."tax_id", "tax_updated_at" = now();
  "summary" := jsonb_build_object('legal_name', "clean_name", 'country', "clean_country", 'tax_id_last4', right("clean_tax_id", 4));
  update "public"."profiles" set "tax_details" = "summary"::text, "updated_at" = now() where "partner_id" = "partner";
  if not found then
    raise exception 'Your profile has not reached SISO yet. Let the workstation sync, then save your tax details again.'
      using errcode = 'P0002';
  end if;
  return "summary"::text;
end
$$;
comment on function "public"."set_tax_details"(text, text, text) is
  'Partners: stores legal name, tax country and tax ID server-side and puts a masked summary on their profile. Returns the summary (JSON text).';
revoke execute on function "public"."set_tax_details"(text, text, text) from public, "anon";
grant execute on function "public"."set_tax_details"(text, text, text) to "authenticated";
