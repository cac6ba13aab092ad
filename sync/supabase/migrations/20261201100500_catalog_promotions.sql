-- Promotions are catalog content: admins publish, edit and retire them like assets and templates,
-- and partners pull them (published ones, locked ones too) for the Commission center's bonus
-- tracking. body: { headline, description, reward (text), starts_at, ends_at }; who qualifies is
-- the row's tier_required. Matches the RxDB catalog schema version 1.

alter table "public"."catalog" drop constraint "catalog_kind_check";
alter table "public"."catalog" add constraint "catalog_kind_check"
  check ("kind" in ('asset', 'template', 'course', 'article', 'tier_rule', 'announcement', 'brand_guideline', 'promotion'));

-- A promotion without a reward or dates would show partners an offer nobody can check; the app
-- validates the same with promotionBodySchema (sync/schema/catalog-bodies.ts).
alter table "public"."catalog" add constraint "catalog_promotion_body"
  check ("kind" <> 'promotion' or (
    coalesce(btrim("body" ->> 'headline'), '') <> ''
    and coalesce(btrim("body" ->> 'reward'), '') <> ''
    and "body" ? 'starts_at' and "body" ? 'ends_at'
    and ("body" ->> 'ends_at')::timestamptz > ("body" ->> 'starts_at')::timestamptz
  ));

comment on table "public"."catalog" is
  'Admin-authored content: marketing assets, proposal templates, courses, articles, tier rules, announcements, brand guidelines, promotions. Every partner sees published rows (locked ones too, to show what unlocks them); files in the assets bucket are gated by tier_required. Pull-only for partners.';
