/**
 * Proposal templates: pages of blocks, validated with zod. A template that does not parse is
 * rejected with a sentence naming the page and block at fault (InvalidTemplateError), never a crash
 * halfway through a render.
 */
import { z } from 'zod';

/** The variables a text may use, and where each value comes from (used in error messages). */
export const TEMPLATE_VARIABLES = {
  'partner.name': "the partner's name",
  'partner.company': "the partner's company name",
  'partner.email': "the partner's email address",
  'partner.phone': "the partner's phone number",
  'partner.website': "the partner's website",
  'partner.tagline': "the partner's tagline",
  'lead.company': "the lead's company name",
  'lead.contact': "the lead's contact name",
  'lead.value': "the lead's estimated value",
  'referral.url': "the partner's referral link",
  intro: 'the introduction text',
  today: "today's date",
} as const;
export type TemplateVariable = keyof typeof TEMPLATE_VARIABLES;

const VARIABLE_PATTERN = /\{([a-z]+(?:\.[a-z]+)?)\}/g;

/** The variable names a text refers to, in order, including ones that do not exist. */
export function variablesIn(text: string): string[] {
  return [...text.matchAll(VARIABLE_PATTERN)].map((match) => match[1] ?? '');
}

export function isTemplateVariable(name: string): name is TemplateVariable {
  return Object.hasOwn(TEMPLATE_VARIABLES, name);
}

export const COLOUR_TOKENS = ['primary', 'secondary', 'on-primary', 'on-secondary', 'text', 'muted', 'white', 'surface'] as const;
export type ColourToken = (typeof COLOUR_TOKENS)[number];

const colour = z.enum(COLOUR_TOKENS);
const align = z.enum(['left', 'center', 'right']);
const sectionId = z.string().regex(/^[a-z][a-z0-9-]*$/, 'Section ids are lower-case words joined by hyphens.');

const templateText = z
  .string()
  .min(1)
  .superRefine((text, ctx) => {
    for (const name of variablesIn(text)) {
      if (!isTemplateVariable(name)) {
        ctx.addIssue({ code: 'custom', message: `uses {${name}}, which is not a template variable (known: ${Object.keys(TEMPLATE_VARIABLES).map((v) => `{${v}}`).join(', ')})` });
      }
    }
  });

const blockBase = { id: z.string().min(1).optional(), section: sectionId.optional() };

export const textBlockSchema = z.strictObject({
  ...blockBase,
  type: z.literal('text'),
  text: templateText,
  size: z.number().min(5).max(72).default(11),
  weight: z.enum(['regular', 'bold']).default('regular'),
  colour: colour.default('text'),
  align: align.default('left'),
  line_height: z.number().min(1).max(3).default(1.4),
  /** Space after the block, in points. */
  space_after: z.number().min(0).max(200).default(8),
});

export const logoBlockSchema = z.strictObject({
  ...blockBase,
  type: z.literal('logo'),
  height: z.number().min(10).max(200).default(40),
  align: align.default('left'),
  space_after: z.number().min(0).max(200).default(12),
});

export const colourBandBlockSchema = z.strictObject({
  ...blockBase,
  type: z.literal('colour-band'),
  colour: colour.default('primary'),
  height: z.number().min(1).max(400).default(8),
  /** Runs from page edge to page edge instead of margin to margin. */
  full_bleed: z.boolean().default(false),
  space_after: z.number().min(0).max(200).default(12),
});

/** One line of a price list: priced by SISO, picked (when optional) and counted per client. */
export const priceListItemSchema = z.strictObject({
  id: z.string().regex(/^[a-z][a-z0-9-]*$/, 'Price list item ids are lower-case words joined by hyphens.'),
  label: z.string().min(1),
  description: z.string().min(1).optional(),
  /** Major units of the proposal's currency. */
  unit_price: z.number().min(0),
  /** What one of `quantity` is, e.g. "month". */
  unit: z.string().min(1).optional(),
  quantity: z.int().min(1).max(999).default(1),
  optional: z.boolean().default(false),
  /** For optional items: whether the item starts switched on. Required items are always included. */
  included: z.boolean().default(true),
});
export type PriceListItem = z.infer<typeof priceListItemSchema>;

export const pricingTableBlockSchema = z
  .strictObject({
    ...blockBase,
    type: z.literal('pricing-table'),
    /** Splits the lead's estimated value by percentage (exactly one of items / price_list). */
    items: z
      .array(z.strictObject({ label: z.string().min(1), percent: z.number().positive().max(100) }))
      .min(1)
      .refine((items) => Math.abs(items.reduce((sum, item) => sum + item.percent, 0) - 100) < 1e-9, {
        message: 'the line item percentages must add up to 100',
      })
      .optional(),
    /** Priced lines the partner and client choose from (exactly one of items / price_list). */
    price_list: z
      .array(priceListItemSchema)
      .min(1)
      .refine((list) => new Set(list.map((item) => item.id)).size === list.length, { message: 'each price list item needs its own id' })
      .optional(),
    tax: z.strictObject({ label: z.string().min(1), percent: z.number().min(0).max(100) }).optional(),
    headings: z
      .strictObject({ item: z.string().min(1), share: z.string().min(1), amount: z.string().min(1), quantity: z.string().min(1).default('Qty') })
      .default({ item: 'Item', share: 'Share', amount: 'Amount', quantity: 'Qty' }),
    /** Shown instead of the table when the lead has no estimated value. */
    empty_text: z.string().min(1).default('Pricing to be agreed.'),
    space_after: z.number().min(0).max(200).default(16),
  })
  .refine((block) => (block.items === undefined) !== (block.price_list === undefined), {
    message: 'needs exactly one of items (a split of the estimated value) or price_list (priced lines)',
  });

export const qrBlockSchema = z.strictObject({
  ...blockBase,
  type: z.literal('qr'),
  size: z.number().min(36).max(300).default(96),
  align: align.default('left'),
  caption: templateText.optional(),
  space_after: z.number().min(0).max(200).default(12),
});

export const pageNumberBlockSchema = z.strictObject({
  ...blockBase,
  type: z.literal('page-number'),
  /** `{page}` and `{pages}` are replaced; drawn in the bottom margin. */
  format: z.string().min(1).default('Page {page} of {pages}'),
  align: align.default('right'),
});

export const spacerBlockSchema = z.strictObject({
  ...blockBase,
  type: z.literal('spacer'),
  height: z.number().min(0).max(800),
});

export const blockSchema = z.discriminatedUnion('type', [
  textBlockSchema,
  logoBlockSchema,
  colourBandBlockSchema,
  pricingTableBlockSchema,
  qrBlockSchema,
  pageNumberBlockSchema,
  spacerBlockSchema,
]);
export type ProposalBlock = z.infer<typeof blockSchema>;
export type TextBlock = z.infer<typeof textBlockSchema>;
export type PricingTableBlock = z.infer<typeof pricingTableBlockSchema>;

/** A rectangle on a base PDF page (points from the bottom-left corner) that partner details are stamped into. */
export const zoneSchema = z.strictObject({
  id: z.string().min(1),
  x: z.number().min(0),
  y: z.number().min(0),
  width: z.number().positive(),
  height: z.number().positive(),
  /** Fill the zone with a brand colour before stamping (covers the base artwork). */
  fill: colour.optional(),
  padding: z.number().min(0).max(60).default(10),
  blocks: z.array(blockSchema).min(1),
});
export type StampZone = z.infer<typeof zoneSchema>;

export const pageSchema = z
  .strictObject({
    section: sectionId.optional(),
    /** Index of the page in the template's base PDF to stamp into; absent for a blank page. */
    base_page: z.int().min(0).optional(),
    blocks: z.array(blockSchema).default([]),
    zones: z.array(zoneSchema).default([]),
  })
  .refine((page) => page.blocks.length > 0 || page.zones.length > 0, { message: 'a page needs at least one block or zone' });
export type ProposalPage = z.infer<typeof pageSchema>;

export const PAGE_SIZES = { A4: [595.28, 841.89], Letter: [612, 792] } as const;

export const proposalTemplateSchema = z
  .strictObject({
    id: z.string().regex(/^[a-z][a-z0-9-]*$/),
    name: z.string().min(1),
    description: z.string().min(1),
    /** The document title (PDF metadata); may use variables. */
    title: templateText,
    page_size: z.enum(['A4', 'Letter']).default('A4'),
    locale: z.string().min(2).default('en-GB'),
    /** The marketing category (tier rules' benefits) a partner needs to use it. */
    category: z.string().min(1),
    /** File name (in resources/templates/) of the PDF whose pages are stamped. */
    base_pdf: z.string().regex(/^[\w.-]+\.pdf$/).optional(),
    sections: z.array(z.strictObject({ id: sectionId, label: z.string().min(1) })).default([]),
    pages: z.array(pageSchema).min(1),
  })
  .superRefine((template, ctx) => {
    const known = new Set(template.sections.map((section) => section.id));
    template.pages.forEach((page, pageIndex) => {
      if (page.section && !known.has(page.section)) {
        ctx.addIssue({ code: 'custom', path: ['pages', pageIndex, 'section'], message: `names section '${page.section}', which the template's sections list does not declare` });
      }
      if (page.base_page !== undefined && !template.base_pdf) {
        ctx.addIssue({ code: 'custom', path: ['pages', pageIndex, 'base_page'], message: 'stamps a base page, but the template has no base_pdf' });
      }
      page.blocks.forEach((block, blockIndex) => {
        if (block.section && !known.has(block.section)) {
          ctx.addIssue({ code: 'custom', path: ['pages', pageIndex, 'blocks', blockIndex, 'section'], message: `names section '${block.section}', which the template's sections list does not declare` });
        }
      });
    });
  });
export type ProposalTemplate = z.infer<typeof proposalTemplateSchema>;

export class InvalidTemplateError extends Error {
  override name = 'InvalidTemplateError';
  constructor(
    message: string,
    readonly problems: string[],
  ) {
    super(message);
  }
}

function describeBlock(input: unknown, path: readonly PropertyKey[]): string {
  const parts: string[] = [];
  let node: unknown = input;
  for (let i = 0; i < path.length; i += 1) {
    const key = path[i];
    const next = node !== null && typeof node === 'object' ? (node as Record<PropertyKey, unknown>)[key as PropertyKey] : undefined;
    if (typeof key === 'number' && path[i - 1] === 'pages') parts.push(`page ${key + 1}`);
    if (typeof key === 'number' && path[i - 1] === 'zones') {
      const id = next !== null && typeof next === 'object' ? (next as { id?: unknown }).id : undefined;
      parts.push(`zone ${typeof id === 'string' ? `'${id}'` : key + 1}`);
    }
    if (typeof key === 'number' && path[i - 1] === 'blocks') {
      const block = next !== null && typeof next === 'object' ? (next as { type?: unknown; id?: unknown }) : {};
      const type = typeof block.type === 'string' ? block.type : 'unknown';
      const id = typeof block.id === 'string' ? ` '${block.id}'` : '';
      parts.push(`block ${key + 1} (${type}${id})`);
    }
    if (typeof key === 'string' && !['pages', 'blocks', 'zones', 'type'].includes(key)) parts.push(key.replace(/_/g, ' '));
    node = next;
  }
  return parts.length > 0 ? parts.join(', ') : 'template';
}

/** Parses a template from JSON (catalog body or bundled file) or throws InvalidTemplateError. */
export function parseProposalTemplate(input: unknown): ProposalTemplate {
  const parsed = proposalTemplateSchema.safeParse(input);
  if (parsed.success) return parsed.data;
  const name = input !== null && typeof input === 'object' && typeof (input as { name?: unknown }).name === 'string' ? (input as { name: string }).name : 'This proposal template';
  const problems = parsed.error.issues.map((issue) => {
    const where = describeBlock(input, issue.path);
    const message = issue.code === 'invalid_union' ? 'is not a known block type (text, logo, colour-band, pricing-table, qr, page-number, spacer)' : issue.message;
    return `${where}: ${message}`;
  });
  return throwInvalid(name, problems);
}

function throwInvalid(name: string, problems: string[]): never {
  throw new InvalidTemplateError(`${name} cannot be used: ${problems.join('; ')}. Ask SISO's partner team for an updated template.`, problems);
}
