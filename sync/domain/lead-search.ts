/**
 * Finding leads in the list: the full-text index (minisearch over company, contact, email and
 * notes; prefix and fuzzy matching; accents folded as foldForSearch does), kept in step with the
 * store incrementally, and the list's other filters (stage, source, created date range, value
 * range), parsed from the filter fields with the messages people see.
 *
 * Definitions:
 * - A search matches a lead when every word typed starts a word of the lead ("acm" → "Acme").
 *   Only when nothing matches that way is one typo allowed per word of four letters or more
 *   ("hernandes" → "Hernández"), so a correct search never returns near-misses
 *   ("hernandez" does not also list "Fernández").
 * - The created date range is inclusive and read in the given time zone: "to 3 March" includes
 *   leads created any time on 3 March there.
 * - The value range is inclusive; a lead without an estimated value is outside any value range.
 */
import { z } from 'zod';
import { foldForSearch, LEAD_SOURCES, LEAD_STAGES, parseMoneyInput, type LeadLike, type LeadSource, type LeadStage } from './leads';
import { zonedMidnight } from './zoned-time';
import { IncrementalSearchIndex, type IndexSyncStats } from './search-index';

/** The lead columns the search reads; PlainDoc<'leads'> and LeadDoc both fit. */
export interface SearchableLead {
  readonly id: string;
  readonly company: string;
  readonly contact_name?: string | null;
  readonly email?: string | null;
  readonly notes?: string | null;
}

interface IndexedLead {
  id: string;
  company: string;
  contact: string;
  email: string;
  notes: string;
}

const SEARCH_FIELDS = ['company', 'contact', 'email', 'notes'] as const;

function toIndexed(lead: SearchableLead): IndexedLead {
  return { id: lead.id, company: lead.company, contact: lead.contact_name ?? '', email: lead.email ?? '', notes: lead.notes ?? '' };
}


export interface LeadSearchOptions {
  /** false: prefix matching only, never the typo-tolerant fallback. */
  fuzzy?: boolean;
}

export type SyncStats = IndexSyncStats;

/** A search index over leads; `sync` brings it in line with the current leads, touching only what changed. */
export class LeadSearchIndex {
  private readonly docs = new IncrementalSearchIndex<IndexedLead>(SEARCH_FIELDS);

  get size(): number {
    return this.docs.size;
  }

  sync(leads: readonly SearchableLead[]): SyncStats {
    return this.docs.sync(leads, toIndexed);
  }

  /** Ids of the leads matching every word of `query`, best match first; null when the query is blank. */
  search(query: string, options: LeadSearchOptions = {}): string[] | null {
    if (foldForSearch(query) === '') return null;
    const run = (fuzzy: boolean) =>
      this.docs.index
        .search(query, {
          prefix: true,
          fuzzy: fuzzy ? (term) => (term.length >= 4 ? 1 : false) : false,
          combineWith: 'AND',
          boost: { company: 2, contact: 1.5 },
        })
        .map((result) => String(result.id));
    const exact = run(false);
    return exact.length > 0 || options.fuzzy === false ? exact : run(true);
  }
}

// The list's other filters -----------------------------------------------------------------------

/** What the filter fields hold, exactly as typed or chosen. */
export interface LeadFilterInput {
  stage: string;
  source: string;
  createdFrom: string;
  createdTo: string;
  valueMin: string;
  valueMax: string;
}

export const EMPTY_LEAD_FILTER_INPUT: LeadFilterInput = { stage: '', source: '', createdFrom: '', createdTo: '', valueMin: '', valueMax: '' };

export interface LeadFilter {
  stage: LeadStage | null;
  source: LeadSource | null;
  /** Inclusive lower bound on created_at (epoch ms). */
  createdFrom: number | null;
  /** Exclusive upper bound on created_at (epoch ms): the start of the day after "to". */
  createdBefore: number | null;
  valueMin: number | null;
  valueMax: number | null;
}

export type LeadFilterErrors = Partial<Record<keyof LeadFilterInput, string>>;

const DATE_PATTERN = /^(\d{4})-(\d{2})-(\d{2})$/;

function parseDay(text: string): { year: number; month: number; day: number } | null | 'invalid' {
  const trimmed = text.trim();
  if (trimmed === '') return null;
  const match = DATE_PATTERN.exec(trimmed);
  if (!match) return 'invalid';
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const check = new Date(Date.UTC(year, month - 1, day));
  if (check.getUTCFullYear() !== year || check.getUTCMonth() !== month - 1 || check.getUTCDate() !== day) return 'invalid';
  return { year, month, day };
}

const stageField = z.union([z.literal(''), z.enum(LEAD_STAGES)], 'Choose a stage from the list.');
const sourceField = z.union([z.literal(''), z.enum(LEAD_SOURCES)], 'Choose a source from the list.');

/** Parses the filter fields; every problem is reported at once, under its field. */
export function parseLeadFilter(
  input: LeadFilterInput,
  timeZone: string,
): { ok: true; filter: LeadFilter } | { ok: false; errors: LeadFilterErrors } {
  const errors: LeadFilterErrors = {};
  const stage = stageField.safeParse(input.stage);
  if (!stage.success) errors.stage = 'Choose a stage from the list.';
  const source = sourceField.safeParse(input.source);
  if (!source.success) errors.source = 'Choose a source from the list.';

  const from = parseDay(input.createdFrom);
  const to = parseDay(input.createdTo);
  if (from === 'invalid') errors.createdFrom = 'Enter the start date as a date, e.g. 2026-03-01.';
  if (to === 'invalid') errors.createdTo = 'Enter the end date as a date, e.g. 2026-03-31.';
  const createdFrom = from && from !== 'invalid' ? zonedMidnight(from.year, from.month, from.day, timeZone).getTime() : null;
  const createdBefore = to && to !== 'invalid' ? zonedMidnight(to.year, to.month, to.day + 1, timeZone).getTime() : null;
  if (createdFrom !== null && createdBefore !== null && createdFrom >= createdBefore) {
    errors.createdTo = 'The end date is before the start date.';
  }

  const money = (text: string, field: 'valueMin' | 'valueMax', example: string): number | null => {
    const trimmed = text.trim();
    if (/^-\s*\d/.test(trimmed)) {
      errors[field] = 'Values cannot be negative.';
      return null;
    }
    const value = parseMoneyInput(trimmed);
    if (value !== null && !Number.isFinite(value)) {
      errors[field] = `Enter a number, e.g. ${example}.`;
      return null;
    }
    return value;
  };
  const valueMin = money(input.valueMin, 'valueMin', '1000');
  const valueMax = money(input.valueMax, 'valueMax', '10,000');
  if (valueMin !== null && valueMax !== null && valueMin > valueMax) {
    errors.valueMax = 'The maximum value is below the minimum.';
  }

  if (Object.keys(errors).length > 0) return { ok: false, errors };
  return {
    ok: true,
    filter: {
      stage: stage.success && stage.data !== '' ? stage.data : null,
      source: source.success && source.data !== '' ? source.data : null,
      createdFrom,
      createdBefore,
      valueMin,
      valueMax,
    },
  };
}

export function isEmptyFilter(filter: LeadFilter): boolean {
  return Object.values(filter).every((value) => value === null);
}

export interface FilterableLead extends LeadLike {
  readonly source?: LeadSource | string | null;
}

export function matchesFilter(lead: FilterableLead, filter: LeadFilter): boolean {
  if (filter.stage !== null && lead.stage !== filter.stage) return false;
  if (filter.source !== null && lead.source !== filter.source) return false;
  if (filter.createdFrom !== null || filter.createdBefore !== null) {
    const created = Date.parse(lead.created_at);
    if (Number.isNaN(created)) return false;
    if (filter.createdFrom !== null && created < filter.createdFrom) return false;
    if (filter.createdBefore !== null && created >= filter.createdBefore) return false;
  }
  if (filter.valueMin !== null || filter.valueMax !== null) {
    const value = lead.estimated_value;
    if (typeof value !== 'number' || !Number.isFinite(value)) return false;
    if (filter.valueMin !== null && value < filter.valueMin) return false;
    if (filter.valueMax !== null && value > filter.valueMax) return false;
  }
  return true;
}

/**
 * The leads to show: those matching the filter and, when `searchHits` is given (a search is
 * active), found by the search. Order is the input order.
 */
export function applyLeadFilter<T extends FilterableLead>(leads: readonly T[], filter: LeadFilter, searchHits: readonly string[] | null): T[] {
  const hits = searchHits ? new Set(searchHits) : null;
  return leads.filter((lead) => (hits === null || hits.has(lead.id)) && matchesFilter(lead, filter));
}
