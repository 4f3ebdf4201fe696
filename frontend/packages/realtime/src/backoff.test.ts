import { describe, expect, it } from 'vitest';
import { backoff, DEFAULT_BACKOFF } from './backoff.js';

const noJitter = () => 0.5; // random() * 2 - 1 === 0

describe('backoff', () => {
  it('starts at the initial delay and grows by the multiplier', () => {
    expect(backoff(0, DEFAULT_BACKOFF, noJitter)).toBe(1000);
    expect(backoff(1, DEFAULT_BACKOFF, noJitter)).toBe(1500);
    expect(backoff(2, DEFAULT_BACKOFF, noJitter)).toBe(2250);
    expect(backoff(3, DEFAULT_BACKOFF, noJitter)).toBe(3375);
  });

  it('caps the delay at max', () => {
    expect(backoff(9, DEFAULT_BACKOFF, noJitter)).toBe(30_000);
    expect(backoff(50, DEFAULT_BACKOFF, noJitter)).toBe(30_000);
  });

  it('spreads the delay by at most the jitter fraction either way', () => {
    expect(backoff(0, DEFAULT_BACKOFF, () => 0)).toBe(900);
    expect(backoff(0, DEFAULT_BACKOFF, () => 0.999_999)).toBe(1100);
    expect(backoff(20, DEFAULT_BACKOFF, () => 0)).toBe(27_000);
    expect(backoff(20, DEFAULT_BACKOFF, () => 0.999_999)).toBe(33_000);
  });

  it('stays within bounds for any random value', () => {
    for (let step = 0; step < 15; step++) {
      for (const r of [0, 0.1, 0.37, 0.5, 0.81, 0.99]) {
        const base = Math.min(1000 * 1.5 ** step, 30_000);
        const delay = backoff(step, DEFAULT_BACKOFF, () => r);
        expect(delay).toBeGreaterThanOrEqual(Math.floor(base * 0.9));
        expect(delay).toBeLessThanOrEqual(Math.ceil(base * 1.1));
      }
    }
  });

  it('never returns a negative delay even with jitter above 1', () => {
    expect(backoff(0, { ...DEFAULT_BACKOFF, jitter: 2 }, () => 0)).toBe(0);
  });

  it('rejects a negative or fractional step, naming it', () => {
    expect(() => backoff(-1)).toThrow(/step/);
    expect(() => backoff(1.5)).toThrow(/step/);
  });
});
