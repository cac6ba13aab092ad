/**
 * Renders every bundled proposal template with real Unicode names and checks the PDF with poppler:
 * pdftotext must extract the names, company and formatted price (selectable text with ToUnicode
 * maps), and pdftoppm must rasterise each page (PNGs in /tmp/proposal-*.png for a look;
 * UPDATE_SCREENSHOTS=1 refreshes resources/screenshots/proposal-<template>.png).
 */
import { execFileSync } from 'node:child_process';
import { copyFileSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { bundledTemplates, formatMinorUnits, renderProposal, type ProposalData } from '../../sync/domain/proposals';

const fonts = {
  regular: new Uint8Array(readFileSync('resources/fonts/NotoSans-Regular.ttf')),
  bold: new Uint8Array(readFileSync('resources/fonts/NotoSans-Bold.ttf')),
};
const basePdf = new Uint8Array(readFileSync('resources/templates/siso-overview-brochure.pdf'));
const now = new Date('2026-11-25T10:00:00Z');
const work = mkdtempSync(join(tmpdir(), 'proposals-pdf-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

const partner = { name: 'Łukasz Żółć', company: 'Żółć Partners', email: 'lukasz@example.com', phone: '+48 22 123 45 67', website: 'https://zolc.example.com' };
const leads = [
  { key: 'greek', lead: { company: "Zoë O'Brien Ltd", contact: 'Ελένη Παπαδοπούλου', estimatedValue: 12_345.67, currency: 'EUR' } },
  { key: 'cyrillic', lead: { company: 'Иванов и партнёры', contact: 'Дмитрий Иванов', estimatedValue: 48_000, currency: 'GBP' } },
] as const;

function dataFor(lead: ProposalData['lead']): ProposalData {
  return {
    partner,
    lead,
    brand: { primary: '#1F4E79', secondary: '#F2A900' },
    referralUrl: 'https://siso.agency/r/lukasz-zolc?utm_source=proposal',
    intro: `Dear ${lead.contact ?? ''}, thank you for meeting with me. Here is how SISO can help ${lead.company}.`,
    whiteLabel: false,
  };
}

const normalise = (text: string) => text.replace(/\s+/g, ' ');

describe.each(bundledTemplates())('template $id', (template) => {
  it.each(leads)('renders selectable Unicode text for the $key lead and rasterises', async ({ key, lead }) => {
    const pdf = await renderProposal({ template, data: dataFor(lead), fonts, now, basePdf });
    const file = join(work, `${template.id}-${key}.pdf`);
    writeFileSync(file, pdf);

    const text = normalise(execFileSync('pdftotext', ['-enc', 'UTF-8', file, '-'], { encoding: 'utf8' }));
    expect(text).toContain('Łukasz Żółć');
    expect(text).toContain(lead.company);
    expect(text).toContain(lead.contact);
    expect(text).toContain('Created with SISO Partner Workstation');
    if (template.id === 'four-page-proposal') {
      expect(text).toContain(formatMinorUnits(Math.round(lead.estimatedValue * 100), lead.currency, 'en-GB'));
      expect(text).toMatch(/Page 4 of 4/);
    }

    const info = execFileSync('pdfinfo', ['-enc', 'UTF-8', file], { encoding: 'utf8' });
    expect(info).toMatch(/Author:\s+Łukasz Żółć, Żółć Partners/);
    expect(info).toMatch(/Creator:\s+SISO Partner Workstation/);
    expect(info).toMatch(new RegExp(`Title:\\s+.*${lead.company.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}`));
    const fontsList = execFileSync('pdffonts', [file], { encoding: 'utf8' });
    expect(fontsList).toMatch(/[A-Z]{6}\+NotoSans-Regular\s+CID TrueType\s+Identity-H\s+yes\s+yes\s+yes/);

    const prefix = `/tmp/proposal-${template.id}-${key}`;
    execFileSync('pdftoppm', ['-png', '-r', '50', file, prefix]);
    const pngs = readdirSync('/tmp').filter((name) => name.startsWith(`proposal-${template.id}-${key}-`) && name.endsWith('.png'));
    expect(pngs.length).toBeGreaterThanOrEqual(template.id === 'four-page-proposal' ? 4 : template.pages.length);

    if (process.env.UPDATE_SCREENSHOTS === '1' && key === 'greek') {
      execFileSync('pdftoppm', ['-png', '-r', '40', '-f', '1', '-l', '1', '-singlefile', file, join(work, template.id)]);
      copyFileSync(join(work, `${template.id}.png`), `resources/screenshots/proposal-${template.id}.png`);
    }
  });
});
