/**
 * The proposal renders in flight on the shared worker, and which of them each caller (screen) still
 * wants: a caller's newest request wins and its older ones settle with null, without touching other
 * callers' requests.
 */

export type RenderOutcome = { ok: true; pdf: Uint8Array } | { ok: false; message: string };

interface PendingRender {
  caller: object;
  resolve(pdf: Uint8Array | null): void;
  reject(error: Error): void;
}

export class RenderRequests {
  private lastId = 0;
  private readonly pending = new Map<number, PendingRender>();
  private readonly newest = new Map<object, number>();

  /** Records a request from `caller` (any object unique to it) and returns the id to send with it. */
  open(caller: object, resolve: (pdf: Uint8Array | null) => void, reject: (error: Error) => void): number {
    this.lastId += 1;
    this.pending.set(this.lastId, { caller, resolve, reject });
    this.newest.set(caller, this.lastId);
    return this.lastId;
  }

  /** Settles the request `id` with the worker's answer; a request its caller has since replaced gets null. */
  settle(id: number, outcome: RenderOutcome): void {
    const entry = this.pending.get(id);
    if (!entry) return;
    this.pending.delete(id);
    if (this.newest.get(entry.caller) !== id) entry.resolve(null);
    else if (outcome.ok) entry.resolve(outcome.pdf);
    else entry.reject(new Error(outcome.message));
  }

  /** The caller has gone (screen closed): its requests settle with null, everyone else's stay. */
  release(caller: object): void {
    for (const [id, entry] of this.pending) {
      if (entry.caller !== caller) continue;
      this.pending.delete(id);
      entry.resolve(null);
    }
    this.newest.delete(caller);
  }

  /** The worker stopped: every request in flight fails with `error`. */
  failAll(error: Error): void {
    const entries = [...this.pending.values()];
    this.pending.clear();
    for (const entry of entries) entry.reject(error);
  }

  /** How many requests are still waiting for the worker. */
  get size(): number {
    return this.pending.size;
  }
}
