/**
 * Every write the Clients screens make, to the same leads and activities collections the lead
 * pages write (rows built and validated by sync/domain), plus the status report download.
 * Replication pushes the rows when online; nothing here waits for the network.
 */
import type { WorkstationDatabase } from '../../../sync/schema/database';
import { leadSchema, type LeadDoc } from '../../../sync/schema/leads.schema';
import { buildActivity, touchLead, type ActivityFormValues } from '../../../sync/domain/leads';
import type { Client } from '../../../sync/domain/clients';
import type { ReportPartner } from '../../../sync/domain/clients-report';
import type { Platform, SaveFileResult } from '../../platform';
import { loadPdfFonts } from '../../platform/pdf-fonts';
import { formatMoney } from '../../ui/format';

async function findClientLead(db: WorkstationDatabase, id: string) {
  const doc = await db.leads.findOne(id).exec();
  if (!doc) throw new Error('This client is no longer on this device; the lead may have been deleted.');
  return doc;
}

/** A note on the client's timeline: an activity of kind 'note', as the lead page logs one. */
export async function addClientNote(db: WorkstationDatabase, partnerId: string, clientId: string, values: ActivityFormValues): Promise<void> {
  const doc = await findClientLead(db, clientId);
  const now = new Date();
  await db.activities.insert(buildActivity(values, clientId, { id: crypto.randomUUID(), partnerId, now }));
  await doc.incrementalPatch(touchLead(now));
}

/** Sets (or clears) the follow-up: the lead's next action and its time, which the app's reminders fire. */
export async function scheduleFollowUp(db: WorkstationDatabase, clientId: string, values: Pick<LeadDoc, 'next_action' | 'next_action_at'>): Promise<void> {
  const doc = await findClientLead(db, clientId);
  const patch = { ...values, updated_at: new Date().toISOString() };
  leadSchema.parse({ ...doc.toMutableJSON(), ...patch });
  await doc.incrementalPatch(patch);
}

/**
 * Makes the white-label status report and offers to save it (`saved: false` when the person
 * cancels). Rejects with a sentence (fonts not loaded, a character the fonts lack, a bad logo).
 */
export async function downloadClientReport(platform: Pick<Platform, 'saveFile'>, client: Client, partner: ReportPartner, now: Date): Promise<SaveFileResult> {
  const [{ renderClientStatusReport, clientReportFileName }, fonts] = await Promise.all([import('../../../sync/domain/clients-report'), loadPdfFonts('client report')]);
  const data = await renderClientStatusReport({ client, partner, fonts, now, formatMoney });
  return platform.saveFile({ suggestedName: clientReportFileName(client.company, now), mimeType: 'application/pdf', data });
}
