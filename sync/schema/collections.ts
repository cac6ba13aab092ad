/**
 * The 13 local collections (the RxDB free edition's limit), one per Supabase table, with their zod and RxDB schemas and sync
 * direction. Collection names equal table names so replication can map them one to one.
 */
import type { z } from 'zod';
import type { RxCollection, RxJsonSchema } from 'rxdb';
import { activitiesRxSchema, activitySchema, type ActivityDoc } from './activities.schema';
import { catalogRxSchema, catalogSchema, type CatalogDoc } from './catalog.schema';
import { earningSchema, earningsRxSchema, type EarningDoc } from './earnings.schema';
import { leadSchema, leadsRxSchema, type LeadDoc } from './leads.schema';
import { linkClickSchema, linkClicksRxSchema, type LinkClickDoc } from './link-clicks.schema';
import { notificationSchema, notificationsRxSchema, type NotificationDoc } from './notifications.schema';
import { payoutSchema, payoutsRxSchema, type PayoutDoc } from './payouts.schema';
import { partnerStatusRxSchema, partnerStatusSchema, type PartnerStatusDoc } from './partner-status.schema';
import { profileSchema, profilesRxSchema, type ProfileDoc } from './profiles.schema';
import { referralLinkSchema, referralLinksRxSchema, type ReferralLinkDoc } from './referral-links.schema';
import { ticketMessageSchema, ticketMessagesRxSchema, type TicketMessageDoc } from './ticket-messages.schema';
import { ticketSchema, ticketsRxSchema, type TicketDoc } from './tickets.schema';
import { trainingProgressRxSchema, trainingProgressSchema, type TrainingProgressDoc } from './training-progress.schema';

export interface WorkstationDocTypes {
  profiles: ProfileDoc;
  leads: LeadDoc;
  activities: ActivityDoc;
  referral_links: ReferralLinkDoc;
  tickets: TicketDoc;
  ticket_messages: TicketMessageDoc;
  training_progress: TrainingProgressDoc;
  partner_status: PartnerStatusDoc;
  catalog: CatalogDoc;
  earnings: EarningDoc;
  notifications: NotificationDoc;
  link_clicks: LinkClickDoc;
  payouts: PayoutDoc;
}

export type CollectionName = keyof WorkstationDocTypes;
export type DocOf<N extends CollectionName> = WorkstationDocTypes[N];

export type WorkstationCollections = {
  [N in CollectionName]: RxCollection<WorkstationDocTypes[N]>;
};

/**
 * two-way: the partner writes and the plugin pushes, so documents hold scalar fields only.
 * pull-only: admin-authored; partners only read (notifications are pushed too, but RLS lets the
 * partner change read_at alone).
 */
export type SyncDirection = 'two-way' | 'pull-only';

export interface CollectionDefinition<T> {
  schema: RxJsonSchema<T>;
  validator: z.ZodType<T>;
  direction: SyncDirection;
}

export type WorkstationCollectionDefinitions = {
  [N in CollectionName]: CollectionDefinition<WorkstationDocTypes[N]>;
};

export const WORKSTATION_COLLECTIONS: WorkstationCollectionDefinitions = {
  profiles: { schema: profilesRxSchema, validator: profileSchema, direction: 'two-way' },
  leads: { schema: leadsRxSchema, validator: leadSchema, direction: 'two-way' },
  activities: { schema: activitiesRxSchema, validator: activitySchema, direction: 'two-way' },
  referral_links: { schema: referralLinksRxSchema, validator: referralLinkSchema, direction: 'two-way' },
  tickets: { schema: ticketsRxSchema, validator: ticketSchema, direction: 'two-way' },
  ticket_messages: { schema: ticketMessagesRxSchema, validator: ticketMessageSchema, direction: 'two-way' },
  training_progress: { schema: trainingProgressRxSchema, validator: trainingProgressSchema, direction: 'two-way' },
  notifications: { schema: notificationsRxSchema, validator: notificationSchema, direction: 'two-way' },
  partner_status: { schema: partnerStatusRxSchema, validator: partnerStatusSchema, direction: 'pull-only' },
  catalog: { schema: catalogRxSchema, validator: catalogSchema, direction: 'pull-only' },
  earnings: { schema: earningsRxSchema, validator: earningSchema, direction: 'pull-only' },
  link_clicks: { schema: linkClicksRxSchema, validator: linkClickSchema, direction: 'pull-only' },
  payouts: { schema: payoutsRxSchema, validator: payoutSchema, direction: 'two-way' },
};

export const COLLECTION_NAMES = Object.keys(WORKSTATION_COLLECTIONS) as CollectionName[];
