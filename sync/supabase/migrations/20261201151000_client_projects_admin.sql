-- Client projects (issue 16, Clients): admins set the projects SISO delivers for a won lead through
-- one function that checks the agreed shape (clientProjectsSchema in sync/domain/clients.ts), so a
-- malformed list never reaches partners' devices. The column and the guard that keeps partners
-- from writing it are in 20261201150000_deal_registration.sql.

create or replace function "public"."client_projects_problem"("projects" jsonb) returns text
language plpgsql immutable
set search_path = ''
as $$
declare
  v_project jsonb;
  v_index integer := 0;
begin
  if "projects" is null or jsonb_typeof("projects") <> 'array' then
    return 'The projects must be a list.';
  end if;
  if jsonb_array_length("projects") > 100 then
    return 'A client can have at most 100 projects.';
  end if;
  for v_project in select value from jsonb_array_elements("projects") loop
    v_index := v_index + 1;
    if jsonb_typeof(v_project) <> 'object' then
      return format('Project %s is not an object.', v_index);
    end if;
    if jsonb_typeof(v_project -> 'id') is distinct from 'string' or length(v_project ->> 'id') not between 1 and 64 then
      return format('Project %s needs an id.', v_index);
    end if;
    if jsonb_typeof(v_project -> 'name') is distinct from 'string' or length(trim(v_project ->> 'name')) not between 1 and 200 then
      return format('Project %s needs a name of 1 to 200 characters.', v_index);
    end if;
    if coalesce(v_project ->> 'status', '') not in ('planned', 'in_progress', 'delivered', 'on_hold') then
      return format('Project %s has an unknown status.', v_index);
    end if;
    if not (v_project ? 'value') or not (jsonb_typeof(v_project -> 'value') = 'null'
        or (jsonb_typeof(v_project -> 'value') = 'number' and (v_project ->> 'value')::numeric >= 0)) then
      return format('Project %s needs a value of zero or more, or null.', v_index);
    end if;
    if not (v_project ? 'currency') or not (jsonb_typeof(v_project -> 'currency') = 'null'
        or (jsonb_typeof(v_project -> 'currency') = 'string' and (v_project ->> 'currency') ~ '^[A-Z]{3}$')) then
      return format('Project %s needs a three-letter currency code, or null.', v_index);
    end if;
    if not (v_project ? 'started_at') or not (jsonb_typeof(v_project -> 'started_at') = 'null'
        or (jsonb_typeof(v_project -> 'started_at') = 'string' and (v_project ->> 'started_at') ~ '^\d{4}-\d{2}-\d{2}')) then
      return format('Project %s needs a start date (YYYY-MM-DD), or null.', v_index);
    end if;
    if not (v_project ? 'delivered_at') or not (jsonb_typeof(v_project -> 'delivered_at') = 'null'
        or (jsonb_typeof(v_project -> 'delivered_at') = 'string' and (v_project ->> 'delivered_at') ~ '^\d{4}-\d{2}-\d{2}')) then
      return format('Project %s needs a delivery date (YYYY-MM-DD), or null.', v_index);
    end if;
  end loop;
  return null;
end
$$;

create or replace function "public"."admin_set_client_projects"("lead_id" text, "projects" jsonb)
returns "public"."leads"
language plpgsql
security definer
set search_path = ''
as $$
declare
  v_lead "public"."leads";
  v_problem text;
begin
  if not "public"."is_admin"() then
    raise exception 'Only SISO admins record client projects.' using errcode = '42501';
  end if;
  v_problem := "public"."client_projects_problem"("admin_set_client_projects"."projects");
  if v_problem is not null then
    raise exception '%', v_problem using errcode = '22023';
  end if;
  select * into v_lead from "public"."leads" l where l."id" = "admin_set_client_projects"."lead_id" and not l."_deleted" for update;
  if not found then
    raise exception 'This lead no longer exists. Reload the client list.' using errcode = 'P0002';
  end if;
  if v_lead."stage" <> 'won' then
    raise exception 'Only won leads are clients; this lead is at the % stage. Reload the client list.', v_lead."stage" using errcode = '23514';
  end if;
  update "public"."leads" l set
    "client_projects" = "admin_set_client_projects"."projects"::text,
    "updated_at" = now()
    where l."id" = v_lead."id"
    returning * into v_lead;
  return v_lead;
end
$$;
revoke all on function "public"."admin_set_client_projects"(text, jsonb) from public, "anon";
grant execute on function "public"."admin_set_client_projects"(text, jsonb) to "authenticated";
revoke all on function "public"."client_projects_problem"(jsonb) from public, "anon";
