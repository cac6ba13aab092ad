import { readFileSync } from 'node:fs';
import { PDFDocument } from 'pdf-lib';
import { describe, expect, it } from 'vitest';
import {
  InvalidTemplateError,
  MissingGlyphError,
  SISO_FOOTER,
  buildProposalActivity,
  bundledTemplates,
  computePricing,
  formatMinorUnits,
  parseProposalTemplate,
  proposalFileName,
  readProposalMeta,
  renderProposal,
  type ProposalData,
} from '../../sync/domain/proposals';

const fonts = {
  regular: new Uint8Array(readFileSync('resources/fonts/NotoSans-Regular.ttf')),
  bold: new Uint8Array(readFileSync('resources/fonts/NotoSans-Bold.ttf')),
};
const now = new Date('2026-11-25T10:00:00Z');

const data: ProposalData = {
  partner: { name: 'Łukasz Żółć', company: 'Żółć Partners', email: 'lukasz@example.com', phone: '+48 22 123 45 67' },
  lead: { company: "Zoë O'Brien Ltd", contact: 'Ελένη Παπαδοπούλου', estimatedValue: 1000, currency: 'GBP' },
  brand: { primary: '#1F4E79', secondary: '#F2A900' },
  referralUrl: 'https://siso.agency/r/lukasz',
  whiteLabel: false,
};

const tinyTemplate = (blocks: unknown[]) => ({
  id: 'tiny',
  name: 'Tiny',
  description: 'A test template.',
  title: 'Tiny for {lead.company}',
  category: 'proposals',
  pages: [{ blocks }],
});

/** Uncompressed text operands are hex glyph ids, so read what was drawn through the metadata and layout instead. */
async function pdfInfo(bytes: Uint8Array) {
  const doc = await PDFDocument.load(bytes, { updateMetadata: false });
  return { doc, title: doc.getTitle(), author: doc.getAuthor(), creator: doc.getCreator(), subject: doc.getSubject(), producer: doc.getProducer() };
}

describe('proposal template schema', () => {
  it('accepts the bundled templates', () => {
    expect(bundledTemplates().map((t) => t.id)).toEqual(['one-page-introduction', 'four-page-proposal', 'co-branded-brochure', 'priced-proposal']);
  });

  it('rejects an unknown block type with a message naming the page and block', () => {
    const bad = tinyTemplate([{ type: 'text', text: 'Hello' }, { type: 'video', id: 'promo' }]);
    expect(() => parseProposalTemplate(bad)).toThrow(InvalidTemplateError);
    expect(() => parseProposalTemplate(bad)).toThrow(/page 1, block 2 \(video 'promo'\): is not a known block type/);
  });

  it('rejects a pricing table whose percentages do not add up, naming the block', () => {
    const bad = tinyTemplate([{ type: 'pricing-table', id: 'fees', items: [{ label: 'A', percent: 60 }, { label: 'B', percent: 30 }] }]);
    expect(() => parseProposalTemplate(bad)).toThrow(/page 1, block 1 \(pricing-table 'fees'\), items: the line item percentages must add up to 100/);
  });

  it('rejects an unknown variable, naming it', () => {
    const bad = tinyTemplate([{ type: 'text', text: 'Hi {lead.budget}' }]);
    expect(() => parseProposalTemplate(bad)).toThrow(/block 1 \(text\), text: uses \{lead\.budget\}, which is not a template variable/);
  });

  it('rejects a block naming an undeclared section', () => {
    const bad = tinyTemplate([{ type: 'text', text: 'Hi', section: 'nope' }]);
    expect(() => parseProposalTemplate(bad)).toThrow(/names section 'nope'/);
  });

  it('renderProposal rejects a bad template with the same error instead of crashing', async () => {
    await expect(renderProposal({ template: tinyTemplate([{ type: 'qr', size: 5 }]), data, fonts, now })).rejects.toThrow(/page 1, block 1 \(qr\), size/);
  });
});

describe('pricing maths', () => {
  it('splits the value into minor units that add up exactly', () => {
    const pricing = computePricing(100, 'GBP', [
      { label: 'A', percent: 33.33 },
      { label: 'B', percent: 33.33 },
      { label: 'C', percent: 33.34 },
    ]);
    expect(pricing.lines.map((l) => l.amountMinor)).toEqual([3333, 3333, 3334]);
    expect(pricing.subtotalMinor).toBe(10_000);
    expect(pricing.lines.reduce((s, l) => s + l.amountMinor, 0)).toBe(pricing.subtotalMinor);
    expect(pricing.totalMinor).toBe(10_000);
  });

  it('uses the largest remainder for thirds', () => {
    const pricing = computePricing(10, 'EUR', [
      { label: 'A', percent: 100 / 3 },
      { label: 'B', percent: 100 / 3 },
      { label: 'C', percent: 100 / 3 },
    ]);
    expect(pricing.lines.map((l) => l.amountMinor)).toEqual([334, 333, 333]);
  });

  it('respects currencies without minor units and adds tax', () => {
    const pricing = computePricing(123_456, 'JPY', [{ label: 'All', percent: 100 }], { label: 'Tax', percent: 10 });
    expect(pricing.fractionDigits).toBe(0);
    expect(pricing.tax?.amountMinor).toBe(12_346);
    expect(pricing.totalMinor).toBe(135_802);
    expect(formatMinorUnits(pricing.totalMinor, 'JPY', 'en-GB')).toBe('JP¥135,802');
  });

  it('formats money with Intl for the currency and locale', () => {
    expect(formatMinorUnits(1_234_567, 'EUR', 'en-GB')).toBe('€12,345.67');
    expect(formatMinorUnits(1_234_567, 'GBP', 'en-GB')).toBe('£12,345.67');
  });
});

describe('renderProposal', () => {
  it('writes metadata: title with variables, author = partner, creator and creation date', async () => {
    const bytes = await renderProposal({ template: tinyTemplate([{ type: 'text', text: 'Dear {lead.contact}' }]), data, fonts, now });
    const info = await pdfInfo(bytes);
    expect(info.title).toBe("Tiny for Zoë O'Brien Ltd");
    expect(info.author).toBe('Łukasz Żółć, Żółć Partners');
    expect(info.subject).toBe("Tiny for Zoë O'Brien Ltd");
    expect(info.creator).toBe('SISO Partner Workstation');
    expect(info.producer).toContain('SISO Partner Workstation');
    expect(info.doc.getCreationDate()?.toISOString()).toBe(now.toISOString());
  });

  it('names a character the fonts lack and where it came from', async () => {
    const render = renderProposal({
      template: tinyTemplate([{ type: 'text', text: 'Proposal for {lead.company}' }]),
      data: { ...data, lead: { ...data.lead, company: '北京 Ltd' } },
      fonts,
      now,
    });
    await expect(render).rejects.toBeInstanceOf(MissingGlyphError);
    await expect(
      renderProposal({ template: tinyTemplate([{ type: 'text', text: 'Proposal for {lead.company}' }]), data: { ...data, lead: { ...data.lead, company: '中 Ltd' } }, fonts, now }),
    ).rejects.toThrow("The character '中' (U+4E2D) in the lead's company name is not in the bundled fonts.");
  });

  it('checks the introduction text and emoji outside the BMP', async () => {
    await expect(
      renderProposal({ template: tinyTemplate([{ type: 'text', text: '{intro}' }]), data: { ...data, intro: 'Hello 🙂' }, fonts, now }),
    ).rejects.toThrow("The character '🙂' (U+1F642) in the introduction text is not in the bundled fonts.");
  });

  it('does not check a section that is switched off', async () => {
    const template = { ...tinyTemplate([{ type: 'text', text: 'Hi' }, { type: 'text', text: '{intro}', section: 'intro' }]), sections: [{ id: 'intro', label: 'Intro' }] };
    const bytes = await renderProposal({ template, data: { ...data, intro: '中', sectionsOff: ['intro'] }, fonts, now });
    expect(bytes.byteLength).toBeGreaterThan(1000);
  });

  it('draws the SISO footer unless white-label, and white-label metadata does not name SISO', async () => {
    const template = tinyTemplate([{ type: 'text', text: 'Hello' }]);
    const branded = await renderProposal({ template, data, fonts, now });
    const white = await renderProposal({ template, data: { ...data, whiteLabel: true }, fonts, now });
    // The footer is the only drawn text besides "Hello", so it shows up as extra glyphs in the subset font.
    expect(branded.byteLength).toBeGreaterThan(white.byteLength);
    const info = await pdfInfo(white);
    expect(`${info.creator} ${info.producer} ${info.title}`).not.toMatch(/SISO/);
    expect(SISO_FOOTER).toMatch(/SISO/);
  });

  it('renders every bundled template', async () => {
    const basePdf = new Uint8Array(readFileSync('resources/templates/siso-overview-brochure.pdf'));
    for (const template of bundledTemplates()) {
      const bytes = await renderProposal({ template, data, fonts, now, basePdf });
      const doc = await PDFDocument.load(bytes);
      expect(doc.getPageCount()).toBe(template.id === 'four-page-proposal' ? 4 : template.pages.length);
    }
  });

  it('asks for the base brochure when a stamping template gets none', async () => {
    const brochure = bundledTemplates().find((t) => t.id === 'co-branded-brochure');
    await expect(renderProposal({ template: brochure, data, fonts, now })).rejects.toThrow(/siso-overview-brochure\.pdf, which was not supplied/);
  });

  it('rejects a bad brand colour with a sentence', async () => {
    await expect(renderProposal({ template: tinyTemplate([{ type: 'text', text: 'Hi' }]), data: { ...data, brand: { primary: 'blue', secondary: '#000000' } }, fonts, now })).rejects.toThrow(
      "The primary brand colour 'blue' is not a six-digit hex colour such as #1F4E79.",
    );
  });
});

describe('proposal activity', () => {
  it('names the file after the lead company without characters file systems reject', () => {
    expect(proposalFileName("Zoë O'Brien Ltd")).toBe("Zoë O'Brien Ltd proposal.pdf");
    expect(proposalFileName('A/B: "Co" <Ltd>')).toBe('A B Co Ltd proposal.pdf');
    expect(proposalFileName('  ')).toBe('Client proposal.pdf');
  });

  it('builds a proposal_created activity whose meta round-trips', () => {
    const activity = buildProposalActivity(
      { leadId: 'lead-1', fileName: 'X proposal.pdf', templateId: 'four-page-proposal', templateName: 'Four-page proposal', sha256: 'ab'.repeat(32) },
      { id: '00000000-0000-4000-8000-000000000001', partnerId: '00000000-0000-4000-8000-00000000de40', now },
    );
    expect(activity.kind).toBe('proposal_created');
    expect(activity.lead_id).toBe('lead-1');
    expect(readProposalMeta(activity.meta)).toEqual({ fileName: 'X proposal.pdf', template: 'four-page-proposal', sha256: 'ab'.repeat(32) });
    expect(readProposalMeta('not json')).toBeNull();
  });
});
