import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  computeLinkPerformance,
  computeReferralFunnel,
  computeSourceBreakdown,
  computeValuePerChannel,
  computeWeeklyTrend,
  type AttributionClickRow,
  type AttributionLead,
} from '../../sync/domain/attribution';
import { parseDemoWorkspace } from '../../sync/schema/demo-workspace';

const links = [
  { id: 'l1', name: 'One' },
  { id: 'l2', name: 'Two' },
];

function lead(overrides: Partial<AttributionLead>): AttributionLead {
  return { source: 'referral_link', stage: 'new', created_at: '2026-05-20T10:00:00.000Z', ...overrides };
}

const leads: AttributionLead[] = [
  lead({ referral_link_id: 'l1', stage: 'won', estimated_value: 1000, currency: 'EUR' }),
  lead({ referral_link_id: 'l1', stage: 'qualified' }),
  lead({ referral_link_id: 'l1', stage: 'lost' }),
  lead({ referral_link_id: 'gone', stage: 'won', estimated_value: 50, currency: 'EUR' }),
  lead({ source: 'website', stage: 'won', estimated_value: 200, currency: 'USD' }),
  lead({ source: 'website', stage: 'won', estimated_value: 300, currency: 'EUR' }),
  lead({ source: 'website', stage: 'won', estimated_value: null, currency: 'EUR' }),
  lead({ source: 'event', stage: 'proposal' }),
];
const clicks: AttributionClickRow[] = [
  { referral_link_id: 'l1', day: '2026-05-18', clicks: 10 },
  { referral_link_id: 'l1', day: '2026-05-19', clicks: 15 },
  { referral_link_id: 'gone', day: '2026-05-19', clicks: 99 },
];

describe('computeLinkPerformance', () => {
  it('counts clicks, attributed leads and won conversions per link', () => {
    expect(computeLinkPerformance(links, leads, clicks)).toEqual([
      { linkId: 'l1', name: 'One', clicks: 25, leads: 3, conversions: 1, conversionRate: 1 / 25 },
      { linkId: 'l2', name: 'Two', clicks: 0, leads: 0, conversions: 0, conversionRate: null },
    ]);
  });
});

describe('computeSourceBreakdown', () => {
  it('lists every source with its lead count', () => {
    const rows = computeSourceBreakdown(leads);
    expect(rows.map((row) => row.source)).toEqual(['referral_link', 'website', 'event', 'cold_outreach', 'partner_network', 'other']);
    expect(rows.find((row) => row.source === 'referral_link')?.leads).toBe(4);
    expect(rows.find((row) => row.source === 'website')?.leads).toBe(3);
    expect(rows.find((row) => row.source === 'other')?.leads).toBe(0);
  });
});

describe('computeReferralFunnel', () => {
  it('follows the partner’s own links from clicks to won', () => {
    expect(computeReferralFunnel(links, leads, clicks)).toEqual({ clicks: 25, leads: 3, qualified: 2, won: 1 });
  });
});

describe('computeValuePerChannel', () => {
  it('sums won value per source and currency without mixing currencies', () => {
    expect(computeValuePerChannel(leads)).toEqual({
      rows: [
        { source: 'referral_link', currency: 'EUR', value: 1050, wonLeads: 2 },
        { source: 'website', currency: 'EUR', value: 300, wonLeads: 1 },
        { source: 'website', currency: 'USD', value: 200, wonLeads: 1 },
      ],
      wonWithoutValue: 1,
    });
  });
});

describe('computeWeeklyTrend', () => {
  const now = new Date('2026-05-20T12:00:00.000Z'); // a Wednesday

  it('gives 12 Monday-based weeks, oldest first, with leads and clicks in the right week', () => {
    const trend = computeWeeklyTrend(
      [
        lead({ created_at: '2026-05-18T00:30:00.000Z' }),
        lead({ created_at: '2026-05-17T23:30:00.000Z' }),
        lead({ created_at: '2026-02-01T10:00:00.000Z' }),
        lead({ created_at: '2026-05-27T10:00:00.000Z' }),
        lead({ created_at: 'not a date' }),
      ],
      [...clicks, { referral_link_id: 'l1', day: '2026-02-23', clicks: 4 }, { referral_link_id: 'l1', day: '2026-02-22', clicks: 7 }],
      now,
      'UTC',
    );
    expect(trend).toHaveLength(12);
    expect(trend[0]?.weekStart).toBe('2026-03-02');
    expect(trend[11]).toEqual({ weekStart: '2026-05-18', leads: 1, clicks: 25 + 99 });
    expect(trend[10]).toEqual({ weekStart: '2026-05-11', leads: 1, clicks: 0 });
    expect(trend.reduce((sum, week) => sum + week.clicks, 0)).toBe(124);
  });

  it('places leads by the local calendar of the time zone', () => {
    const trend = computeWeeklyTrend([lead({ created_at: '2026-05-17T23:30:00.000Z' })], [], now, 'Europe/Berlin');
    expect(trend[11]?.leads).toBe(1);
  });
});

describe('the demo workspace', () => {
  it('attributes demo leads to demo links', () => {
    const raw: unknown = JSON.parse(readFileSync(join(__dirname, '../../resources/demo/workspace.json'), 'utf8'));
    const demo = parseDemoWorkspace(raw, new Date('2026-05-20T12:00:00.000Z')).collections;
    const perf = computeLinkPerformance(demo.referral_links, demo.leads, demo.link_clicks);
    expect(perf).toHaveLength(5);
    expect(perf.reduce((sum, row) => sum + row.clicks, 0)).toBe(demo.link_clicks.reduce((sum, row) => sum + row.clicks, 0));
    expect(perf.find((row) => row.linkId === 'demo-link-01')).toMatchObject({ leads: 2, conversions: 1 });
  });
});
