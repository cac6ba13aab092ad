/**
 * A report fetched from the server for an admin panel (partners, usage): loaded when the panel is
 * first shown and on "Refresh", never while offline (the last result stays on screen).
 */
import { useCallback, useEffect, useRef, useState } from 'react';

export interface ServerReport<T> {
  data: T | null;
  loading: boolean;
  error: string | null;
  /** When data was last loaded. */
  loadedAt: Date | null;
  reload(): void;
}

export function useServerReport<T>(load: (() => Promise<T>) | null): ServerReport<T> {
  const [state, setState] = useState<{ data: T | null; loading: boolean; error: string | null; loadedAt: Date | null }>({
    data: null,
    loading: load !== null,
    error: null,
    loadedAt: null,
  });
  const generation = useRef(0);

  const start = useCallback(() => {
    if (!load) return;
    const current = ++generation.current;
    // Marked loading from a promise callback, like the result, so starting never renders twice in one pass.
    void Promise.resolve()
      .then(() => {
        if (current === generation.current) setState((previous) => ({ ...previous, loading: true, error: null }));
        return load();
      })
      .then(
        (data) => {
          if (current === generation.current) setState({ data, loading: false, error: null, loadedAt: new Date() });
        },
        (error: unknown) => {
          if (current === generation.current) setState((previous) => ({ ...previous, loading: false, error: error instanceof Error ? error.message : String(error) }));
        },
      );
  }, [load]);

  useEffect(() => {
    start();
    return () => {
      generation.current += 1;
    };
  }, [start]);

  return { ...state, loading: state.loading && load !== null, reload: start };
}
