/** Shape of an exponential backoff: `initial × multiplier^step`, capped at `max`, then ± `jitter`. */
export interface BackoffOptions {
  /** Delay before the first retry, in ms. */
  readonly initial: number;
  /** Growth factor per step (> 1 grows). */
  readonly multiplier: number;
  /** Cap on the delay before jitter, in ms. */
  readonly max: number;
  /** Jitter as a fraction of the delay, 0..1: 0.1 spreads the delay over ±10 %. */
  readonly jitter: number;
}

/** The seed's reconnection defaults: 1 s, ×1.5, at most 30 s, ±10 %. */
export const DEFAULT_BACKOFF: BackoffOptions = {
  initial: 1000,
  multiplier: 1.5,
  max: 30_000,
  jitter: 0.1,
};

/**
 * The delay in ms before retry number `step + 1` (step 0 is the first retry).
 *
 * Pure: `random` stands in for Math.random and must return a number in [0, 1). Jitter spreads many
 * clients that lost the same server over time, so they do not all reconnect in the same instant.
 * Never negative.
 */
export function backoff(
  step: number,
  options: BackoffOptions = DEFAULT_BACKOFF,
  random: () => number = Math.random,
): number {
  if (!Number.isInteger(step) || step < 0) {
    throw new RangeError(`backoff step should be a non-negative integer, got ${step}`);
  }
  const { initial, multiplier, max, jitter } = options;
  const capped = Math.min(initial * Math.pow(multiplier, step), max);
  const spread = capped * jitter * (random() * 2 - 1);
  return Math.max(0, Math.round(capped + spread));
}
