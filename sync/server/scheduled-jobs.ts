/**
 * What the local backend runs on a clock, as pg_cron does on Supabase: the certificate renewal
 * reminders (notify_expiring_certifications) and deal registration reminders and expiry
 * (notify_expiring_registrations), program aggregates and the leaderboard (publish_program_aggregates,
 * publish_leaderboard), once at start and then hourly.
 */
import type { SqlExecutor } from './db/engine';
import { createLogger } from './log';

const log = createLogger('scheduled-jobs');

export const RENEWAL_REMINDER_INTERVAL_MS = 60 * 60 * 1000;

/** Runs the reminder function as the owner (it is not granted to partners); returns how many notifications it added. */
export async function runRenewalReminders(db: SqlExecutor): Promise<number> {
  const result = await db.query<{ added: number | string | null }>('select "public"."notify_expiring_certifications"() as "added"');
  return Number(result.rows[0]?.added ?? 0);
}

/** Runs the deal registration reminders and expiry as the owner; returns how many notifications it added. */
export async function runRegistrationReminders(db: SqlExecutor): Promise<number> {
  const result = await db.query<{ added: number | string | null }>('select "public"."notify_expiring_registrations"() as "added"');
  return Number(result.rows[0]?.added ?? 0);
}

/** Re-publishes the program aggregates and this month's leaderboard as the owner (partners may not call them). */
export async function runAnalyticsPublishing(db: SqlExecutor): Promise<{ aggregates: number; leaderboard: number }> {
  const result = await db.query<{ aggregates: number | string | null; leaderboard: number | string | null }>(
    'select "public"."publish_program_aggregates"() as "aggregates", "public"."publish_leaderboard"() as "leaderboard"',
  );
  return { aggregates: Number(result.rows[0]?.aggregates ?? 0), leaderboard: Number(result.rows[0]?.leaderboard ?? 0) };
}

export interface ScheduledJobs {
  /** Stops the timer and waits for a run in progress, so the database can close after it. */
  stop(): Promise<void>;
}

/** Runs the jobs once (awaited, so a fresh backend already holds today's reminders) and then every interval. */
export async function startScheduledJobs(db: SqlExecutor, intervalMs = RENEWAL_REMINDER_INTERVAL_MS): Promise<ScheduledJobs> {
  let inFlight: Promise<void> = Promise.resolve();
  const run = (): Promise<void> =>
    (inFlight = runRenewalReminders(db).then(
      (added) => {
        if (added > 0) log.info('Sent certificate renewal reminders', { added });
      },
      // A failed run is retried by the next tick; the backend keeps serving meanwhile.
      (error: unknown) => log.warn('Certificate renewal reminders failed', { error: error instanceof Error ? error.message : String(error) }),
    ).then(() => runRegistrationReminders(db)).then(
      (added) => {
        if (added > 0) log.info('Sent deal registration reminders', { added });
      },
      (error: unknown) => log.warn('Deal registration reminders failed', { error: error instanceof Error ? error.message : String(error) }),
    ).then(() => runAnalyticsPublishing(db)).then(
      () => undefined,
      (error: unknown) => log.warn('Publishing program aggregates and the leaderboard failed', { error: error instanceof Error ? error.message : String(error) }),
    ));
  await run();
  const timer = setInterval(() => void run(), intervalMs);
  timer.unref();
  return {
    async stop() {
      clearInterval(timer);
      await inFlight;
    },
  };
}
