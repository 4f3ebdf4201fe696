import { describe, expect, it } from 'vitest';
import { decideAfterClose } from './closePolicy.js';

const close = (code: number, extra: { authFailed?: boolean; localFailure?: boolean } = {}) =>
  decideAfterClose({ code, authFailed: false, localFailure: false, ...extra }).action;

describe('decideAfterClose', () => {
  it.each([1001, 1006, 1011, 1012])('reconnects after close code %i', (code) => {
    expect(close(code)).toBe('reconnect');
  });

  it('reconnects after 1001 going away, so a deploy does not strand clients (fix against the seed)', () => {
    expect(close(1001)).toBe('reconnect');
  });

  it.each([1000, 1002, 1003, 1008, 1009, 1015])('stops after final close code %i', (code) => {
    expect(close(code)).toBe('stop');
  });

  it('requires a new login after AUTHENTICATION_FAILED whatever the close code', () => {
    expect(close(1008, { authFailed: true })).toBe('auth-required');
    expect(close(1002, { authFailed: true })).toBe('auth-required');
    expect(close(1006, { authFailed: true })).toBe('auth-required');
  });

  it('reconnects after a socket it closed itself for being stuck, whatever the code', () => {
    expect(close(1000, { localFailure: true })).toBe('reconnect');
    expect(close(4001, { localFailure: true })).toBe('reconnect');
  });

  it('reconnects after codes in neither list', () => {
    expect(close(1005)).toBe('reconnect');
    expect(close(1013)).toBe('reconnect');
    expect(close(4001)).toBe('reconnect');
  });
});
