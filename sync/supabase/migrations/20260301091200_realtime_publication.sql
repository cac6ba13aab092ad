-- Every synced table streams its changes to clients (RxDB's pull stream via Realtime).
alter publication "supabase_realtime" add table
  "public"."profiles",
  "public"."leads",
  "public"."activities",
  "public"."referral_links",
  "public"."tickets",
  "public"."ticket_messages",
  "public"."training_progress",
  "public"."partner_status",
  "public"."catalog",
  "public"."earnings",
  "public"."notifications",
  "public"."link_clicks";
