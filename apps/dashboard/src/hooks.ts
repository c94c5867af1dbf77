import { useCallback, useEffect, useRef, useState } from 'preact/hooks';
import { ApiError } from './api';

export interface Loaded<T> {
  data: T | undefined;
  error: ApiError | undefined;
  loading: boolean;
  reload(): void;
}

/**
 * Loads `load()` now, whenever `deps` change, and every `intervalMs` (0 = once). The previous data stays on
 * screen while a refresh runs, so a 5 s refresh never blanks a chart or a table.
 */
export function useLoad<T>(load: () => Promise<T>, deps: unknown[], intervalMs = 0): Loaded<T> {
  const [data, setData] = useState<T | undefined>(undefined);
  const [error, setError] = useState<ApiError | undefined>(undefined);
  const [loading, setLoading] = useState(true);
  const [tick, setTick] = useState(0);
  const generation = useRef(0);
  const reload = useCallback(() => setTick((value) => value + 1), []);

  useEffect(() => {
    const mine = ++generation.current;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const run = async () => {
      setLoading(true);
      try {
        const value = await load();
        if (mine !== generation.current) return;
        setData(value);
        setError(undefined);
      } catch (caught) {
        if (mine !== generation.current) return;
        setError(toApiError(caught));
      } finally {
        if (mine === generation.current) {
          setLoading(false);
          if (intervalMs > 0) timer = setTimeout(run, intervalMs);
        }
      }
    };
    void run();
    return () => {
      generation.current++;
      if (timer) clearTimeout(timer);
    };
  }, [...deps, tick, intervalMs]);

  return { data, error, loading, reload };
}

export function toApiError(caught: unknown): ApiError {
  return caught instanceof ApiError ? caught : new ApiError(0, 'CLIENT', String(caught));
}

/** Reads and follows location.hash (`#/routes/abc` → ['routes', 'abc']). */
export function useHashPath(): string[] {
  const read = () =>
    location.hash.replace(/^#\/?/, '').split('?')[0].split('/').filter(Boolean).map(decodeURIComponent);
  const [path, setPath] = useState(read);
  useEffect(() => {
    const follow = () => setPath(read());
    addEventListener('hashchange', follow);
    return () => removeEventListener('hashchange', follow);
  }, []);
  return path;
}
