import { describe, expect, it } from 'vitest';
import {
  applyLeadFilter,
  EMPTY_LEAD_FILTER_INPUT,
  isEmptyFilter,
  LeadSearchIndex,
  parseLeadFilter,
  type LeadFilter,
} from '../../sync/domain/lead-search';
import { foldForSearch } from '../../sync/domain/leads';
import type { LeadSource, LeadStage } from '../../sync/schema/leads.schema';

interface TestLead {
  id: string;
  company: string;
  contact_name: string | null;
  email: string | null;
  notes: string | null;
  stage: LeadStage;
  source: LeadSource;
  estimated_value: number | null;
  currency: string | null;
  created_at: string;
}

function lead(id: string, fields: Partial<TestLead> = {}): TestLead {
  return {
    id,
    company: `Company ${id}`,
    contact_name: null,
    email: null,
    notes: null,
    stage: 'new',
    source: 'website',
    estimated_value: null,
    currency: 'EUR',
    created_at: '2026-03-10T12:00:00.000Z',
    ...fields,
  };
}

const sample = [
  lead('1', { company: 'Żółć Logistyka', contact_name: 'Łukasz Żółć', email: 'lukasz@zolc.example' }),
  lead('2', { company: 'Hernández Arquitectos', contact_name: 'María Hernández', notes: 'Wants a new website before summer.' }),
  lead('3', { company: 'Acme Tiles', contact_name: 'Anna Smith', email: 'anna@acme.example', notes: 'Met at the Lisbon expo.' }),
  lead('4', { company: 'Smithson Bakery', contact_name: 'Tom Baker' }),
];

function indexOf(leads: readonly TestLead[]): LeadSearchIndex {
  const index = new LeadSearchIndex();
  index.sync(leads);
  return index;
}

describe('lead search', () => {
  it('matches company, contact, email and notes, by prefix, ignoring case and accents', () => {
    const index = indexOf(sample);
    expect(index.search('ZOLC')).toEqual(['1']);
    expect(index.search('lodz lukasz')).toEqual([]);
    expect(index.search('lukasz')).toEqual(['1']);
    expect(index.search('hernandez')).toEqual(['2']);
    expect(index.search('marí')).toEqual(['2']);
    expect(index.search('anna@acme')).toEqual(['3']);
    expect(index.search('lisb')).toEqual(['3']);
    expect(index.search('website')).toEqual(['2']);
    expect(new Set(index.search('smith'))).toEqual(new Set(['3', '4']));
  });

  it('needs every word to match and tolerates a typo only when nothing matches exactly', () => {
    const index = indexOf([...sample, lead('6', { company: 'Fernández Vinos' })]);
    expect(index.search('hernandez')).toEqual(['2']);
    expect(index.search('fernandes')).toEqual(['6']);
    expect(index.search('anna lisbon')).toEqual(['3']);
    expect(index.search('anna bakery')).toEqual([]);
    expect(index.search('hernandes')).toEqual(['2']);
    expect(index.search('hernandes', { fuzzy: false })).toEqual([]);
    expect(index.search('no such lead anywhere')).toEqual([]);
  });

  it('returns null for a blank query (no search active)', () => {
    const index = indexOf(sample);
    expect(index.search('')).toBeNull();
    expect(index.search('   ')).toBeNull();
  });

  it('updates incrementally: adds, re-indexes changed leads and drops removed ones', () => {
    const index = new LeadSearchIndex();
    expect(index.sync(sample)).toEqual({ added: 4, updated: 0, removed: 0 });
    expect(index.sync(sample)).toEqual({ added: 0, updated: 0, removed: 0 });
    const renamed = sample.map((l) => (l.id === '4' ? { ...l, company: 'Quokka Bakery' } : l)).filter((l) => l.id !== '1');
    expect(index.sync([...renamed, lead('5', { company: 'Zebra Films' })])).toEqual({ added: 1, updated: 1, removed: 1 });
    expect(index.size).toBe(4);
    expect(index.search('quokka')).toEqual(['4']);
    expect(index.search('smithson')).toEqual([]);
    expect(index.search('zolc')).toEqual([]);
    expect(index.search('zebra')).toEqual(['5']);
  });

  it('finds exactly what a full scan finds over 10,000 leads', () => {
    const first = ['Anna', 'Ben', 'Chloé', 'Dário', 'Eva', 'Fatima', 'Gustav', 'Hélène', 'Igor', 'Jürgen', 'Kasia', 'Łucja'];
    const last = ['Novak', 'Øster', 'Pereira', 'Quinn', 'Rossi', 'Søren', 'Tanaka', 'Ueda', 'Vargas', 'Weiß'];
    const words = ['Logistics', 'Bakery', 'Studio', 'Arquitectos', 'Tiles', 'Café', 'Brewing', 'Dental', 'Robotics', 'Surf'];
    const places = ['Lisbon', 'Kraków', 'Málaga', 'Zürich', 'Oslo', 'Gdańsk', 'Porto', 'Köln'];
    const leads: TestLead[] = [];
    for (let i = 0; i < 10_000; i++) {
      const person = `${first[i % first.length]} ${last[(i * 7) % last.length]}`;
      leads.push(
        lead(`lead-${i}`, {
          company: `${places[(i * 3) % places.length]} ${words[(i * 11) % words.length]} ${i}`,
          contact_name: person,
          email: `${foldForSearch(person).replace(/ /g, '.')}@example.com`,
          notes: i % 5 === 0 ? `Met in ${places[i % places.length]}.` : null,
        }),
      );
    }
    const index = indexOf(leads);
    const tokens = (l: TestLead) =>
      foldForSearch([l.company, l.contact_name, l.email, l.notes].filter(Boolean).join(' '))
        .split(/[\s\p{P}]+/u)
        .filter(Boolean);
    const tokenLists = new Map(leads.map((l) => [l.id, tokens(l)]));
    const scan = (query: string) => {
      const words = foldForSearch(query).split(' ');
      return leads
        .filter((l) => words.every((w) => (tokenLists.get(l.id) ?? []).some((t) => t.startsWith(w))))
        .map((l) => l.id)
        .sort();
    };
    // Queries taken from real rows, so every one has answers (prefixes, accents typed or not).
    const fromRows = [17, 4242, 9999].map((i) => {
      const row = leads[i];
      if (!row) throw new Error('missing row');
      return `${row.company.split(' ')[1]?.slice(0, 4) ?? ''} ${row.company.split(' ')[0] ?? ''}`;
    });
    for (const query of ['krakow', 'zur', 'Weiß', 'weiss', 'helene oster', 'lucja', 'met koln', 'surf 99', ...fromRows]) {
      const expected = scan(query);
      expect(expected.length, query).toBeGreaterThan(0);
      expect((index.search(query, { fuzzy: false }) ?? []).sort(), query).toEqual(expected);
      // With exact matches, the typo-tolerant fallback never runs.
      expect((index.search(query) ?? []).sort(), query).toEqual(expected);
    }
  });
});

describe('lead filters', () => {
  const TZ = 'Europe/Lisbon';
  const parse = (input: Partial<typeof EMPTY_LEAD_FILTER_INPUT>) => parseLeadFilter({ ...EMPTY_LEAD_FILTER_INPUT, ...input }, TZ);
  const ok = (input: Partial<typeof EMPTY_LEAD_FILTER_INPUT>): LeadFilter => {
    const result = parse(input);
    if (!result.ok) throw new Error(JSON.stringify(result.errors));
    return result.filter;
  };
  const leads = [
    lead('a', { stage: 'new', source: 'website', estimated_value: 1000, created_at: '2026-03-01T00:30:00.000Z' }),
    lead('b', { stage: 'won', source: 'event', estimated_value: 5000, created_at: '2026-03-31T23:30:00.000Z' }),
    lead('c', { stage: 'lost', source: 'event', estimated_value: null, created_at: '2026-04-01T00:30:00.000Z' }),
    lead('d', { stage: 'new', source: 'referral_link', estimated_value: 250.5, created_at: '2026-02-28T23:59:00.000Z' }),
  ];
  const ids = (filter: LeadFilter, hits: string[] | null = null) => applyLeadFilter(leads, filter, hits).map((l) => l.id);

  it('is empty when nothing is set', () => {
    expect(isEmptyFilter(ok({}))).toBe(true);
    expect(ids(ok({}))).toEqual(['a', 'b', 'c', 'd']);
  });

  it('filters by stage and source', () => {
    expect(ids(ok({ stage: 'new' }))).toEqual(['a', 'd']);
    expect(ids(ok({ source: 'event' }))).toEqual(['b', 'c']);
    expect(ids(ok({ stage: 'won', source: 'event' }))).toEqual(['b']);
  });

  it('filters by an inclusive created date range read in the time zone', () => {
    // Lisbon is UTC+1 from 29 March 2026: 31 March 23:30 UTC is already 1 April there.
    expect(ids(ok({ createdFrom: '2026-03-01', createdTo: '2026-03-31' }))).toEqual(['a']);
    expect(ids(ok({ createdFrom: '2026-04-01' }))).toEqual(['b', 'c']);
    expect(ids(ok({ createdTo: '2026-02-28' }))).toEqual(['d']);
    expect(ids(ok({ createdFrom: '2026-03-15', createdTo: '2026-03-15' }))).toEqual([]);
  });

  it('filters by an inclusive value range; leads without a value are outside it', () => {
    expect(ids(ok({ valueMin: '1000' }))).toEqual(['a', 'b']);
    expect(ids(ok({ valueMax: '1,000' }))).toEqual(['a', 'd']);
    expect(ids(ok({ valueMin: '250.5', valueMax: '250.5' }))).toEqual(['d']);
  });

  it('combines with search hits', () => {
    expect(ids(ok({ source: 'event' }), ['a', 'c'])).toEqual(['c']);
    expect(ids(ok({}), [])).toEqual([]);
  });

  it('explains every field it cannot read', () => {
    expect(parse({ valueMin: 'lots', valueMax: '-5', createdFrom: '2026-02-30', stage: 'archived', source: 'tv' })).toEqual({
      ok: false,
      errors: {
        valueMin: 'Enter a number, e.g. 1000.',
        valueMax: 'Values cannot be negative.',
        createdFrom: 'Enter the start date as a date, e.g. 2026-03-01.',
        stage: 'Choose a stage from the list.',
        source: 'Choose a source from the list.',
      },
    });
    expect(parse({ valueMin: '5000', valueMax: '100' })).toEqual({ ok: false, errors: { valueMax: 'The maximum value is below the minimum.' } });
    expect(parse({ createdFrom: '2026-05-02', createdTo: '2026-05-01' })).toEqual({
      ok: false,
      errors: { createdTo: 'The end date is before the start date.' },
    });
  });
});
