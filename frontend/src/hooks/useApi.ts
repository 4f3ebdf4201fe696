import { useCallback, useEffect, useRef, useState } from 'react';

/** A REST load's state: what came back, what went wrong, and a way to load again. */
export interface ApiState<T> {
  data?: T;
  error?: string;
  loading: boolean;
  reload(): void;
}

/**
 * Runs `load` now and whenever `key` changes; a slower older answer never overwrites a newer one.
 * The latest `load` is kept in a ref, so an inline function does not cause reloads.
 */
export function useApi<T>(load: () => Promise<T>, key: string): ApiState<T> {
  const latest = useRef(load);
  useEffect(() => {
    latest.current = load;
  });
  const [state, setState] = useState<{ data?: T; error?: string; loading: boolean }>({ loading: true });
  const generation = useRef(0);

  const reload = useCallback(() => {
    const mine = ++generation.current;
    setState((s) => ({ ...s, loading: true }));
    latest.current().then(
      (data) => mine === generation.current && setState({ data, loading: false }),
      (error: unknown) =>
        mine === generation.current &&
        setState((s) => ({ data: s.data, loading: false, error: error instanceof Error ? error.message : String(error) })),
    );
  }, []);

  useEffect(reload, [key, reload]);
  return { ...state, reload };
}
