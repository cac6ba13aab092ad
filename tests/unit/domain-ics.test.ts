/** The .ics generator: RFC 5545 line endings, escaping, UTC times, folding and the required properties. */
import { describe, expect, it } from 'vitest';
import { buildIcsEvent, escapeIcsText, foldIcsLine, icsFileName, icsUtcTime } from '../../sync/domain/ics';

const event = {
  uid: 'webinar-1@siso.partners',
  title: 'Deals; pipelines, and you',
  startsAt: new Date('2026-12-08T10:30:00+02:00'),
  durationMinutes: 45,
  description: 'Line one\nLine two \\ done',
  url: 'https://meet.siso.test/w/1',
};
const stamp = new Date('2026-12-01T12:00:00Z');

describe('buildIcsEvent', () => {
  it('ends every line in CRLF and has no bare LF', () => {
    const text = buildIcsEvent(event, stamp);
    expect(text.endsWith('\r\n')).toBe(true);
    expect(text.replace(/\r\n/g, '')).not.toMatch(/[\r\n]/);
  });

  it('writes the start and end in UTC, the UID and the DTSTAMP', () => {
    const lines = buildIcsEvent(event, stamp).split('\r\n');
    expect(lines).toContain('DTSTART:20261208T083000Z');
    expect(lines).toContain('DTEND:20261208T091500Z');
    expect(lines).toContain('UID:webinar-1@siso.partners');
    expect(lines).toContain('DTSTAMP:20261201T120000Z');
    expect(lines[0]).toBe('BEGIN:VCALENDAR');
    expect(lines.indexOf('BEGIN:VEVENT')).toBeLessThan(lines.indexOf('END:VEVENT'));
  });

  it('escapes commas, semicolons, backslashes and newlines in text', () => {
    const lines = buildIcsEvent(event, stamp).split('\r\n');
    expect(lines).toContain('SUMMARY:Deals\\; pipelines\\, and you');
    expect(lines).toContain('DESCRIPTION:Line one\\nLine two \\\\ done');
  });

  it('refuses an event without a positive duration', () => {
    expect(() => buildIcsEvent({ ...event, durationMinutes: 0 }, stamp)).toThrow('duration');
  });
});

describe('helpers', () => {
  it('folds long lines at 75 octets without splitting a character', () => {
    const folded = foldIcsLine(`SUMMARY:${'é'.repeat(80)}`);
    const parts = folded.split('\r\n');
    expect(parts.length).toBeGreaterThan(1);
    for (const part of parts) expect(new TextEncoder().encode(part).length).toBeLessThanOrEqual(75);
    expect(parts.slice(1).every((part) => part.startsWith(' '))).toBe(true);
    expect(parts.map((part, i) => (i === 0 ? part : part.slice(1))).join('')).toBe(`SUMMARY:${'é'.repeat(80)}`);
  });

  it('formats UTC times and escapes text', () => {
    expect(icsUtcTime(new Date('2026-01-02T03:04:05.678Z'))).toBe('20260102T030405Z');
    expect(() => icsUtcTime(new Date('nope'))).toThrow();
    expect(escapeIcsText('a,b;c\\d\r\ne')).toBe('a\\,b\\;c\\\\d\\ne');
  });

  it('names the file after the title', () => {
    expect(icsFileName('Enterprise deal playbook (Performer exclusive)')).toBe('enterprise-deal-playbook-performer-exclusive.ics');
    expect(icsFileName('!!!')).toBe('event.ics');
  });
});
