/** The write a saved proposal makes: a proposal_created entry on the lead's timeline. */
import type { WorkstationDatabase } from '../../../sync/schema/database';
import { buildProposalActivity, type ProposalActivityInput } from '../../../sync/domain/proposals';

export async function recordProposalCreated(db: WorkstationDatabase, partnerId: string, input: ProposalActivityInput): Promise<void> {
  const now = new Date();
  await db.activities.insert(buildProposalActivity(input, { id: crypto.randomUUID(), partnerId, now }));
  const lead = await db.leads.findOne(input.leadId).exec();
  if (lead) await lead.incrementalPatch({ updated_at: now.toISOString() });
}
