/**
 * Support ticket rules: attachments judged by content with refusals that say why, safe storage
 * paths, the new-ticket form's sentences, the response target's standing, and the conversation a
 * partner sees (never internal or hidden messages).
 */
import { describe, expect, it } from 'vitest';
import {
  DEFAULT_RESPONSE_HOURS,
  TICKET_ATTACHMENT_MAX_BYTES,
  buildThreadView,
  checkAttachmentFile,
  checkAttachmentSize,
  describeStanding,
  formatDuration,
  responseHoursFor,
  responseStanding,
  safeAttachmentName,
  ticketAttachmentPath,
  validateNewTicket,
  type ThreadMessageInput,
} from '../../sync/domain/support-tickets';

const bytes = (...parts: (number[] | string)[]) =>
  new Uint8Array(parts.flatMap((part) => (typeof part === 'string' ? [...new TextEncoder().encode(part)] : part)));
const PNG = bytes([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13], 'IHDR', [0, 0, 0, 1, 0, 0, 0, 1, 8, 6, 0, 0, 0]);

describe('checkAttachmentFile', () => {
  it.each([
    ['screenshot.png', 'image/png', PNG],
    ['photo.jpg', 'image/jpeg', bytes([0xff, 0xd8, 0xff, 0xe0, 0, 16])],
    ['invoice.pdf', 'application/pdf', bytes('%PDF-1.7\n')],
    ['logs.zip', 'application/zip', bytes([0x50, 0x4b, 0x03, 0x04, 20, 0])],
    ['notes.txt', 'text/plain', bytes('Steps:\r\n1. Open the app\n\tthen café')],
    ['leads.csv', 'text/csv', bytes('name,email\nAda,ada@example.com\n')],
  ])('accepts %s as %s by its bytes', (name, mime, content) => {
    expect(checkAttachmentFile(content, name)).toMatchObject({ ok: true, mime });
  });

  it('judges by content, not by the name: a PNG called .pdf is a PNG, a program called .png is refused', () => {
    expect(checkAttachmentFile(PNG, 'report.pdf')).toMatchObject({ ok: true, type: 'png' });
    const program = checkAttachmentFile(bytes('MZ', [0x90, 0, 3, 0]), 'cat.png');
    expect(program).toMatchObject({ ok: false, reason: 'unsupported' });
    if (!program.ok) expect(program.message).toBe('“cat.png” is a program (Windows executable), which support tickets do not accept. Attach a PNG or JPEG image, a PDF, a plain-text or CSV file, or a ZIP archive.');
  });

  it('refuses a GIF, binary data and a damaged PNG with a sentence saying why', () => {
    const gif = checkAttachmentFile(bytes('GIF89a', [1, 0, 1, 0]), 'anim.gif');
    expect(gif.ok).toBe(false);
    if (!gif.ok) expect(gif.message).toMatch(/^“anim\.gif” is a GIF image, which support tickets do not accept\./);
    const binary = checkAttachmentFile(bytes([0, 1, 2, 3, 0xfe]), 'dump.bin');
    expect(binary).toMatchObject({ ok: false, reason: 'unsupported' });
    const damaged = checkAttachmentFile(bytes([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0]), 'cut.png');
    expect(damaged).toMatchObject({ ok: false, reason: 'damaged' });
    // Latin-1 text is not valid UTF-8, so it is not taken as plain text.
    expect(checkAttachmentFile(bytes('caf', [0xe9]), 'latin1.txt').ok).toBe(false);
  });

  it('refuses empty files and files over 10 MB before reading them, naming the limit', () => {
    expect(checkAttachmentSize(0, 'a.txt')).toMatchObject({ ok: false, reason: 'empty' });
    expect(checkAttachmentSize(TICKET_ATTACHMENT_MAX_BYTES, 'a.zip')).toBeNull();
    const big = checkAttachmentSize(TICKET_ATTACHMENT_MAX_BYTES + 1, 'video.zip');
    expect(big).toMatchObject({ ok: false, reason: 'too-large' });
    if (big && !big.ok) expect(big.message).toBe('“video.zip” is 10 MB; an attachment can be at most 10 MB. Compress it into a ZIP or attach a smaller part.');
  });
});

describe('attachment paths', () => {
  it('puts the file under the partner and ticket folders with the message id first', () => {
    expect(ticketAttachmentPath('p-1', 't-2', 'm-3', 'Screen shot 1.png')).toBe('p-1/t-2/m-3-Screen-shot-1.png');
  });

  it.each([
    ['../../other-partner/x.png', 'x.png'],
    ['C:\\Users\\me\\Résumé (final).pdf', 'Resume-final-.pdf'],
    ['....hidden', 'hidden'],
    ['файл', 'attachment'],
  ])('makes %s safe as %s', (name, safe) => {
    expect(safeAttachmentName(name)).toBe(safe);
  });
});

describe('validateNewTicket', () => {
  it('trims and accepts a complete ticket', () => {
    expect(validateNewTicket({ subject: '  Payout missing ', category: 'billing', priority: 'high', description: 'My November payout has not arrived.' })).toEqual({
      ok: true,
      values: { subject: 'Payout missing', category: 'billing', priority: 'high', description: 'My November payout has not arrived.' },
    });
  });

  it('names each missing field in a sentence', () => {
    const result = validateNewTicket({ subject: ' ', category: '', priority: 'normal', description: '' });
    expect(result).toEqual({
      ok: false,
      errors: {
        subject: 'Enter a subject: a few words saying what the problem is.',
        category: 'Choose the category closest to your question.',
        description: 'Describe the problem: what you did, what happened and what you expected.',
      },
    });
  });

  it('refuses a subject longer than 150 characters', () => {
    const result = validateNewTicket({ subject: 'x'.repeat(151), category: 'other', priority: 'low', description: 'd' });
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.errors.subject).toMatch(/150 characters or fewer/);
  });
});

describe('response targets', () => {
  const created = '2026-12-01T08:00:00Z';

  it('uses the synced targets by tier, or the seeded ones until they arrive', () => {
    expect(responseHoursFor('elite', { elite: 2 })).toBe(2);
    expect(responseHoursFor('active', null)).toBe(DEFAULT_RESPONSE_HOURS.active);
    expect(responseHoursFor(null, null)).toBe(72);
  });

  it('says how long is left, how late it is, and whether the first reply met the target', () => {
    const open = { created_at: created, status: 'open' as const };
    const due = responseStanding(open, 48, new Date('2026-12-03T03:00:00Z'));
    expect(due).toEqual({ kind: 'due', inMs: 5 * 3_600_000 });
    expect(describeStanding(due)).toBe('Reply due in 5 h');
    expect(describeStanding(responseStanding(open, 48, new Date('2026-12-03T09:00:00Z')))).toBe('Overdue by 1 h');
    const answered = { ...open, status: 'waiting' as const, first_response_at: '2026-12-01T11:00:00Z' };
    expect(describeStanding(responseStanding(answered, 4, new Date()))).toBe('First reply after 3 h (within target)');
    expect(describeStanding(responseStanding(answered, 2, new Date()))).toBe('First reply after 3 h (after the target)');
    expect(responseStanding({ created_at: created, status: 'resolved' }, 48, new Date('2027-01-01T00:00:00Z'))).toEqual({ kind: 'closed-unanswered' });
  });

  it("prefers the server's due time (the tier when the ticket was filed) over today's tier", () => {
    const ticket = { created_at: created, status: 'open' as const, response_due_at: '2026-12-01T12:00:00Z' };
    expect(responseStanding(ticket, 72, new Date('2026-12-01T13:00:00Z'))).toEqual({ kind: 'overdue', byMs: 3_600_000 });
  });

  it.each([
    [20_000, '1 min'],
    [45 * 60_000, '45 min'],
    [5 * 3_600_000, '5 h'],
    [72 * 3_600_000, '3 days'],
  ])('formats %d ms as %s', (ms, text) => {
    expect(formatDuration(ms)).toBe(text);
  });
});

describe('buildThreadView', () => {
  const message = (over: Partial<ThreadMessageInput>): ThreadMessageInput => ({
    id: 'm',
    created_at: '2026-12-01T08:00:00Z',
    author_role: 'partner',
    body: 'Hello',
    visibility: 'public',
    hidden: false,
    ...over,
  });

  it('shows public messages oldest first, names SISO and the partner, and never shows internal or hidden ones', () => {
    const view = buildThreadView(
      [
        message({ id: 'b', created_at: '2026-12-01T10:00:00Z', author_role: 'support', author_name: 'Sam at SISO', body: 'Which browser?' }),
        message({ id: 'a', body: 'Upload fails', attachment_path: 'p/t/a-shot.png', attachment_name: 'shot.png', attachment_size: 120 }),
        message({ id: 'c', created_at: '2026-12-01T09:00:00Z', author_role: 'support', body: 'Partner is on Active', visibility: 'internal' }),
        message({ id: 'd', created_at: '2026-12-01T11:00:00Z', body: 'spam', hidden: true }),
        message({ id: 'e', created_at: '2026-12-01T12:00:00Z', author_role: 'support', body: 'Fixed' }),
      ],
      'Ada Partner',
    );
    expect(view.map((item) => [item.id, item.author, item.fromSiso])).toEqual([
      ['a', 'Ada Partner', false],
      ['b', 'Sam at SISO', true],
      ['e', 'SISO Support', true],
    ]);
    expect(view[0]?.attachment).toEqual({ path: 'p/t/a-shot.png', name: 'shot.png', mime: null, size: 120 });
  });
});
