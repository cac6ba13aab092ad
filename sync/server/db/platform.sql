-- What the Supabase platform provides before a project's migrations run: the API roles and their
-- default grants, the auth schema (users, sessions, refresh tokens, auth.uid()/role()/jwt()/email()),
-- the storage schema (buckets, objects, path helpers) and the empty supabase_realtime publication.
-- Only the local backend runs this file; a real Supabase project already has all of it.
-- Re-runnable: the roles are cluster-wide and survive a reset that drops the schemas.

do $$
begin
  if not exists (select 1 from pg_roles where rolname = 'anon') then
    create role "anon" nologin noinherit;
  end if;
  if not exists (select 1 from pg_roles where rolname = 'authenticated') then
    create role "authenticated" nologin noinherit;
  end if;
  if not exists (select 1 from pg_roles where rolname = 'service_role') then
    create role "service_role" nologin noinherit bypassrls;
  end if;
  if not exists (select 1 from pg_roles where rolname = 'authenticator') then
    create role "authenticator" nologin noinherit;
  end if;
end
$$;

grant "anon", "authenticated", "service_role" to "authenticator";

-- public: Supabase grants everything to the API roles and relies on RLS.
grant usage on schema "public" to "anon", "authenticated", "service_role";
alter default privileges in schema "public" grant all on tables to "anon", "authenticated", "service_role";
alter default privileges in schema "public" grant all on sequences to "anon", "authenticated", "service_role";
alter default privileges in schema "public" grant all on functions to "anon", "authenticated", "service_role";

-- auth ---------------------------------------------------------------------------------------
create schema if not exists "auth";
grant usage on schema "auth" to "anon", "authenticated", "service_role";

create table if not exists "auth"."users" (
  "id" uuid primary key default gen_random_uuid(),
  "email" text unique,
  "encrypted_password" text,
  "raw_app_meta_data" jsonb not null default '{}'::jsonb,
  "raw_user_meta_data" jsonb not null default '{}'::jsonb,
  "created_at" timestamptz not null default now(),
  "updated_at" timestamptz not null default now(),
  "last_sign_in_at" timestamptz,
  "banned_until" timestamptz
);

create table if not exists "auth"."sessions" (
  "id" uuid primary key default gen_random_uuid(),
  "user_id" uuid not null references "auth"."users" ("id") on delete cascade,
  "created_at" timestamptz not null default now(),
  "updated_at" timestamptz not null default now(),
  "not_after" timestamptz
);
create index if not exists "sessions_user_id_idx" on "auth"."sessions" ("user_id");

create table if not exists "auth"."refresh_tokens" (
  "id" bigserial primary key,
  "token" text not null unique,
  "user_id" uuid not null references "auth"."users" ("id") on delete cascade,
  "session_id" uuid references "auth"."sessions" ("id") on delete cascade,
  "parent" text,
  "revoked" boolean not null default false,
  "created_at" timestamptz not null default now(),
  "updated_at" timestamptz not null default now()
);
create index if not exists "refresh_tokens_session_id_idx" on "auth"."refresh_tokens" ("session_id");

grant all on all tables in schema "auth" to "service_role";
grant all on all sequences in schema "auth" to "service_role";

-- As Supabase defines them: the legacy per-claim settings win when present.
create or replace function "auth"."uid"() returns uuid
language sql stable
as $$
  select coalesce(
    nullif(current_setting('request.jwt.claim.sub', true), ''),
    (nullif(current_setting('request.jwt.claims', true), '')::jsonb ->> 'sub')
  )::uuid
$$;

create or replace function "auth"."role"() returns text
language sql stable
as $$
  select coalesce(
    nullif(current_setting('request.jwt.claim.role', true), ''),
    (nullif(current_setting('request.jwt.claims', true), '')::jsonb ->> 'role')
  )::text
$$;

create or replace function "auth"."email"() returns text
language sql stable
as $$
  select coalesce(
    nullif(current_setting('request.jwt.claim.email', true), ''),
    (nullif(current_setting('request.jwt.claims', true), '')::jsonb ->> 'email')
  )::text
$$;

create or replace function "auth"."jwt"() returns jsonb
language sql stable
as $$
  select coalesce(
    nullif(current_setting('request.jwt.claim', true), ''),
    nullif(current_setting('request.jwt.claims', true), '')
  )::jsonb
$$;

grant execute on function "auth"."uid"(), "auth"."role"(), "auth"."email"(), "auth"."jwt"()
  to "anon", "authenticated", "service_role";

-- storage ------------------------------------------------------------------------------------
create schema if not exists "storage";
grant usage on schema "storage" to "anon", "authenticated", "service_role";

create table if not exists "storage"."buckets" (
  "id" text primary key,
  "name" text not null unique,
  "owner" uuid,
  "public" boolean not null default false,
  "file_size_limit" bigint,
  "allowed_mime_types" text[],
  "created_at" timestamptz not null default now(),
  "updated_at" timestamptz not null default now()
);

create table if not exists "storage"."objects" (
  "id" uuid primary key default gen_random_uuid(),
  "bucket_id" text not null references "storage"."buckets" ("id"),
  "name" text not null,
  "owner" uuid,
  -- size (bytes), mimetype, sha256 (hex), eTag, cacheControl, as the storage API writes them
  "metadata" jsonb not null default '{}'::jsonb,
  "created_at" timestamptz not null default now(),
  "updated_at" timestamptz not null default now(),
  "last_accessed_at" timestamptz not null default now(),
  unique ("bucket_id", "name")
);

alter table "storage"."buckets" enable row level security;
alter table "storage"."objects" enable row level security;
grant all on "storage"."buckets", "storage"."objects" to "anon", "authenticated", "service_role";

create or replace function "storage"."foldername"("name" text) returns text[]
language plpgsql immutable
as $$
declare
  _parts text[];
begin
  select string_to_array("name", '/') into _parts;
  return _parts[1:array_length(_parts, 1) - 1];
end
$$;

create or replace function "storage"."filename"("name" text) returns text
language plpgsql immutable
as $$
declare
  _parts text[];
begin
  select string_to_array("name", '/') into _parts;
  return _parts[array_length(_parts, 1)];
end
$$;

create or replace function "storage"."extension"("name" text) returns text
language plpgsql immutable
as $$
declare
  _parts text[];
  _filename text;
begin
  select string_to_array("name", '/') into _parts;
  select _parts[array_length(_parts, 1)] into _filename;
  return reverse(split_part(reverse(_filename), '.', 1));
end
$$;

grant execute on function "storage"."foldername"(text), "storage"."filename"(text), "storage"."extension"(text)
  to "anon", "authenticated", "service_role";

-- realtime -----------------------------------------------------------------------------------
do $$
begin
  if not exists (select 1 from pg_publication where pubname = 'supabase_realtime') then
    create publication "supabase_realtime";
  end if;
end
$$;
