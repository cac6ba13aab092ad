/**
 * Every write Settings makes to synced data: the partner's leaderboard opt-in on their profile.
 * Replication pushes it when the device is online; the server then re-publishes the leaderboard.
 */
import type { WorkstationDatabase } from '../../../sync/schema/database';

export async function setLeaderboardOptIn(db: WorkstationDatabase, partnerId: string, optIn: boolean, now = new Date()): Promise<void> {
  const profile = await db.profiles.findOne(partnerId).exec();
  if (!profile) throw new Error('Your profile has not reached this device yet. Connect and let sync finish, then try again.');
  await profile.incrementalPatch({ leaderboard_opt_in: optIn, updated_at: now.toISOString() });
}
