-- Who is asking: admin flag from the JWT's app_metadata, tier ranks, and the caller's tier.

create or replace function "public"."is_admin"() returns boolean
language sql stable
security definer
set search_path = ''
as $$
  select coalesce(("auth"."jwt"() -> 'app_metadata' ->> 'role') = 'admin', false)
$$;

create or replace function "public"."tier_rank"("tier" text) returns integer
language sql immutable
security definer
set search_path = ''
as $$
  select case "tier"
    when 'starter' then 1
    when 'active' then 2
    when 'performer' then 3
    when 'elite' then 4
    else 0
  end
$$;

-- plpgsql so the body is resolved at call time: partner_status is created by a later migration.
create or replace function "public"."current_partner_tier"() returns text
language plpgsql stable
security definer
set search_path = ''
as $$
begin
  return (
    select ps."tier" from "public"."partner_status" ps
    where ps."partner_id" = "auth"."uid"() and not ps."_deleted"
  );
end
$$;
