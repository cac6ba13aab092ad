import { describe, expect, it } from 'vitest';
import { computeDashboardStats, type DashboardInput, type EarningRowInput } from '../../sync/domain/dashboard-stats';

const NOW = new Date('2026-11-25T12:00:00Z');

function commission(amount: number, currency: string, status: string, period: string | null, created_at = '2026-11-01T10:00:00Z'): EarningRowInput {
  return { kind: 'commission', amount, currency, status, period, created_at };
}

function input(overrides: Partial<DashboardInput> = {}): DashboardInput {
  return {
    earnings: [],
    leads: [],
    profile: { leaderboard_opt_in: false, currency: 'GBP' },
    metrics: {},
    now: NOW,
    timeZone: 'Europe/London',
    ...overrides,
  };
}

describe('computeDashboardStats', () => {
  it('totals per currency, never across currencies, with the partner currency first', () => {
    const stats = computeDashboardStats(
      input({
        earnings: [
          commission(100, 'EUR', 'paid', '2026-11'),
          commission(50, 'EUR', 'pending', '2026-10'),
          commission(30, 'GBP', 'processing', '2026-11'),
          commission(20, 'GBP', 'paid', null, '2026-10-15T10:00:00Z'),
          { kind: 'payout', amount: 999, currency: 'GBP', status: 'paid', period: '2026-11', created_at: '2026-11-02T00:00:00Z' },
        ],
      }),
    );
    expect(stats.thisMonth).toBe('2026-11');
    expect(stats.lastMonth).toBe('2026-10');
    expect(stats.earnings).toEqual([
      { currency: 'GBP', earnedThisMonth: 30, earnedLastMonth: 20, pending: 30, paid: 20 },
      { currency: 'EUR', earnedThisMonth: 100, earnedLastMonth: 50, pending: 50, paid: 100 },
    ]);
    expect(stats.earningsByMonth[0]?.months.slice(-2)).toEqual([
      { month: '2026-10', amount: 20 },
      { month: '2026-11', amount: 30 },
    ]);
  });

  it('uses the partner time zone for commissions without a period', () => {
    const lateOctober = commission(10, 'EUR', 'paid', null, '2026-10-31T23:30:00Z');
    const athens = computeDashboardStats(input({ earnings: [lateOctober], timeZone: 'Europe/Athens' }));
    const utc = computeDashboardStats(input({ earnings: [lateOctober], timeZone: 'UTC' }));
    expect(athens.earnings[0]?.earnedThisMonth).toBe(10);
    expect(utc.earnings[0]?.earnedLastMonth).toBe(10);
  });

  it('counts active leads and conversion (won ÷ all leads)', () => {
    const stages = ['new', 'contacted', 'won', 'won', 'lost'];
    const stats = computeDashboardStats(input({ leads: stages.map((stage) => ({ created_at: '2026-11-01T00:00:00Z', stage })) }));
    expect(stats.activeLeads).toBe(2);
    expect(stats.conversionRate).toBeCloseTo(0.4);
    expect(stats.leadsByStage.find((item) => item.stage === 'won')?.count).toBe(2);
    expect(computeDashboardStats(input()).conversionRate).toBeNull();
  });

  it('shows rank only when opted in, and says when it is not available offline', () => {
    expect(computeDashboardStats(input()).rank).toEqual({ state: 'opted-out' });
    expect(computeDashboardStats(input({ profile: null })).rank).toEqual({ state: 'no-profile' });
    const optedIn = { leaderboard_opt_in: true, currency: 'GBP' };
    expect(computeDashboardStats(input({ profile: optedIn, metrics: null })).rank).toMatchObject({ state: 'unavailable' });
    expect(computeDashboardStats(input({ profile: optedIn, metrics: { leaderboard_rank: 3, leaderboard_size: 40 } })).rank).toEqual({
      state: 'ranked',
      rank: 3,
      of: 40,
    });
  });
});

describe('leadsBySource', () => {
  it('groups leads by source with won counts, largest first', () => {
    const leads = [
      { created_at: '2026-11-01T00:00:00Z', stage: 'won', source: 'event' },
      { created_at: '2026-11-01T00:00:00Z', stage: 'new', source: 'event' },
      { created_at: '2026-11-01T00:00:00Z', stage: 'won', source: 'website' },
    ];
    expect(computeDashboardStats(input({ leads })).leadsBySource).toEqual([
      { source: 'event', total: 2, won: 1 },
      { source: 'website', total: 1, won: 1 },
    ]);
  });
});
