/** Removes the handler it was returned for. */
export type Unsubscribe = () => void;

/**
 * A minimal typed event emitter; `E` maps each event name to the one value its handlers receive (no Node `events` in the browser).
 *
 * A handler that throws does not stop the others: the error is reported on the console and the
 * emit goes on, so one broken view cannot stall the realtime client.
 */
export class Emitter<E extends object> {
  private readonly handlers = new Map<keyof E, Set<(value: never) => void>>();

  on<K extends keyof E>(event: K, handler: (value: E[K]) => void): Unsubscribe {
    let set = this.handlers.get(event);
    if (!set) {
      set = new Set();
      this.handlers.set(event, set);
    }
    set.add(handler);
    return () => {
      set.delete(handler);
    };
  }

  emit<K extends keyof E>(event: K, value: E[K]): void {
    const set = this.handlers.get(event);
    if (!set) return;
    for (const handler of [...set]) {
      try {
        (handler as (value: E[K]) => void)(value);
      } catch (error) {
        console.error(`Handler for '${String(event)}' failed`, error);
      }
    }
  }
}
