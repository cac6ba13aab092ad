import { describe, expect, it } from 'vitest';
import {
  deliveryNow,
  groupByDay,
  inQuietHours,
  isShown,
  notificationType,
  parseNotificationPrefs,
  quietHoursFrom,
} from '../../sync/domain/notifications';

describe('notification preferences', () => {
  it('maps server kinds to preference types, unknown kinds to programme news', () => {
    expect(notificationType('ticket_reply')).toBe('support');
    expect(notificationType('payout')).toBe('payouts');
    expect(notificationType('certification_expiring')).toBe('training');
    expect(notificationType('welcome')).toBe('program');
  });

  it('reads stored preferences and ignores what it cannot read', () => {
    expect(parseNotificationPrefs('{"assets":"off","support":"in_app"}')).toEqual({ assets: 'off', support: 'in_app' });
    expect(parseNotificationPrefs('{"assets":"loud"}')).toEqual({});
    expect(parseNotificationPrefs('not json')).toEqual({});
    expect(parseNotificationPrefs(null)).toEqual({});
  });

  it('hides a type turned off and keeps the defaults for the rest', () => {
    const prefs = parseNotificationPrefs('{"assets":"off"}');
    expect(isShown('asset_update', prefs)).toBe(false);
    expect(isShown('ticket_reply', prefs)).toBe(true);
  });
});

describe('quiet hours', () => {
  const london = 'Europe/London';

  it('needs two different valid times', () => {
    expect(quietHoursFrom('22:00', '07:00')).toEqual({ start: '22:00', end: '07:00' });
    expect(quietHoursFrom('22:00', null)).toBeNull();
    expect(quietHoursFrom('09:00', '09:00')).toBeNull();
    expect(quietHoursFrom('25:00', '07:00')).toBeNull();
  });

  it('spans midnight in the partner’s time zone', () => {
    const quiet = { start: '22:00', end: '07:00' };
    expect(inQuietHours(new Date('2026-12-01T23:30:00Z'), quiet, london)).toBe(true);
    expect(inQuietHours(new Date('2026-12-01T06:59:00Z'), quiet, london)).toBe(true);
    expect(inQuietHours(new Date('2026-12-01T07:00:00Z'), quiet, london)).toBe(false);
    // 23:30 UTC is 08:30 in Tokyo: outside the partner's quiet hours there.
    expect(inQuietHours(new Date('2026-12-01T23:30:00Z'), quiet, 'Asia/Tokyo')).toBe(false);
  });

  it('turns desktop delivery into in-app during quiet hours, never the reverse', () => {
    const quiet = { start: '12:00', end: '13:00' };
    const lunch = new Date('2026-07-01T11:30:00Z'); // 12:30 in London (BST)
    expect(deliveryNow('ticket_reply', {}, quiet, lunch, london)).toBe('in_app');
    expect(deliveryNow('ticket_reply', {}, quiet, new Date('2026-07-01T14:00:00Z'), london)).toBe('desktop');
    expect(deliveryNow('asset_update', {}, null, lunch, london)).toBe('in_app');
    expect(deliveryNow('ticket_reply', { support: 'off' }, null, lunch, london)).toBe('off');
  });
});

describe('grouping by day', () => {
  it('labels today and yesterday in the partner’s time zone and sorts newest first', () => {
    const now = new Date('2026-12-01T10:00:00Z');
    const items = [
      { id: 'a', created_at: '2026-11-30T23:30:00Z' }, // yesterday in London, today in Tokyo
      { id: 'b', created_at: '2026-12-01T09:00:00Z' },
      { id: 'c', created_at: '2026-11-28T12:00:00Z' },
    ];
    const london = groupByDay(items, now, 'Europe/London', 'en-GB');
    expect(london.map((g) => [g.label, g.items.map((i) => i.id)])).toEqual([
      ['Today', ['b']],
      ['Yesterday', ['a']],
      ['Saturday, 28 November 2026', ['c']],
    ]);
    const tokyo = groupByDay(items, now, 'Asia/Tokyo', 'en-GB');
    expect(tokyo[0]).toMatchObject({ label: 'Today', items: [{ id: 'b' }, { id: 'a' }] });
  });
});
