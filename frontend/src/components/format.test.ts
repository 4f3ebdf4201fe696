import { describe, expect, it } from 'vitest';
import { ago, percent, rate } from './format';

const NOW = Date.UTC(2026, 0, 1, 12);
const before = (seconds: number) => new Date(NOW - seconds * 1000).toISOString();

describe('ago', () => {
  it.each([
    [5, 'just now'],
    [5 * 60, '5 min ago'],
    [3 * 3600 + 10, '3 h ago'],
    [2 * 86_400, '2 d ago'],
  ])('shows %i seconds as %s', (seconds, text) => {
    expect(ago(before(seconds), NOW)).toBe(text);
  });

  it('treats a time slightly in the future as just now', () => {
    expect(ago(before(-3), NOW)).toBe('just now');
  });
});

describe('rate', () => {
  it('scales bytes per second to readable units', () => {
    expect(rate(512)).toBe('512 B/s');
    expect(rate(1500)).toBe('1.5 kB/s');
    expect(rate(12_345_678)).toBe('12 MB/s');
  });
});

describe('percent', () => {
  it('rounds', () => {
    expect(percent(42.6)).toBe('43 %');
  });
});
