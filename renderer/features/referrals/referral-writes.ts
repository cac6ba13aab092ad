/** Every write the referral screens make: a new referral link in the local store (replication pushes it). */
import { buildNewReferralLink, type ReferralLinkFormValues } from '../../../sync/domain/referral-links';
import type { WorkstationDatabase } from '../../../sync/schema/database';

/** Saves a new link and returns it as saved. */
export async function createReferralLink(db: WorkstationDatabase, partnerId: string, values: ReferralLinkFormValues, now = new Date()) {
  const doc = buildNewReferralLink(values, { id: crypto.randomUUID(), partnerId, now });
  await db.referral_links.insert(doc);
  return doc;
}
