import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { BUNDLED_TEMPLATE_JSON, bundledTemplates } from '../../sync/domain/proposals';
import { templatesFromCatalog } from '../../sync/domain/proposals/catalog-templates';

const row = (id: string, body: unknown, title = id) => ({ id, slug: id, title, body });

describe('templatesFromCatalog', () => {
  it('parses every bundled template from catalog rows, in order', () => {
    const result = templatesFromCatalog(BUNDLED_TEMPLATE_JSON.map((body, index) => row(`row-${index}`, body)));
    expect(result.unusable).toEqual([]);
    expect(result.templates.map((template) => template.id)).toEqual(bundledTemplates().map((template) => template.id));
  });

  it('lists a template with a bad block with a message instead of failing the others', () => {
    const good = BUNDLED_TEMPLATE_JSON[0];
    const bad = {
      id: 'broken',
      name: 'Broken template',
      description: 'Has a block nobody knows.',
      title: 'Broken',
      category: 'proposals',
      pages: [{ blocks: [{ type: 'text', text: 'Hello {lead.company}' }, { type: 'video', url: 'x' }] }],
    };
    const result = templatesFromCatalog([row('bad', bad, 'Broken template'), row('good', good), row('junk', 'not even an object', 'Junk')]);
    expect(result.templates.map((template) => template.id)).toEqual(['one-page-introduction']);
    expect(result.unusable).toEqual([
      {
        rowId: 'bad',
        title: 'Broken template',
        message:
          "Broken template cannot be used: page 1, block 2 (video): is not a known block type (text, logo, colour-band, pricing-table, qr, page-number, spacer). Ask SISO's partner team for an updated template.",
      },
      { rowId: 'junk', title: 'Junk', message: expect.stringMatching(/^This proposal template cannot be used: .*Ask SISO's partner team for an updated template\.$/) },
    ]);
  });

  it('refuses a second template with the same id', () => {
    const result = templatesFromCatalog([row('a', BUNDLED_TEMPLATE_JSON[0]), row('b', BUNDLED_TEMPLATE_JSON[0], 'Copy')]);
    expect(result.templates).toHaveLength(1);
    expect(result.unusable[0]?.message).toContain("another template already has the id 'one-page-introduction'");
  });

  it('the demo workspace ships the three real templates', () => {
    const demo = JSON.parse(readFileSync('resources/demo/workspace.json', 'utf8')) as { collections: { catalog: { id: string; slug: string; title: string; kind: string; body: unknown }[] } };
    const rows = demo.collections.catalog.filter((entry) => entry.kind === 'template');
    const result = templatesFromCatalog(rows);
    expect(result.unusable).toEqual([]);
    expect(result.templates.map((template) => template.id)).toEqual(['one-page-introduction', 'four-page-proposal', 'co-branded-brochure']);
    for (const entry of rows) expect(entry.slug).toBe((entry.body as { id: string }).id);
  });
});
