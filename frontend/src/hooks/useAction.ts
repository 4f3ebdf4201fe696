import { useCallback, useState } from 'react';

/** The state of a user-started REST call: running, and the last error in words. */
export interface ActionState {
  busy: boolean;
  error?: string;
  /** Runs `action`; resolves true when it succeeded. Errors are caught into `error`. */
  run(action: () => Promise<unknown>): Promise<boolean>;
}

export function useAction(): ActionState {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string>();
  const run = useCallback(async (action: () => Promise<unknown>) => {
    setBusy(true);
    setError(undefined);
    try {
      await action();
      return true;
    } catch (e) {
      setError(e instanceof Error ? e.message : String(e));
      return false;
    } finally {
      setBusy(false);
    }
  }, []);
  return { busy, error, run };
}
