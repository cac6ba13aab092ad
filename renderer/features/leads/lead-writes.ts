/**
 * Every write the leads screens make to the local store. Documents are built and validated by
 * sync/domain/leads.ts; replication pushes them when online.
 */
import type { WorkstationDatabase } from '../../../sync/schema/database';
import { leadSchema, type LeadDoc, type LeadStage } from '../../../sync/schema/leads.schema';
import {
  buildActivity,
  buildLeadEdit,
  buildNewLead,
  buildStageChange,
  touchLead,
  type ActivityFormValues,
  type LeadFormValues,
} from '../../../sync/domain/leads';
import { buildPipelineStageChange } from '../../../sync/domain/pipeline';
import { canRequestRegistration, registrationDomains, registrationState } from '../../../sync/domain/deal-registration';

function context(partnerId: string) {
  return { id: crypto.randomUUID(), partnerId, now: new Date() };
}

async function findLead(db: WorkstationDatabase, id: string) {
  const doc = await db.leads.findOne(id).exec();
  if (!doc) throw new Error('This lead no longer exists on this device; it may have been deleted.');
  return doc;
}

export async function createLead(db: WorkstationDatabase, partnerId: string, values: LeadFormValues): Promise<LeadDoc> {
  const lead = buildNewLead(values, context(partnerId));
  await db.leads.insert(lead);
  return lead;
}

export async function updateLead(db: WorkstationDatabase, id: string, values: LeadFormValues): Promise<void> {
  const doc = await findLead(db, id);
  await doc.incrementalPatch(buildLeadEdit(doc.toMutableJSON(), values, new Date()));
}

export async function changeLeadStage(db: WorkstationDatabase, partnerId: string, id: string, to: LeadStage): Promise<void> {
  const doc = await findLead(db, id);
  const change = buildStageChange(doc.toMutableJSON(), to, context(partnerId));
  if (!change) return;
  await doc.incrementalPatch(change.patch);
  await db.activities.insert(change.activity);
}

/**
 * A stage change from the pipeline board or a bulk move: the same patch and timeline entry as
 * changeLeadStage, plus the reason when the lead is lost (required then). False when unchanged.
 */
export async function moveLeadToStage(
  db: WorkstationDatabase,
  partnerId: string,
  id: string,
  to: LeadStage,
  lostReason: string | null = null,
): Promise<boolean> {
  const doc = await findLead(db, id);
  const change = buildPipelineStageChange(doc.toMutableJSON(), to, context(partnerId), lostReason);
  if (!change) return false;
  await doc.incrementalPatch(change.patch);
  await db.activities.insert(change.activity);
  return true;
}

/** A bulk move, one lead at a time; stops at the first failure and says how many were moved before it. */
export async function moveLeadsToStage(
  db: WorkstationDatabase,
  partnerId: string,
  ids: readonly string[],
  to: LeadStage,
  lostReason: string | null,
): Promise<{ moved: number; failure: unknown }> {
  let moved = 0;
  try {
    for (const id of ids) {
      await moveLeadToStage(db, partnerId, id, to, lostReason);
      moved += 1;
    }
    return { moved, failure: null };
  } catch (failure) {
    return { moved, failure };
  }
}

export async function logLeadActivity(
  db: WorkstationDatabase,
  partnerId: string,
  leadId: string,
  values: ActivityFormValues,
): Promise<void> {
  const doc = await findLead(db, leadId);
  const ctx = context(partnerId);
  await db.activities.insert(buildActivity(values, leadId, ctx));
  await doc.incrementalPatch(touchLead(ctx.now));
}

/**
 * "Register deal": stamps the request, which replication sends like any edit; the server answers
 * with the registration status (pending or conflict) on its way back.
 */
export async function requestDealRegistration(db: WorkstationDatabase, id: string): Promise<void> {
  const doc = await findLead(db, id);
  const lead = doc.toMutableJSON();
  if (registrationDomains(lead).length === 0) {
    throw new Error('Add the company’s website or a contact email at the company’s own domain first: SISO checks registrations by domain.');
  }
  if (!canRequestRegistration(registrationState(lead))) return;
  const now = new Date().toISOString();
  await doc.incrementalPatch({ registration_requested_at: now, updated_at: now });
}

/** Soft delete (RxDB marks it _deleted and replication pushes that). Returns what Undo restores. */
export async function deleteLead(db: WorkstationDatabase, id: string): Promise<LeadDoc> {
  const doc = await findLead(db, id);
  const saved = leadSchema.parse(doc.toMutableJSON());
  await doc.remove();
  return saved;
}

/** Soft-deletes several leads; returns them all so one Undo restores the batch. */
export async function deleteLeads(db: WorkstationDatabase, ids: readonly string[]): Promise<LeadDoc[]> {
  const saved: LeadDoc[] = [];
  for (const id of ids) {
    const doc = await db.leads.findOne(id).exec();
    if (!doc) continue;
    saved.push(leadSchema.parse(doc.toMutableJSON()));
    await doc.remove();
  }
  return saved;
}

export async function restoreLeads(db: WorkstationDatabase, saved: readonly LeadDoc[]): Promise<void> {
  for (const lead of saved) await restoreLead(db, lead);
}

export async function restoreLead(db: WorkstationDatabase, saved: LeadDoc): Promise<void> {
  if (db.closed) throw new Error('The workspace this lead was deleted from has been closed, so it cannot be restored here.');
  const existing = await db.leads.findOne(saved.id).exec();
  if (existing) return;
  await db.leads.insert(leadSchema.parse(saved));
}
