import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { PDFDocument } from 'pdf-lib';
import { clientsFrom, type ClientLead } from '../../sync/domain/clients';
import { clientReportFileName, renderClientStatusReport, wrapText, type ClientStatusReportInput } from '../../sync/domain/clients-report';
import { embedNotoSans } from '../../sync/domain/pdf/embed-fonts';

const fonts = {
  regular: new Uint8Array(readFileSync('resources/fonts/NotoSans-Regular.ttf')),
  bold: new Uint8Array(readFileSync('resources/fonts/NotoSans-Bold.ttf')),
};
const work = mkdtempSync(join(tmpdir(), 'client-report-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

const lead: ClientLead = {
  id: 'lead-1',
  company: 'Żabka Łódź Sp. z o.o.',
  contact_name: 'Ewa Nowak',
  email: 'ewa@zabka.example',
  phone: null,
  stage: 'won',
  source: 'website',
  estimated_value: 5000,
  currency: 'PLN',
  notes: null,
  next_action: 'Quarterly review of the ordering portal with the whole operations team and their new head of logistics',
  next_action_at: '2027-01-10T09:00:00.000Z',
  stage_changed_at: '2026-11-01T10:00:00.000Z',
  created_at: '2026-10-01T10:00:00.000Z',
  updated_at: null,
  client_projects: JSON.stringify([
    { id: 'p1', name: 'Ordering portal', status: 'in_progress', value: 40000, currency: 'PLN', started_at: '2026-11-03', delivered_at: null },
    { id: 'p2', name: 'Brand refresh', status: 'delivered', value: null, currency: null, started_at: null, delivered_at: '2026-11-20' },
  ]),
};

function input(overrides: Partial<ClientStatusReportInput> = {}): ClientStatusReportInput {
  const [client] = clientsFrom([lead], [], []);
  if (!client) throw new Error('no client');
  return {
    client,
    partner: { name: 'Northlight Ventures', email: 'hello@northlight.example', website: 'northlight.example', brandColour: '#AA3311' },
    fonts,
    now: new Date('2026-12-01T12:00:00.000Z'),
    formatMoney: (amount, currency) => `${currency ?? ''} ${amount.toFixed(2)}`,
    ...overrides,
  };
}

function pdfText(bytes: Uint8Array): string {
  const file = join(work, `${Math.random().toString(36).slice(2)}.pdf`);
  writeFileSync(file, bytes);
  return execFileSync('pdftotext', ['-enc', 'UTF-8', file, '-'], { encoding: 'utf8' }).replace(/\s+/g, ' ');
}

describe('renderClientStatusReport', () => {
  it('puts the partner’s name, the client and its projects in the PDF, and never SISO', async () => {
    const bytes = await renderClientStatusReport(input());
    const text = pdfText(bytes);
    expect(text).toContain('Northlight Ventures');
    expect(text).toContain('Żabka Łódź Sp. z o.o.');
    expect(text).toContain('Ordering portal');
    expect(text).toContain('In progress · PLN 40000.00');
    expect(text).toContain('Delivered');
    expect(text).toContain('head of logistics');
    expect(text).not.toMatch(/SISO/i);
    const doc = await PDFDocument.load(bytes, { updateMetadata: false });
    expect(doc.getAuthor()).toBe('Northlight Ventures');
    expect(doc.getProducer()).toBe('Northlight Ventures');
  });

  it('refuses without a partner name, and names a character the fonts lack', async () => {
    await expect(renderClientStatusReport(input({ partner: { name: '  ' } }))).rejects.toThrow(/no company or display name/);
    const [client] = clientsFrom([{ ...lead, company: 'Smile 😀 Ltd' }], [], []);
    if (!client) throw new Error('no client');
    await expect(renderClientStatusReport(input({ client }))).rejects.toThrow(/U\+1F600/);
  });
});

describe('report helpers', () => {
  it('wraps long text to the width, splitting words only when they cannot fit', async () => {
    const embedded = await embedNotoSans(await PDFDocument.create(), fonts, 'wrap');
    const lines = wrapText('one two three four five six seven eight', embedded.regular, 10, 60);
    expect(lines.length).toBeGreaterThan(1);
    expect(lines.join(' ')).toBe('one two three four five six seven eight');
    for (const line of lines) expect(embedded.regular.widthOfTextAtSize(line, 10)).toBeLessThanOrEqual(60);
    expect(wrapText('x'.repeat(80), embedded.regular, 10, 60).join('')).toBe('x'.repeat(80));
  });

  it('names the file after the client and the day', () => {
    expect(clientReportFileName('Żabka Łódź Sp. z o.o.', new Date('2026-12-01T12:00:00Z'))).toBe('zabka-lodz-sp-z-o-o-status-2026-12-01.pdf');
    expect(clientReportFileName('???', new Date('2026-12-01T12:00:00Z'))).toBe('client-status-2026-12-01.pdf');
  });
});
