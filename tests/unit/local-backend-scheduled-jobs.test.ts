import { afterEach, describe, expect, it, vi } from 'vitest';
import type { SqlExecutor, SqlResult } from '../../sync/server/db/engine';
import { setLogLevel } from '../../sync/server/log';
import { startScheduledJobs } from '../../sync/server/scheduled-jobs';

function reminderDb(outcomes: (number | Error)[]): SqlExecutor & { calls: string[] } {
  const calls: string[] = [];
  return {
    calls,
    query<Row>(sql: string): Promise<SqlResult<Row>> {
      calls.push(sql);
      const outcome = outcomes.shift() ?? 0;
      if (outcome instanceof Error) return Promise.reject(outcome);
      return Promise.resolve({ rows: [{ added: outcome } as Row], fields: [], affectedRows: 1 });
    },
  };
}

afterEach(() => {
  vi.useRealTimers();
});

describe('startScheduledJobs', () => {
  it('runs the renewal and deal registration reminders and the analytics publishing once before resolving, then every interval, and stops', async () => {
    vi.useFakeTimers();
    const db = reminderDb([2, 0, 0]);
    const jobs = await startScheduledJobs(db, 1000);
    expect(db.calls).toEqual([
      'select "public"."notify_expiring_certifications"() as "added"',
      'select "public"."notify_expiring_registrations"() as "added"',
      'select "public"."publish_program_aggregates"() as "aggregates", "public"."publish_leaderboard"() as "leaderboard"',
    ]);
    await vi.advanceTimersByTimeAsync(2500);
    expect(db.calls).toHaveLength(9);
    await jobs.stop();
    await vi.advanceTimersByTimeAsync(5000);
    expect(db.calls).toHaveLength(9);
  });

  it('keeps going after a failed run instead of stopping the backend', async () => {
    vi.useFakeTimers();
    setLogLevel('silent');
    const db = reminderDb([new Error('database restarting'), 1]);
    const jobs = await startScheduledJobs(db, 1000);
    // The registration reminders still run after the certificate reminders failed.
    expect(db.calls[1]).toBe('select "public"."notify_expiring_registrations"() as "added"');
    expect(db.calls[2]).toContain('"public"."publish_program_aggregates"()');
    await vi.advanceTimersByTimeAsync(1000);
    expect(db.calls).toHaveLength(6);
    await jobs.stop();
  });
});
