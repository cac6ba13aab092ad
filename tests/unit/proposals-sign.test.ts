import { createHash } from 'node:crypto';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PDFDocument } from 'pdf-lib';
import { PNG } from 'pngjs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bundledTemplates, renderProposal, signProposalPdf, signerSchema, type SignatureEvidence } from '../../sync/domain/proposals';

const fonts = {
  regular: new Uint8Array(readFileSync('resources/fonts/NotoSans-Regular.ttf')),
  bold: new Uint8Array(readFileSync('resources/fonts/NotoSans-Bold.ttf')),
};
const work = mkdtempSync(join(tmpdir(), 'proposals-sign-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

function signaturePng(): Uint8Array {
  const png = new PNG({ width: 300, height: 100 });
  for (let x = 10; x < 290; x += 1) {
    const y = Math.round(50 + 30 * Math.sin(x / 20));
    for (let dy = -2; dy <= 2; dy += 1) {
      const i = ((y + dy) * png.width + x) * 4;
      png.data[i + 3] = 255;
    }
  }
  return new Uint8Array(PNG.sync.write(png));
}

const pdftotext = (file: string, ...args: string[]) => execFileSync('pdftotext', ['-enc', 'UTF-8', ...args, file, '-'], { encoding: 'utf8' });
const pageCount = (file: string) => Number(/Pages:\s+(\d+)/.exec(execFileSync('pdfinfo', [file], { encoding: 'utf8' }))?.[1]);

let original: Uint8Array;
let originalSha: string;
beforeAll(async () => {
  const template = bundledTemplates().find((t) => t.id === 'priced-proposal');
  original = await renderProposal({
    template,
    data: {
      partner: { name: 'Łukasz Żółć', company: 'Żółć Partners' },
      lead: { company: "Zoë O'Brien Ltd", contact: 'Zoë', currency: 'GBP' },
      brand: { primary: '#1F4E79', secondary: '#F2A900' },
      referralUrl: 'https://siso.agency/r/lukasz',
      whiteLabel: false,
    },
    fonts,
    now: new Date('2026-12-01T10:00:00Z'),
  });
  originalSha = createHash('sha256').update(original).digest('hex');
});

const evidence = (overrides: Partial<SignatureEvidence> = {}): SignatureEvidence => ({
  signerName: "Zoë O'Brien",
  signerEmail: 'zoe@obrien.example.com',
  signedAt: new Date('2026-12-01T14:30:00Z'),
  method: 'drawn',
  signaturePng: signaturePng(),
  sha256Before: originalSha,
  proposal: { title: "Proposal for Zoë O'Brien Ltd", proposalId: '7f0c2a9e-1b2c-4d5e-8f90-123456789abc', version: 2, partnerName: 'Łukasz Żółć', leadCompany: "Zoë O'Brien Ltd" },
  timeZone: 'Europe/London',
  ...overrides,
});

describe('signProposalPdf', () => {
  it.each([
    ["Zoë O'Brien", 'zoe@obrien.example.com', 'drawn', "drawn with a pointer"],
    ['Łukasz Żółć', 'lukasz@zolc.example.pl', 'typed', 'typed name'],
  ] as const)('appends an acceptance page for %s that pdftotext reads, after the unchanged pages', async (name, email, method, methodWords) => {
    const signed = await signProposalPdf({ pdf: original, evidence: evidence({ signerName: name, signerEmail: email, method }), fonts });
    const before = join(work, `before-${method}.pdf`);
    const after = join(work, `signed-${method}.pdf`);
    writeFileSync(before, original);
    writeFileSync(after, signed);

    const pages = pageCount(before);
    expect(pageCount(after)).toBe(pages + 1);
    // The client's pages read exactly as they did before signing.
    expect(pdftotext(after, '-f', '1', '-l', String(pages))).toBe(pdftotext(before));

    const page = pdftotext(after, '-f', String(pages + 1), '-l', String(pages + 1)).replace(/\s+/g, ' ');
    expect(page).toContain('Acceptance and audit trail');
    expect(page).toContain(`Signed by ${name} <${email}>`);
    expect(page).toContain('Audit trail');
    expect(page).toContain(originalSha);
    expect(page).toContain('7f0c2a9e-1b2c-4d5e-8f90-123456789abc');
    expect(page).toContain('2026-12-01T14:30:00.000Z');
    expect(page).toContain('1 December 2026 at 14:30:00 GMT');
    expect(page).toContain(methodWords);
    expect(page).toContain('Łukasz Żółć');

    const doc = await PDFDocument.load(signed);
    expect(doc.getPage(pages).getSize()).toEqual(doc.getPage(0).getSize());
  });

  it('refuses a signature that is not a PNG, in a sentence', async () => {
    const jpegish = new Uint8Array([0xff, 0xd8, 0xff, 0xe0, 1, 2, 3, 4, 5, 6]);
    await expect(signProposalPdf({ pdf: original, evidence: evidence({ signaturePng: jpegish }), fonts })).rejects.toThrow(
      'The signature is not a PNG image, so it cannot be added. Ask the client to sign again.',
    );
  });

  it('refuses bytes that are not a PDF and a malformed fingerprint', async () => {
    await expect(signProposalPdf({ pdf: new TextEncoder().encode('hello'), evidence: evidence(), fonts })).rejects.toThrow(/The proposal PDF could not be read/);
    await expect(signProposalPdf({ pdf: original, evidence: evidence({ sha256Before: 'abc' }), fonts })).rejects.toThrow(/fingerprint of the proposal before signing/);
  });

  it('names a character of the signer the fonts lack', async () => {
    await expect(signProposalPdf({ pdf: original, evidence: evidence({ signerName: '王小明' }), fonts })).rejects.toThrow(/The character '王' \(U\+738B\) in the signer's name and email is not in the bundled fonts/);
  });
});

describe('signerSchema', () => {
  it('trims the name and checks the email, with sentences', () => {
    expect(signerSchema.parse({ name: '  Zoë O’Brien ', email: ' zoe@example.com ' })).toEqual({ name: 'Zoë O’Brien', email: 'zoe@example.com' });
    const bad = signerSchema.safeParse({ name: ' Z ', email: 'zoe@' });
    expect(bad.error?.issues.map((issue) => issue.message)).toEqual(["Enter the signer's full name.", "Enter the signer's email address, e.g. name@company.com."]);
    expect(signerSchema.safeParse({ name: 'x'.repeat(121), email: 'a@b.co' }).error?.issues[0]?.message).toBe("Keep the signer's name to 120 characters or fewer.");
  });
});
