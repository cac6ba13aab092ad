-- Sync machinery: every synced row gets `_modified` from one sequence, stamped by the server.
--
-- Why the advisory lock: a plain nextval() hands out numbers in call order, not commit order. If
-- transaction A takes 5, transaction B takes 6 and commits first, a client pulling
-- `(_modified, id) > checkpoint` sees 6, moves its checkpoint past 5 and never sees A's row.
-- Taking one transaction-scoped advisory lock before nextval() means a second writer waits until
-- the first commits (or rolls back), so a smaller `_modified` is always visible before a larger
-- one can exist. The cost is that writing transactions are serialized from their first synced
-- write until commit — fine for this workload, and each request is one short transaction.

create sequence if not exists "public"."sync_modified_seq" as bigint;

create or replace function "public"."sync_stamp_modified"() returns trigger
language plpgsql
security definer
set search_path = ''
as $$
begin
  perform pg_advisory_xact_lock(7368291045);
  new."_modified" := nextval('"public"."sync_modified_seq"');
  return new;
end
$$;

comment on function "public"."sync_stamp_modified"() is
  'Stamps _modified from sync_modified_seq in commit order (see migration sync_machinery).';
