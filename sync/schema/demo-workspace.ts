/**
 * The demo workspace: a clearly labelled sample partner whose data lives only in the local demo
 * store (DEMO_DATABASE_NAME) and never syncs. The data file (resources/demo/workspace.json) holds
 * relative dates, resolved at load so "this month" always has activity.
 */
import { z } from 'zod';
import type { RxCollection } from 'rxdb';
import { COLLECTION_NAMES, type CollectionName, type WorkstationDocTypes } from './collections';
import { activitySchema } from './activities.schema';
import { catalogSchema } from './catalog.schema';
import { assessmentBodySchema, assetBodySchema, brandGuidelineBodySchema, courseBodySchema, moduleBodySchema, tierRuleBodySchema } from './catalog-bodies';
import { earningSchema } from './earnings.schema';
import { leadSchema } from './leads.schema';
import { linkClickSchema } from './link-clicks.schema';
import { notificationSchema } from './notifications.schema';
import { partnerStatusSchema } from './partner-status.schema';
import { payoutSchema } from './payouts.schema';
import { profileSchema } from './profiles.schema';
import { referralLinkSchema } from './referral-links.schema';
import { ticketMessageSchema } from './ticket-messages.schema';
import { ticketSchema } from './tickets.schema';
import { trainingProgressSchema } from './training-progress.schema';
import type { WorkstationDatabase } from './database';
import { rebaseRelativeDates, type JsonValue } from './relative-dates';

export const DEMO_WORKSPACE_FORMAT = 'siso-demo-workspace';

const catalogRowSchema = catalogSchema.superRefine((row, ctx) => {
  const bodySchemas: Partial<Record<typeof row.kind, z.ZodType>> = {
    course: courseBodySchema,
    tier_rule: tierRuleBodySchema,
    asset: assetBodySchema,
    brand_guideline: brandGuidelineBodySchema,
    module: moduleBodySchema,
    assessment: assessmentBodySchema,
  };
  const bodySchema = bodySchemas[row.kind] ?? null;
  const result = bodySchema?.safeParse(row.body);
  if (result && !result.success) {
    ctx.addIssue({ code: 'custom', path: ['body'], message: `Invalid ${row.kind} body: ${z.prettifyError(result.error)}` });
  }
});

export const demoWorkspaceSchema = z.object({
  format: z.literal(DEMO_WORKSPACE_FORMAT),
  version: z.literal(1),
  label: z.string().min(1),
  partner_id: z.uuid(),
  collections: z.object({
    profiles: z.array(profileSchema),
    leads: z.array(leadSchema),
    activities: z.array(activitySchema),
    referral_links: z.array(referralLinkSchema),
    tickets: z.array(ticketSchema),
    ticket_messages: z.array(ticketMessageSchema),
    training_progress: z.array(trainingProgressSchema),
    notifications: z.array(notificationSchema),
    partner_status: z.array(partnerStatusSchema),
    catalog: z.array(catalogRowSchema),
    earnings: z.array(earningSchema),
    link_clicks: z.array(linkClickSchema),
    payouts: z.array(payoutSchema),
  }),
});
export type DemoWorkspace = z.infer<typeof demoWorkspaceSchema>;

const jsonValueSchema: z.ZodType<JsonValue> = z.json();

/** Resolves relative dates against `now` and validates every row. Throws a readable error on bad data. */
export function parseDemoWorkspace(data: unknown, now: Date = new Date()): DemoWorkspace {
  const json = jsonValueSchema.safeParse(data);
  if (!json.success) throw new Error('The demo workspace file is not plain JSON data.');
  const result = demoWorkspaceSchema.safeParse(rebaseRelativeDates(json.data, now));
  if (!result.success) {
    throw new Error(`The demo workspace data is invalid:\n${z.prettifyError(result.error)}`);
  }
  return result.data;
}

export interface DemoLoadResult {
  /** false when the store already held data, which is then left untouched. */
  inserted: boolean;
  counts: Record<CollectionName, number>;
}

/** Fills an empty demo store; a store that already holds any document is left as it is. */
export async function loadDemoWorkspace(
  db: WorkstationDatabase,
  data: unknown,
  now: Date = new Date(),
): Promise<DemoLoadResult> {
  const counts = emptyCounts();
  // Checked before parsing: every start after the first finds data, and parsing the whole demo
  // file against its schema is a noticeable part of a cold start.
  if (!(await isEmpty(db))) return { inserted: false, counts };
  const workspace = parseDemoWorkspace(data, now);

  const rows: DemoRows = workspace.collections;
  for (const name of COLLECTION_NAMES) {
    counts[name] = await insertAll(db, rows, name);
  }
  return { inserted: true, counts };
}

type DemoRows = { [N in CollectionName]: WorkstationDocTypes[N][] };

async function isEmpty(db: WorkstationDatabase): Promise<boolean> {
  for (const name of COLLECTION_NAMES) {
    if (await hasAnyDocument(db, name)) return false;
  }
  return true;
}

async function hasAnyDocument<N extends CollectionName>(db: WorkstationDatabase, name: N): Promise<boolean> {
  const collection: RxCollection<WorkstationDocTypes[N]> = db.collections[name];
  return (await collection.findOne().exec()) !== null;
}

async function insertAll<N extends CollectionName>(db: WorkstationDatabase, rows: DemoRows, name: N): Promise<number> {
  const collection: RxCollection<WorkstationDocTypes[N]> = db.collections[name];
  const docs = rows[name];
  if (docs.length === 0) return 0;
  const result = await collection.bulkInsert(docs);
  if (result.error.length > 0) {
    const first = result.error[0];
    throw new Error(
      `Could not load the demo ${name}: ${result.error.length} row(s) were refused (first: ${first?.documentId ?? 'unknown'}, status ${first?.status ?? '?'}).`,
    );
  }
  return result.success.length;
}

function emptyCounts(): Record<CollectionName, number> {
  return Object.fromEntries(COLLECTION_NAMES.map((name) => [name, 0])) as Record<CollectionName, number>;
}
