-- Buckets and their object policies. Assets are tier-gated files described by catalog rows; brand
-- holds each partner's logo under "<user id>/…".

insert into "storage"."buckets" ("id", "name", "public", "file_size_limit", "allowed_mime_types") values
  ('assets', 'assets', false, 52428800, null),
  ('brand', 'brand', false, 2097152, array['image/png', 'image/jpeg', 'image/svg+xml'])
on conflict ("id") do update set
  "public" = excluded."public",
  "file_size_limit" = excluded."file_size_limit",
  "allowed_mime_types" = excluded."allowed_mime_types";

-- Owner rights, so the check sees unpublished rows' absence and the caller's tier regardless of RLS.
create or replace function "public"."asset_is_unlocked"("object_name" text) returns boolean
language sql stable
security definer
set search_path = ''
as $$
  select exists (
    select 1 from "public"."catalog" c
    where c."file_path" = "object_name"
      and c."published"
      and not c."_deleted"
      and "public"."tier_rank"(c."tier_required") <= "public"."tier_rank"("public"."current_partner_tier"())
  )
$$;

create policy "signed-in users see buckets" on "storage"."buckets"
  for select to "authenticated" using (true);

create policy "partners download unlocked assets" on "storage"."objects"
  for select to "authenticated"
  using ("bucket_id" = 'assets' and ("public"."is_admin"() or "public"."asset_is_unlocked"("name")));
create policy "admins upload assets" on "storage"."objects"
  for insert to "authenticated" with check ("bucket_id" = 'assets' and "public"."is_admin"());
create policy "admins replace assets" on "storage"."objects"
  for update to "authenticated"
  using ("bucket_id" = 'assets' and "public"."is_admin"())
  with check ("bucket_id" = 'assets' and "public"."is_admin"());
create policy "admins remove assets" on "storage"."objects"
  for delete to "authenticated" using ("bucket_id" = 'assets' and "public"."is_admin"());

create policy "partners read their own brand files" on "storage"."objects"
  for select to "authenticated"
  using ("bucket_id" = 'brand' and (("storage"."foldername"("name"))[1] = "auth"."uid"()::text or "public"."is_admin"()));
create policy "partners upload their own brand files" on "storage"."objects"
  for insert to "authenticated"
  with check ("bucket_id" = 'brand' and ("storage"."foldername"("name"))[1] = "auth"."uid"()::text);
create policy "partners replace their own brand files" on "storage"."objects"
  for update to "authenticated"
  using ("bucket_id" = 'brand' and ("storage"."foldername"("name"))[1] = "auth"."uid"()::text)
  with check ("bucket_id" = 'brand' and ("storage"."foldername"("name"))[1] = "auth"."uid"()::text);
create policy "partners remove their own brand files" on "storage"."objects"
  for delete to "authenticated"
  using ("bucket_id" = 'brand' and ("storage"."foldername"("name"))[1] = "auth"."uid"()::text);
