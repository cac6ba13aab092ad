/** The words behind the charts: accessible summaries, funnel shares, multi-series table rows. */
import { describe, expect, it } from 'vitest';
import { chartLabel, describeData, describeSeries, funnelRows, seriesTableRows } from '../../renderer/ui/charts/chart-text';

const euro = (value: number) => `€${value}`;

describe('chart summaries', () => {
  it('names the chart by its title then every figure, using the long label when there is one', () => {
    const data = [
      { label: 'Nov', longLabel: 'November 2026', value: 1200 },
      { label: 'Dec', value: -50 },
    ];
    expect(chartLabel('Commission by month', [describeData(data, euro)])).toBe('Commission by month. November 2026: €1200; Dec: €-50.');
  });

  it('says there is no data rather than ending in an empty sentence', () => {
    expect(chartLabel('Leads by stage', [describeData([], euro)])).toBe('Leads by stage. No data.');
  });

  it('reads each series by name and ends with the reference line', () => {
    const series = [
      { name: 'This year', points: [{ label: 'Jan', value: 1 }, { label: 'Feb', value: 3 }] },
      { name: 'Last year', points: [{ label: 'Jan', value: 2 }] },
    ];
    expect(describeSeries(series, euro, { label: 'Goal', value: 10 })).toEqual(['This year: Jan: €1; Feb: €3', 'Last year: Jan: €2', 'Goal: €10']);
    expect(describeSeries(series.slice(0, 1), euro)).toEqual(['Jan: €1; Feb: €3']);
  });
});

describe('funnel rows', () => {
  it('gives each step the share it keeps from the one before, none for the first or after a zero', () => {
    const rows = funnelRows(
      [
        { label: 'Clicks', value: 200 },
        { label: 'Leads', value: 50 },
        { label: 'Qualified+', value: 0 },
        { label: 'Won', value: 0 },
      ],
      String,
    );
    expect(rows.map((row) => row.kept)).toEqual([null, new Intl.NumberFormat(undefined, { style: 'percent' }).format(0.25), new Intl.NumberFormat(undefined, { style: 'percent' }).format(0), null]);
    expect(rows[1]?.spoken).toBe(`50 (${rows[1]?.kept} of previous step)`);
    expect(rows[0]?.printed).toBe('200');
  });
});

describe('multi-series table rows', () => {
  it('lines periods up by position and marks a missing value with a dash, not zero', () => {
    const series = [
      { name: 'A', points: [{ label: 'Jan', longLabel: 'January', value: 1 }, { label: 'Feb', value: 2 }] },
      { name: 'B', points: [{ label: 'Jan', value: 5 }] },
    ];
    expect(seriesTableRows(series, euro)).toEqual([
      { period: 'January', values: ['€1', '€5'] },
      { period: 'Feb', values: ['€2', '—'] },
    ]);
  });
});
