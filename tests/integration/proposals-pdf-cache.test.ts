/**
 * The proposal engine's caches (parsed fonts, shaped text, encoded subsets) must not change what
 * is rendered: a render served from them gives the same bytes and the same extracted text as a
 * render from freshly parsed fonts.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fontkit from '@pdf-lib/fontkit';
import { afterAll, describe, expect, it, vi } from 'vitest';
import { bundledTemplates, renderProposal, type ProposalData } from '../../sync/domain/proposals';

const fontFiles = {
  regular: readFileSync('resources/fonts/NotoSans-Regular.ttf'),
  bold: readFileSync('resources/fonts/NotoSans-Bold.ttf'),
};
/** A new copy of the font bytes is a cache miss: the engine keys parsed fonts by the byte array. */
const freshFonts = () => ({ regular: new Uint8Array(fontFiles.regular), bold: new Uint8Array(fontFiles.bold) });
const basePdf = new Uint8Array(readFileSync('resources/templates/siso-overview-brochure.pdf'));
const now = new Date('2026-11-25T10:00:00Z');
const work = mkdtempSync(join(tmpdir(), 'proposals-cache-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

function dataFor(company: string, contact: string, estimatedValue: number): ProposalData {
  return {
    partner: { name: 'Łukasz Żółć', company: 'Żółć Partners', email: 'lukasz@example.com' },
    lead: { company, contact, estimatedValue, currency: 'EUR' },
    brand: { primary: '#1F4E79', secondary: '#F2A900' },
    referralUrl: 'https://siso.agency/r/lukasz-zolc',
    intro: `Dear ${contact}, here is how SISO can help ${company}.`,
    whiteLabel: false,
  };
}

function pdfText(pdf: Uint8Array, name: string): string {
  const file = join(work, name);
  writeFileSync(file, pdf);
  return execFileSync('pdftotext', ['-enc', 'UTF-8', file, '-'], { encoding: 'utf8' });
}

describe.each(bundledTemplates())('template $id rendered from the font caches', (template) => {
  it('gives the same bytes and text as a render from freshly parsed fonts', async () => {
    const greek = dataFor("Zoë O'Brien Ltd", 'Ελένη Παπαδοπούλου', 12_345.67);
    const cyrillic = dataFor('Иванов и партнёры', 'Дмитрий Иванов', 48_000);
    const fonts = freshFonts();
    const parse = vi.spyOn(fontkit, 'create');
    try {
      const cold = await renderProposal({ template, data: greek, fonts, now, basePdf });
      expect(parse).toHaveBeenCalledTimes(2);
      // Other text in between, so the caches hold more than the first render's runs and subsets.
      await renderProposal({ template, data: cyrillic, fonts, now, basePdf });
      const warm = await renderProposal({ template, data: greek, fonts, now, basePdf });
      expect(parse).toHaveBeenCalledTimes(2);

      expect(Buffer.from(warm).equals(Buffer.from(cold))).toBe(true);
      const reference = await renderProposal({ template, data: greek, fonts: freshFonts(), now, basePdf });
      expect(Buffer.from(reference).equals(Buffer.from(cold))).toBe(true);
      const text = pdfText(warm, `${template.id}-warm.pdf`);
      expect(text).toContain('Ελένη Παπαδοπούλου');
      expect(text).toBe(pdfText(cold, `${template.id}-cold.pdf`));
    } finally {
      parse.mockRestore();
    }
  });
});
