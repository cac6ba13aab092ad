import { describe, expect, it } from 'vitest';
import {
  articleBodyText,
  countArticlesByType,
  KnowledgeBaseSearchIndex,
  relatedArticles,
  selectArticles,
  type SearchableArticle,
} from '../../sync/domain/knowledge-base-search';

function article(id: string, fields: Partial<SearchableArticle> = {}): SearchableArticle {
  return {
    id,
    title: `Article ${id}`,
    type: 'guide',
    summary: 'A short summary.',
    tags: [],
    blocks: [{ type: 'paragraph', text: 'Nothing in particular.' }],
    ...fields,
  };
}

const sample: SearchableArticle[] = [
  article('paid', {
    title: 'How commissions are paid',
    type: 'faq',
    summary: 'When the money reaches you.',
    tags: ['earnings'],
    blocks: [{ type: 'paragraph', text: 'Payouts run monthly once the first invoice is settled.' }],
  }),
  article('utm', {
    title: 'Using UTM parameters on referral links',
    type: 'best_practice',
    summary: 'Tag every campaign.',
    tags: ['referral_links'],
    blocks: [
      { type: 'heading', text: 'Campaign tags' },
      { type: 'list', items: ['utm_campaign per campaign', 'utm_content per post'] },
    ],
  }),
  article('sync', {
    title: 'Sync stays pending',
    type: 'troubleshooting',
    summary: 'What to check when changes do not reach SISO.',
    tags: ['offline'],
    blocks: [{ type: 'tip', text: 'The café Wi-Fi may block the sync server: try another network.' }],
  }),
  article('mention', {
    title: 'Writing a case study',
    type: 'guide',
    summary: 'Ask for numbers, mention commissions only when the client agrees.',
    tags: ['marketing'],
    blocks: [{ type: 'paragraph', text: 'Start from the problem the client had.' }],
  }),
  article('zurich', {
    title: 'Kundentreffen in Zürich',
    type: 'video',
    summary: 'Eine Aufzeichnung.',
    tags: [],
    blocks: [{ type: 'paragraph', text: 'Gespräch über Geschäftsführung.' }],
  }),
];

function indexOf(articles: readonly SearchableArticle[]): KnowledgeBaseSearchIndex {
  const index = new KnowledgeBaseSearchIndex();
  index.sync(articles);
  return index;
}

describe('knowledge-base search', () => {
  it('finds words of the title, summary, tags and every kind of block', () => {
    const index = indexOf(sample);
    expect(index.search('payouts')).toEqual(['paid']);
    expect(index.search('utm_content')).toEqual(['utm']);
    expect(index.search('campaign tags')).toEqual(['utm']);
    expect(index.search('wi-fi')).toEqual(['sync']);
    expect(index.search('referral links')).toEqual(['utm']);
    expect(index.search('reach')?.sort()).toEqual(['paid', 'sync']);
  });

  it('matches words by their start as they are typed, every word required', () => {
    const index = indexOf(sample);
    expect(index.search('comm')).toEqual(expect.arrayContaining(['paid', 'mention']));
    expect(index.search('comm pay')).toEqual(['paid']);
    expect(index.search('comm pay zebra')).toEqual([]);
  });

  it('leaves out a lone letter while longer words are typed, and matches titles by a lone letter alone', () => {
    const index = indexOf(sample);
    expect(index.search('payouts m')).toEqual(['paid']);
    expect(index.search('how do i get paid')).toEqual([]);
    expect(index.search('how paid')).toEqual(['paid']);
    // "w" starts "Writing" (a title) and "when" (a summary): only the title counts.
    expect(index.search('w')).toEqual(['mention']);
  });

  it('ranks a word in the title above the same word in the summary', () => {
    const index = indexOf(sample);
    expect(index.search('commissions')).toEqual(['paid', 'mention']);
  });

  it('ignores case and accents both ways', () => {
    const index = indexOf(sample);
    expect(index.search('ZURICH')).toEqual(['zurich']);
    expect(index.search('gesprach')).toEqual(['zurich']);
    expect(index.search('cafe')).toEqual(['sync']);
    expect(index.search('cafè')).toEqual(['sync']);
  });

  it('tolerates a typo only when nothing matches exactly', () => {
    const index = indexOf(sample);
    expect(index.search('comission')).toEqual(expect.arrayContaining(['paid', 'mention']));
    expect(index.search('pyouts')).toEqual(['paid']);
    expect(index.search('pyouts', { fuzzy: false })).toEqual([]);
    // "pay" matches exactly (payouts), so "pat" (a typo of nothing here) stays an exact prefix search.
    expect(index.search('pat')).toEqual([]);
  });

  it('returns null for a blank query, so the page lists everything', () => {
    const index = indexOf(sample);
    expect(index.search('')).toBeNull();
    expect(index.search('  ')).toBeNull();
  });

  it('can be built a slice at a time, and then settles changes with sync', () => {
    const index = new KnowledgeBaseSearchIndex();
    expect(index.addMissing(sample.slice(0, 2))).toBe(2);
    expect(index.search('payouts')).toEqual(['paid']);
    expect(index.search('zurich')).toEqual([]);
    expect(index.addMissing(sample)).toBe(3);
    expect(index.search('zurich')).toEqual(['zurich']);
    expect(index.sync(sample)).toEqual({ added: 0, updated: 0, removed: 0 });
  });

  it('follows the catalog: changed, removed and new articles, touching only what changed', () => {
    const index = indexOf(sample);
    const changed = sample.map((item) => (item.id === 'paid' ? { ...item, blocks: [{ type: 'paragraph', text: 'Transfers arrive by the tenth.' }] } : item));
    expect(index.sync([...changed.filter((item) => item.id !== 'zurich'), article('new', { title: 'Brand new article' })])).toEqual({
      added: 1,
      updated: 1,
      removed: 1,
    });
    expect(index.size).toBe(5);
    expect(index.search('payouts')).toEqual([]);
    expect(index.search('transfers')).toEqual(['paid']);
    expect(index.search('zurich')).toEqual([]);
    expect(index.search('brand new')).toEqual(['new']);
  });
});

describe('choosing and counting articles', () => {
  it('counts each type among the hits and narrows to one type in search order', () => {
    const index = indexOf(sample);
    const hits = index.search('comm');
    const found = selectArticles(sample, hits, null);
    expect(countArticlesByType(found)).toEqual({ faq: 1, guide: 1, troubleshooting: 0, best_practice: 0, video: 0 });
    expect(selectArticles(sample, hits, 'guide').map((item) => item.id)).toEqual(['mention']);
    expect(selectArticles(sample, null, 'troubleshooting').map((item) => item.id)).toEqual(['sync']);
    expect(selectArticles(sample, null, null)).toEqual(sample);
  });

  it('drops hits that are no longer in the catalog', () => {
    expect(selectArticles(sample, ['gone', 'utm'], null).map((item) => item.id)).toEqual(['utm']);
  });

  it('reads the text of headings, paragraphs, tips and list items in order', () => {
    expect(
      articleBodyText([
        { type: 'heading', text: 'One' },
        { type: 'list', items: ['two', 'three'] },
        { type: 'tip', text: 'four' },
      ]),
    ).toBe('One\ntwo\nthree\nfour');
  });
});

describe('related articles', () => {
  const articles = [
    article('a', { title: 'Commission rates by tier', type: 'faq', tags: ['earnings'] }),
    article('b', { title: 'How commissions are paid', type: 'faq', tags: ['earnings'] }),
    article('c', { title: 'Commission rates for resellers', type: 'guide', tags: [] }),
    article('d', { title: 'Working offline', type: 'troubleshooting', tags: ['offline'] }),
    article('e', { title: 'Another FAQ', type: 'faq', tags: [] }),
  ];

  it('ranks shared tags, shared title words and the same type; never the article itself or unrelated ones', () => {
    const related = relatedArticles(articles[0]!, articles, 5).map((item) => item.id);
    // b: tag (2) + type (1) = 3; c: "commission" + "rates" = 2; e: type = 1; d: nothing.
    expect(related).toEqual(['b', 'c', 'e']);
    expect(relatedArticles(articles[0]!, articles, 1).map((item) => item.id)).toEqual(['b']);
    expect(relatedArticles(articles[3]!, articles)).toEqual([]);
  });
});
