/**
 * A small external store over an RxJS observable, shaped for React's useSyncExternalStore: the
 * RxDB subscription starts with the first listener and ends with the last, and the snapshot object
 * only changes when the observable emits or fails.
 */
import type { Observable, Subscription } from 'rxjs';

export interface LiveResult<T> {
  data: T;
  loading: boolean;
  error: Error | null;
}

export interface LiveQueryStore<T> {
  subscribe(onChange: () => void): () => void;
  getSnapshot(): LiveResult<T>;
}

let readsAwaitingFirstData = 0;
let firstDataShown = false;
let announceFirstData: () => void = () => undefined;
const firstData = new Promise<void>((resolve) => {
  announceFirstData = resolve;
});

/**
 * Resolves once a screen's live reads have all delivered (or failed) for the first time: when the
 * first screen has its data, so work that would compete with start-up can begin.
 */
export function whenFirstDataShown(): Promise<void> {
  return firstData;
}

function settleFirstRead() {
  readsAwaitingFirstData -= 1;
  if (readsAwaitingFirstData === 0 && !firstDataShown) {
    firstDataShown = true;
    announceFirstData();
  }
}

/** `source` null means there is nothing to read yet (no database open): stays loading. */
export function createLiveQueryStore<T>(source: Observable<T> | null, initial: T): LiveQueryStore<T> {
  let snapshot: LiveResult<T> = { data: initial, loading: true, error: null };
  const listeners = new Set<() => void>();
  let subscription: Subscription | null = null;
  let stopWaiting: () => void = () => undefined;

  const publish = (next: LiveResult<T>) => {
    snapshot = next;
    for (const listener of listeners) listener();
  };

  return {
    subscribe(onChange) {
      listeners.add(onChange);
      if (source && !subscription) {
        let awaitingFirst = true;
        readsAwaitingFirstData += 1;
        const settle = () => {
          if (!awaitingFirst) return;
          awaitingFirst = false;
          settleFirstRead();
        };
        subscription = source.subscribe({
          next: (data) => {
            publish({ data, loading: false, error: null });
            settle();
          },
          error: (error: unknown) => {
            publish({ data: snapshot.data, loading: false, error: error instanceof Error ? error : new Error(String(error)) });
            settle();
          },
        });
        stopWaiting = settle;
      }
      return () => {
        listeners.delete(onChange);
        if (listeners.size === 0 && subscription) {
          subscription.unsubscribe();
          subscription = null;
          stopWaiting();
        }
      };
    },
    getSnapshot: () => snapshot,
  };
}
