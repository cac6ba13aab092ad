/** The write a saved proposal makes: a proposal_created entry on the lead's timeline. */
import type { WorkstationDatabase } from '../../../sync/schema/database';
import { buildProposalActivity, type ProposalActivityInput } from '../../../sync/domain/proposals';

export async function sha256Hex(bytes: Uint8Array): Promise<string> {
  const copy = new Uint8Array(bytes.byteLength);
  copy.set(bytes);
  const digest = await crypto.subtle.digest('SHA-256', copy);
  return [...new Uint8Array(digest)].map((byte) => byte.toString(16).padStart(2, '0')).join('');
}

export async function recordProposalCreated(db: WorkstationDatabase, partnerId: string, input: ProposalActivityInput): Promise<void> {
  const now = new Date();
  await db.activities.insert(buildProposalActivity(input, { id: crypto.randomUUID(), partnerId, now }));
  const lead = await db.leads.findOne(input.leadId).exec();
  if (lead) await lead.incrementalPatch({ updated_at: now.toISOString() });
}
