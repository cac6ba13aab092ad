/**
 * A MiniSearch index kept in step with a list that changes: each document's indexed text is
 * remembered, so syncing re-indexes only what was added, changed or removed. Terms are folded as
 * foldForSearch does (case and accents ignored). The lead and knowledge-base searches build on it.
 */
import MiniSearch from 'minisearch';
import { foldForSearch } from './leads';

export interface IndexSyncStats {
  added: number;
  updated: number;
  removed: number;
}

export function foldTerm(term: string): string | null {
  const folded = foldForSearch(term);
  return folded === '' ? null : folded;
}

export class IncrementalSearchIndex<D extends { id: string } & Record<F, string>, F extends string = Exclude<keyof D & string, 'id'>> {
  readonly index: MiniSearch<D>;
  private readonly signatures = new Map<string, string>();

  constructor(private readonly fields: readonly F[]) {
    this.index = new MiniSearch<D>({ fields: [...fields], idField: 'id', processTerm: foldTerm });
  }

  get size(): number {
    return this.signatures.size;
  }

  private signature(doc: D): string {
    return this.fields.map((field) => doc[field]).join('\u0000');
  }

  /** Brings the index in line with `items`, converting each with `toIndexed`. */
  sync<S extends { id: string }>(items: readonly S[], toIndexed: (item: S) => D): IndexSyncStats {
    const stats: IndexSyncStats = { added: 0, updated: 0, removed: 0 };
    const seen = new Set<string>();
    for (const item of items) {
      seen.add(item.id);
      const doc = toIndexed(item);
      const next = this.signature(doc);
      const previous = this.signatures.get(item.id);
      if (previous === next) continue;
      if (previous === undefined) {
        this.index.add(doc);
        stats.added += 1;
      } else {
        this.index.replace(doc);
        stats.updated += 1;
      }
      this.signatures.set(item.id, next);
    }
    for (const id of [...this.signatures.keys()]) {
      if (seen.has(id)) continue;
      this.index.discard(id);
      this.signatures.delete(id);
      stats.removed += 1;
    }
    return stats;
  }

  /**
   * Indexes those of `items` not indexed yet and leaves everything else as it is, so a large first
   * build can run a slice at a time between frames; `sync` afterwards settles changes and removals.
   */
  addMissing<S extends { id: string }>(items: readonly S[], toIndexed: (item: S) => D): number {
    let added = 0;
    for (const item of items) {
      if (this.signatures.has(item.id)) continue;
      const doc = toIndexed(item);
      this.index.add(doc);
      this.signatures.set(item.id, this.signature(doc));
      added += 1;
    }
    return added;
  }
}
