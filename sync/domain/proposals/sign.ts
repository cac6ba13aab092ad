/**
 * In-person signing: appends an "Acceptance and audit trail" page to a proposal PDF with the
 * client's signature, who signed and when, and the document's SHA-256 before signing. Pure
 * (pdf-lib only), so it runs in the renderer and in the PDF worker alike.
 */
import { PDFDocument, rgb, type PDFFont } from 'pdf-lib';
import { z } from 'zod';
import { embedNotoSans } from '../pdf/embed-fonts';
import { assertDrawable } from './glyphs';
import { PAGE_SIZES } from './template-schema';
import { wrapText } from './render';

export const signerSchema = z.object({
  name: z
    .string()
    .trim()
    .min(2, "Enter the signer's full name.")
    .max(120, "Keep the signer's name to 120 characters or fewer."),
  email: z.string().trim().pipe(z.email("Enter the signer's email address, e.g. name@company.com.")),
});
export type Signer = z.infer<typeof signerSchema>;

export interface SignatureEvidence {
  signerName: string;
  signerEmail: string;
  signedAt: Date;
  method: 'drawn' | 'typed';
  /** The signature as drawn (or the typed name set as an image), PNG bytes. */
  signaturePng: Uint8Array;
  /** SHA-256 (hex) of the PDF as the client saw it, before this page was added. */
  sha256Before: string;
  proposal: { title: string; proposalId: string; version: number; partnerName: string; leadCompany: string };
  /** For the local time on the page; defaults to the runtime's zone. */
  timeZone?: string;
}

export class ProposalSignError extends Error {
  override name = 'ProposalSignError';
}

export const ACCEPTANCE_PAGE_TITLE = 'Acceptance and audit trail';
const METHOD_SENTENCES: Record<SignatureEvidence['method'], string> = {
  drawn: "Signed in person on the partner's device, drawn with a pointer",
  typed: "Signed in person on the partner's device, typed name",
};
const PNG_MAGIC = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];
const MARGIN = 56;
const TEXT = rgb(0.11, 0.12, 0.14);
const MUTED = rgb(0.36, 0.38, 0.42);
const RULE = rgb(0.82, 0.84, 0.87);

function isPng(bytes: Uint8Array): boolean {
  return bytes.length > PNG_MAGIC.length && PNG_MAGIC.every((byte, index) => bytes[index] === byte);
}

function localTime(at: Date, timeZone: string | undefined): string {
  const format = new Intl.DateTimeFormat('en-GB', { dateStyle: 'long', timeStyle: 'long', ...(timeZone ? { timeZone } : {}) });
  return format.format(at);
}

/**
 * Returns the PDF with the acceptance page appended; the original pages are copied unchanged. The
 * caller hashes the PDF beforehand (evidence.sha256Before) and the result afterwards.
 */
export async function signProposalPdf(input: { pdf: Uint8Array; evidence: SignatureEvidence; fonts: { regular: Uint8Array; bold: Uint8Array } }): Promise<Uint8Array> {
  const { evidence } = input;
  const signer = signerSchema.safeParse({ name: evidence.signerName, email: evidence.signerEmail });
  if (!signer.success) throw new ProposalSignError(signer.error.issues[0]?.message ?? "The signer's name or email is not valid.");
  if (!isPng(evidence.signaturePng)) throw new ProposalSignError('The signature is not a PNG image, so it cannot be added. Ask the client to sign again.');
  if (!/^[0-9a-f]{64}$/i.test(evidence.sha256Before)) throw new ProposalSignError('The fingerprint of the proposal before signing is missing or malformed, so it cannot be signed. Save the proposal again and retry.');
  if (Number.isNaN(evidence.signedAt.getTime())) throw new ProposalSignError('The signing time is not a valid date.');

  let doc: PDFDocument;
  try {
    doc = await PDFDocument.load(input.pdf, { updateMetadata: false });
  } catch {
    throw new ProposalSignError('The proposal PDF could not be read, so it cannot be signed. Open it again from the history and retry.');
  }
  const fonts = await embedNotoSans(doc, input.fonts, `signature|${evidence.proposal.proposalId}|${evidence.signedAt.toISOString()}`);
  let signature;
  try {
    signature = await doc.embedPng(evidence.signaturePng);
  } catch {
    throw new ProposalSignError('The signature image could not be read. Ask the client to sign again.');
  }

  const { name, email } = signer.data;
  const signedIso = evidence.signedAt.toISOString();
  const rows: [string, string][] = [
    ['Document SHA-256 before signing', evidence.sha256Before.toLowerCase()],
    ['Proposal', evidence.proposal.title],
    ['Proposal id', evidence.proposal.proposalId],
    ['Version', String(evidence.proposal.version)],
    ['Client', evidence.proposal.leadCompany],
    ['Partner', evidence.proposal.partnerName],
    ['Method', METHOD_SENTENCES[evidence.method]],
    ['Signed at (UTC)', signedIso],
    ['Signed at (local)', localTime(evidence.signedAt, evidence.timeZone)],
  ];
  const signedBy = `Signed by ${name} <${email}>`;
  const statement = `${name} accepted this proposal from ${evidence.proposal.partnerName} for ${evidence.proposal.leadCompany} by signing below.`;
  for (const [label, value] of rows) {
    assertDrawable(label, 'the audit trail', fonts.boldSet);
    assertDrawable(value, `the audit trail (${label.toLowerCase()})`, fonts.regularSet);
  }
  assertDrawable(signedBy, "the signer's name and email", fonts.boldSet);
  assertDrawable(statement, "the signer's name", fonts.regularSet);

  const last = doc.getPageCount() > 0 ? doc.getPage(doc.getPageCount() - 1) : null;
  const [width, height] = last ? [last.getWidth(), last.getHeight()] : PAGE_SIZES.A4;
  const page = doc.addPage([width, height]);
  const contentWidth = width - 2 * MARGIN;
  let y = height - MARGIN;
  const line = (text: string, font: PDFFont, size: number, colour = TEXT, gap = 1.4) => {
    for (const part of wrapText(text, font, size, contentWidth)) {
      y -= size * gap;
      if (part) page.drawText(part, { x: MARGIN, y, size, font, color: colour });
    }
  };

  line(ACCEPTANCE_PAGE_TITLE, fonts.bold, 20, TEXT, 1.2);
  y -= 10;
  line(statement, fonts.regular, 11);
  y -= 16;
  const box = { width: Math.min(260, contentWidth), height: 90 };
  const scale = Math.min(box.width / signature.width, box.height / signature.height, 1);
  const drawn = { width: signature.width * scale, height: signature.height * scale };
  page.drawImage(signature, { x: MARGIN, y: y - box.height + (box.height - drawn.height) / 2, width: drawn.width, height: drawn.height });
  y -= box.height + 4;
  page.drawLine({ start: { x: MARGIN, y }, end: { x: MARGIN + box.width, y }, thickness: 0.75, color: MUTED });
  y -= 4;
  line(signedBy, fonts.bold, 11);
  line(`${signedIso} · ${localTime(evidence.signedAt, evidence.timeZone)}`, fonts.regular, 9.5, MUTED);
  y -= 22;
  line('Audit trail', fonts.bold, 14, TEXT, 1.3);
  y -= 4;
  const labelWidth = 150;
  for (const [label, value] of rows) {
    const size = label.startsWith('Document') ? 8 : 10;
    const leading = 13;
    const labelLines = wrapText(label, fonts.bold, 9, labelWidth - 10);
    const valueLines = wrapText(value, fonts.regular, size, contentWidth - labelWidth);
    page.drawLine({ start: { x: MARGIN, y }, end: { x: MARGIN + contentWidth, y }, thickness: 0.5, color: RULE });
    labelLines.forEach((part, index) => page.drawText(part, { x: MARGIN, y: y - 14 - index * leading, size: 9, font: fonts.bold, color: MUTED }));
    valueLines.forEach((part, index) => page.drawText(part, { x: MARGIN + labelWidth, y: y - 14 - index * leading, size, font: fonts.regular, color: TEXT }));
    y -= Math.max(labelLines.length, valueLines.length) * leading + 8;
  }
  page.drawLine({ start: { x: MARGIN, y }, end: { x: MARGIN + contentWidth, y }, thickness: 0.5, color: RULE });
  const note = 'The SHA-256 above identifies the pages before this one exactly: recomputing it over the unsigned file proves they were not changed.';
  y -= 8;
  line(note, fonts.regular, 8.5, MUTED);

  doc.setModificationDate(evidence.signedAt);
  return doc.save();
}
