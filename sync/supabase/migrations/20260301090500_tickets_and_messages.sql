create table "public"."tickets" (
  "id" text primary key,
  "partner_id" uuid not null default "auth"."uid"() references "auth"."users" ("id") on delete cascade,
  "subject" text not null,
  "category" text,
  "priority" text not null default 'normal' check ("priority" in ('low', 'normal', 'high', 'urgent')),
  "status" text not null default 'open' check ("status" in ('open', 'waiting', 'resolved', 'closed')),
  "created_at" timestamptz not null default now(),
  "updated_at" timestamptz,
  "_modified" bigint not null,
  "_deleted" boolean not null default false
);
comment on table "public"."tickets" is
  'Support requests a partner opens; support staff (admins) move them between statuses. Two-way synced.';

create trigger "sync_stamp_modified" before insert or update on "public"."tickets"
  for each row execute function "public"."sync_stamp_modified"();
create index "tickets_pull_order" on "public"."tickets" ("_modified", "id");
create index "tickets_partner_id" on "public"."tickets" ("partner_id");

alter table "public"."tickets" enable row level security;
create policy "partners read their own tickets" on "public"."tickets"
  for select to "authenticated" using ("partner_id" = "auth"."uid"());
create policy "partners open tickets for themselves" on "public"."tickets"
  for insert to "authenticated" with check ("partner_id" = "auth"."uid"());
create policy "partners update their own tickets" on "public"."tickets"
  for update to "authenticated" using ("partner_id" = "auth"."uid"()) with check ("partner_id" = "auth"."uid"());
create policy "admins read every ticket" on "public"."tickets"
  for select to "authenticated" using ("public"."is_admin"());
create policy "support staff update any ticket" on "public"."tickets"
  for update to "authenticated" using ("public"."is_admin"()) with check ("public"."is_admin"());

-- partner_id is the ticket's partner (also on support replies), so the partner pulls the whole thread.
create table "public"."ticket_messages" (
  "id" text primary key,
  "partner_id" uuid not null default "auth"."uid"() references "auth"."users" ("id") on delete cascade,
  "ticket_id" text not null references "public"."tickets" ("id") on delete cascade,
  "author_role" text not null default 'partner' check ("author_role" in ('partner', 'support')),
  "body" text not null,
  "created_at" timestamptz not null default now(),
  "updated_at" timestamptz,
  "_modified" bigint not null,
  "_deleted" boolean not null default false
);
comment on table "public"."ticket_messages" is
  'Messages on a ticket from the partner or from support (admins). Two-way synced.';

create trigger "sync_stamp_modified" before insert or update on "public"."ticket_messages"
  for each row execute function "public"."sync_stamp_modified"();
create index "ticket_messages_pull_order" on "public"."ticket_messages" ("_modified", "id");
create index "ticket_messages_partner_id" on "public"."ticket_messages" ("partner_id");
create index "ticket_messages_ticket_id" on "public"."ticket_messages" ("ticket_id");

-- Checks the ticket as the table owner, so the policy does not depend on the caller's ticket RLS.
create or replace function "public"."ticket_belongs_to"("ticket" text, "partner" uuid) returns boolean
language sql stable
security definer
set search_path = ''
as $$
  select exists (
    select 1 from "public"."tickets" t where t."id" = "ticket" and t."partner_id" = "partner"
  )
$$;

alter table "public"."ticket_messages" enable row level security;
create policy "partners read messages on their tickets" on "public"."ticket_messages"
  for select to "authenticated" using ("partner_id" = "auth"."uid"());
create policy "partners write on their own tickets" on "public"."ticket_messages"
  for insert to "authenticated" with check (
    "partner_id" = "auth"."uid"()
    and "author_role" = 'partner'
    and "public"."ticket_belongs_to"("ticket_id", "auth"."uid"())
  );
create policy "partners edit their own messages" on "public"."ticket_messages"
  for update to "authenticated"
  using ("partner_id" = "auth"."uid"() and "author_role" = 'partner')
  with check ("partner_id" = "auth"."uid"() and "author_role" = 'partner');
create policy "admins read every message" on "public"."ticket_messages"
  for select to "authenticated" using ("public"."is_admin"());
create policy "support staff reply on any ticket" on "public"."ticket_messages"
  for insert to "authenticated" with check (
    "public"."is_admin"()
    and "author_role" = 'support'
    and "public"."ticket_belongs_to"("ticket_id", "partner_id")
  );
