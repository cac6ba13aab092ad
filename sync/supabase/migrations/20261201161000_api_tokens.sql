-- Elite personal API tokens: a server-only table of hashed secrets, the RPCs that create, list,
-- revoke and exchange them, and the read-only `partner_api` role the exchanged JWTs run as.
-- Writes are impossible by grants (partner_api holds SELECT on leads, earnings and payouts only)
-- and `check_api_token()` (PostgREST's db-pre-request hook) refuses a revoked or expired token,
-- a table outside the token's scopes and every RPC on each request.

do $$
begin
  if not exists (select 1 from pg_roles where rolname = 'partner_api') then
    create role "partner_api" nologin noinherit;
  end if;
end
$$;
grant "partner_api" to "authenticator";
grant usage on schema "public" to "partner_api";

create table "public"."api_tokens" (
  "id" uuid primary key default gen_random_uuid(),
  "partner_id" uuid not null references "auth"."users" ("id") on delete cascade,
  "name" text not null check (char_length(btrim("name")) between 1 and 80),
  "token_hash" text not null unique check ("token_hash" ~ '^[0-9a-f]{64}$'),
  "scopes" text[] not null check (
    cardinality("scopes") > 0 and "scopes" <@ array['leads', 'clients', 'earnings', 'payouts']::text[]
  ),
  "created_at" timestamptz not null default now(),
  "expires_at" timestamptz not null,
  "revoked_at" timestamptz,
  "last_used_at" timestamptz
);
comment on table "public"."api_tokens" is
  'Elite partners'' personal API tokens: only the sha256 of each secret. Server-only; reached through RPCs.';
create index "api_tokens_partner_id" on "public"."api_tokens" ("partner_id");

alter table "public"."api_tokens" enable row level security;
-- No policies: partners reach their tokens only through the security definer RPCs below.
revoke all on "public"."api_tokens" from "anon", "authenticated", "partner_api";

create or replace function "public"."api_token_hash"("secret" text) returns text
language sql immutable
set search_path = ''
as $$
  select encode(sha256(convert_to("secret", 'UTF8')), 'hex')
$$;

-- Returns the secret; it is never stored and cannot be shown again.
create or replace function "public"."create_api_token"("token_name" text, "token_scopes" text[], "expires_in_days" integer)
returns table ("id" uuid, "secret" text, "expires_at" timestamptz)
language plpgsql volatile
security definer
set search_path = ''
as $$
declare
  caller uuid := "auth"."uid"();
  new_secret text;
  new_id uuid;
  new_expiry timestamptz;
begin
  if caller is null then
    raise exception 'Sign in to create an API token' using errcode = '42501';
  end if;
  if coalesce("public"."current_partner_tier"(), '') <> 'elite' then
    raise exception 'API access is an Elite feature' using errcode = '42501';
  end if;
  if "expires_in_days" is null or "expires_in_days" < 1 or "expires_in_days" > 365 then
    raise exception 'A token expires after 1 to 365 days' using errcode = '22023';
  end if;
  if (select count(*) from "public"."api_tokens" t
      where t."partner_id" = caller and t."revoked_at" is null and t."expires_at" > now()) >= 20 then
    raise exception 'You have 20 active tokens; revoke one before creating another' using errcode = '54000';
  end if;
  new_secret := 'siso_pat_' || left(
    replace(gen_random_uuid()::text, '-', '') || replace(gen_random_uuid()::text, '-', ''), 40);
  new_expiry := now() + make_interval(days => "expires_in_days");
  insert into "public"."api_tokens" ("partner_id", "name", "token_hash", "scopes", "expires_at")
  values (caller, btrim("token_name"), "public"."api_token_hash"(new_secret),
          (select array_agg(distinct s order by s) from unnest("token_scopes") s), new_expiry)
  returning "api_tokens"."id" into new_id;
  return query select new_id, new_secret, new_expiry;
end
$$;

create or replace function "public"."list_api_tokens"()
returns table ("id" uuid, "name" text, "scopes" text[], "created_at" timestamptz, "expires_at" timestamptz,
               "revoked_at" timestamptz, "last_used_at" timestamptz)
language sql stable
security definer
set search_path = ''
as $$
  select t."id", t."name", t."scopes", t."created_at", t."expires_at", t."revoked_at", t."last_used_at"
  from "public"."api_tokens" t
  where t."partner_id" = "auth"."uid"()
  order by t."created_at" desc
$$;

create or replace function "public"."revoke_api_token"("token_id" uuid) returns void
language plpgsql volatile
security definer
set search_path = ''
as $$
begin
  update "public"."api_tokens" t set "revoked_at" = coalesce(t."revoked_at", now())
  where t."id" = "token_id" and t."partner_id" = "auth"."uid"();
  if not found then
    raise exception 'No such API token' using errcode = 'P0002';
  end if;
end
$$;

-- The exchange (local backend and the api-token Edge Function) calls this as service_role: the
-- token's owner and scopes when it is live and its owner is still Elite, no row otherwise.
create or replace function "public"."exchange_api_token"("secret_hash" text)
returns table ("token_id" uuid, "partner_id" uuid, "scopes" text[])
language sql volatile
security definer
set search_path = ''
as $$
  update "public"."api_tokens" t set "last_used_at" = now()
  from "public"."partner_status" ps
  where t."token_hash" = "secret_hash"
    and t."revoked_at" is null
    and t."expires_at" > now()
    and ps."partner_id" = t."partner_id" and not ps."_deleted" and ps."tier" = 'elite'
  returning t."id", t."partner_id", t."scopes"
$$;

-- PostgREST's db-pre-request hook: a no-op for every role but partner_api.
create or replace function "public"."check_api_token"() returns void
language plpgsql stable
security definer
set search_path = ''
as $$
declare
  claims jsonb := coalesce(nullif(current_setting('request.jwt.claims', true), '')::jsonb, '{}'::jsonb);
  request_path text := coalesce(current_setting('request.path', true), '');
  request_method text := upper(coalesce(current_setting('request.method', true), ''));
  table_name text;
  token_scopes text[];
begin
  -- current_user is this function's owner here (security definer), so the claim says who called.
  if coalesce(claims ->> 'role', '') <> 'partner_api' then
    return;
  end if;
  select t."scopes" into token_scopes from "public"."api_tokens" t
  where t."id"::text = claims ->> 'token_id'
    and t."partner_id"::text = claims ->> 'sub'
    and t."revoked_at" is null
    and t."expires_at" > now();
  if token_scopes is null then
    raise exception 'This API token was revoked or has expired' using errcode = 'PT401',
      hint = 'Create a new token on the API access page';
  end if;
  if request_method not in ('', 'GET', 'HEAD') then
    raise exception 'API tokens are read-only' using errcode = '42501';
  end if;
  if request_path = '' then
    return;
  end if;
  table_name := split_part(ltrim(request_path, '/'), '/', 1);
  if table_name = 'rest' then
    -- Some deployments report the full path, /rest/v1/<table>.
    table_name := split_part(ltrim(request_path, '/'), '/', 3);
  end if;
  if table_name = 'rpc' or not (
    (table_name = 'leads' and token_scopes && array['leads', 'clients']::text[])
    or (table_name = 'earnings' and 'earnings' = any(token_scopes))
    or (table_name = 'payouts' and 'payouts' = any(token_scopes))
  ) then
    raise exception 'This API token may not read %', table_name using errcode = '42501',
      hint = 'Its scopes are ' || array_to_string(token_scopes, ', ');
  end if;
end
$$;

-- The token's owner and scopes as the JWT carries them (the pre-request hook already checked the
-- token). Read straight from the claims so partner_api needs nothing in the auth schema, which a
-- Supabase project's migrations may not grant.
create or replace function "public"."api_token_partner"() returns uuid
language sql stable
set search_path = ''
as $$
  select nullif(nullif(current_setting('request.jwt.claims', true), '')::jsonb ->> 'sub', '')::uuid
$$;

create or replace function "public"."api_token_scopes"() returns text[]
language sql stable
set search_path = ''
as $$
  select coalesce(array(select jsonb_array_elements_text(
    nullif(current_setting('request.jwt.claims', true), '')::jsonb -> 'scopes')), array[]::text[])
$$;

revoke execute on function "public"."create_api_token"(text, text[], integer) from public, "anon";
revoke execute on function "public"."list_api_tokens"() from public, "anon";
revoke execute on function "public"."revoke_api_token"(uuid) from public, "anon";
revoke execute on function "public"."exchange_api_token"(text) from public, "anon", "authenticated";
grant execute on function "public"."create_api_token"(text, text[], integer) to "authenticated";
grant execute on function "public"."list_api_tokens"() to "authenticated";
grant execute on function "public"."revoke_api_token"(uuid) to "authenticated";
grant execute on function "public"."exchange_api_token"(text) to "service_role";
revoke execute on function "public"."create_api_token"(text, text[], integer) from "partner_api";
revoke execute on function "public"."list_api_tokens"() from "partner_api";
revoke execute on function "public"."revoke_api_token"(uuid) from "partner_api";
revoke execute on function "public"."exchange_api_token"(text) from "partner_api";

-- Read-only by grants: SELECT on the three tables and nothing else.
grant select on "public"."leads", "public"."earnings", "public"."payouts" to "partner_api";

create policy "api tokens read their owner's leads" on "public"."leads"
  for select to "partner_api" using (
    "partner_id" = "public"."api_token_partner"() and not "_deleted" and (
      'leads' = any("public"."api_token_scopes"())
      or ('clients' = any("public"."api_token_scopes"()) and "stage" = 'won')
    )
  );
create policy "api tokens read their owner's earnings" on "public"."earnings"
  for select to "partner_api" using (
    "partner_id" = "public"."api_token_partner"() and 'earnings' = any("public"."api_token_scopes"())
  );
create policy "api tokens read their owner's payouts" on "public"."payouts"
  for select to "partner_api" using (
    "partner_id" = "public"."api_token_partner"() and 'payouts' = any("public"."api_token_scopes"())
  );

-- On Supabase, PostgREST runs the hook before every request (the local backend calls it itself).
alter role "authenticator" set "pgrst.db_pre_request" = 'public.check_api_token';
notify pgrst, 'reload config';
