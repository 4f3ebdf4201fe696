import { backoff, DEFAULT_BACKOFF, type BackoffOptions } from './backoff.js';

/** How the client chases a REQUEST_SYNC that gets no SYNC_RESPONSE. */
export interface SyncRetryOptions {
  /** How long one REQUEST_SYNC may wait for its answer, in ms. */
  readonly timeoutMs: number;
  /** Requests per gap, the first included, before the channel is reloaded instead. */
  readonly maxAttempts: number;
  /** Delay before each new request; step 0 is the first retry. */
  readonly backoff: BackoffOptions;
  /** Stands in for Math.random in the backoff jitter. */
  readonly random: () => number;
}

/** 5 s per request, 3 requests (with 1 s and 1.5 s pauses between them), then reload. */
export const DEFAULT_SYNC_RETRY: SyncRetryOptions = {
  timeoutMs: 5_000,
  maxAttempts: 3,
  backoff: DEFAULT_BACKOFF,
  random: Math.random,
};

/** What the watchdog asks its owner to do. */
export interface SyncWatchdogHandlers {
  /** Send the channel's REQUEST_SYNC again (then report it with `sent`). */
  retry(channel: string): void;
  /** Stop syncing the channel and reload its state instead. */
  reload(channel: string): void;
}

interface Watch {
  attempts: number;
  /** A request is out and its answer is due; false while waiting to retry. */
  inFlight: boolean;
  timer?: ReturnType<typeof setTimeout>;
}

/**
 * Makes sure no channel waits for a SYNC_RESPONSE forever (it would buffer live DATA while the
 * page looks live). A request that is not answered within `timeoutMs`, or that is refused, is one
 * failed attempt: the channel's request is retried after a backoff, and after `maxAttempts` the
 * channel is reloaded. ERROR replies name no channel, so `refused()` fails every request in flight;
 * a guess that was wrong costs one extra request, whose duplicate answer the sequencer ignores.
 */
export class SyncWatchdog {
  private readonly watches = new Map<string, Watch>();

  constructor(
    private readonly options: SyncRetryOptions,
    private readonly handlers: SyncWatchdogHandlers,
  ) {}

  /** A REQUEST_SYNC for the channel went out; its answer is now due within the timeout. */
  sent(channel: string): void {
    const watch = this.watches.get(channel) ?? { attempts: 0, inFlight: false };
    this.watches.set(channel, watch);
    clearTimeout(watch.timer);
    watch.inFlight = true;
    watch.timer = setTimeout(() => this.failed(channel), this.options.timeoutMs);
  }

  /** A SYNC_RESPONSE arrived for the channel: the gap is closed, the attempts start over. */
  answered(channel: string): void {
    this.forget(channel);
  }

  /** The channel's answer came but did not close the gap: one failed attempt, as if refused. */
  incomplete(channel: string): void {
    this.failed(channel);
  }

  /** An ERROR that may answer a REQUEST_SYNC arrived: every request in flight counts as refused. */
  refused(): void {
    for (const [channel, watch] of this.watches) if (watch.inFlight) this.failed(channel);
  }

  /** Stops watching one channel (unsubscribed, or its sync is no longer pending). */
  forget(channel: string): void {
    clearTimeout(this.watches.get(channel)?.timer);
    this.watches.delete(channel);
  }

  /** Stops watching every channel (the session closed; the next one syncs afresh). */
  reset(): void {
    for (const channel of [...this.watches.keys()]) this.forget(channel);
  }

  private failed(channel: string): void {
    const watch = this.watches.get(channel);
    if (!watch) return;
    clearTimeout(watch.timer);
    watch.inFlight = false;
    watch.attempts += 1;
    if (watch.attempts >= this.options.maxAttempts) {
      this.forget(channel);
      this.handlers.reload(channel);
      return;
    }
    const delayMs = backoff(watch.attempts - 1, this.options.backoff, this.options.random);
    watch.timer = setTimeout(() => {
      watch.timer = undefined;
      this.handlers.retry(channel);
    }, delayMs);
  }
}
