import { describe, expect, it, vi } from 'vitest';
import { Emitter } from './Emitter.js';

type Events = { count: number; name: string };

describe('Emitter', () => {
  it('calls the handlers of the emitted event with its value', () => {
    const emitter = new Emitter<Events>();
    const counts: number[] = [];
    const names: string[] = [];
    emitter.on('count', (n) => counts.push(n));
    emitter.on('name', (s) => names.push(s));
    emitter.emit('count', 3);
    expect(counts).toEqual([3]);
    expect(names).toEqual([]);
  });

  it('stops calling a handler once unsubscribed', () => {
    const emitter = new Emitter<Events>();
    const counts: number[] = [];
    const off = emitter.on('count', (n) => counts.push(n));
    emitter.emit('count', 1);
    off();
    emitter.emit('count', 2);
    expect(counts).toEqual([1]);
  });

  it('keeps calling the other handlers when one throws', () => {
    vi.spyOn(console, 'error').mockImplementation(() => undefined);
    const emitter = new Emitter<Events>();
    const counts: number[] = [];
    emitter.on('count', () => {
      throw new Error('boom');
    });
    emitter.on('count', (n) => counts.push(n));
    emitter.emit('count', 7);
    expect(counts).toEqual([7]);
    expect(console.error).toHaveBeenCalled();
  });
});
