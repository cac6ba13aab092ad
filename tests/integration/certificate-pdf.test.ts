/**
 * The certificate PDF checked with poppler: pdftotext must extract the partner's Unicode name, the
 * track, the dates and the verification code as text, and pdftoppm renders it to
 * /tmp/shots-certificates/ for a look.
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { MissingGlyphError } from '../../sync/domain/proposals';
import { CertificateRenderError, renderCertificate, type CertificateInput } from '../../sync/domain/certificates';

const fonts = {
  regular: new Uint8Array(readFileSync('resources/fonts/NotoSans-Regular.ttf')),
  bold: new Uint8Array(readFileSync('resources/fonts/NotoSans-Bold.ttf')),
};
const work = mkdtempSync(join(tmpdir(), 'certificate-pdf-'));
const shots = '/tmp/shots-certificates';
mkdirSync(shots, { recursive: true });
afterAll(() => rmSync(work, { recursive: true, force: true }));

const input: CertificateInput = {
  partnerName: 'Łukasz Żółć-Παπαδόπουλος',
  track: 'Sales',
  courseTitle: 'Sales Fundamentals',
  issuedAt: '2026-12-01T09:30:00Z',
  expiresAt: '2027-12-01T09:30:00Z',
  verificationCode: '3F9A1C27B0DE',
  fonts,
};

function pdfText(pdf: Uint8Array, name: string): string {
  const file = join(work, `${name}.pdf`);
  writeFileSync(file, pdf);
  return execFileSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' }).replace(/\s+/g, ' ');
}

describe('certificate PDF', () => {
  it('extracts the Unicode name, track, dates, code and verify address as text', async () => {
    const pdf = await renderCertificate(input);
    const text = pdfText(pdf, 'certificate');
    expect(text).toContain('Łukasz Żółć-Παπαδόπουλος');
    expect(text).toContain('Sales certification');
    expect(text).toContain('Sales Fundamentals');
    expect(text).toContain('1 December 2026');
    expect(text).toContain('1 December 2027');
    expect(text).toContain('3F9A1C27B0DE');
    expect(text).toContain('https://siso.agency/verify/3F9A1C27B0DE');
    execFileSync('pdftoppm', ['-png', '-r', '60', join(work, 'certificate.pdf'), join(shots, 'certificate')]);
  });

  it('renders the same bytes for the same certificate', async () => {
    expect(Buffer.from(await renderCertificate(input)).equals(Buffer.from(await renderCertificate(input)))).toBe(true);
  });

  it('says which text the fonts cannot draw and refuses an empty name', async () => {
    await expect(renderCertificate({ ...input, partnerName: 'Partner 🦄' })).rejects.toBeInstanceOf(MissingGlyphError);
    await expect(renderCertificate({ ...input, partnerName: '  ' })).rejects.toBeInstanceOf(CertificateRenderError);
  });
});
