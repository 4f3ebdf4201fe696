import { describe, expect, it } from 'vitest';
import { SendQueue } from './SendQueue.js';

const send = (n: number) => ({ destination: '/app/presence', body: String(n) });

describe('SendQueue', () => {
  it('keeps sends in order until drained', () => {
    const queue = new SendQueue(3);
    queue.push(send(1));
    queue.push(send(2));
    expect(queue.drain().map((s) => s.body)).toEqual(['1', '2']);
    expect(queue.size).toBe(0);
  });

  it('drops the oldest send when full and reports it', () => {
    const queue = new SendQueue(2);
    expect(queue.push(send(1))).toBeUndefined();
    expect(queue.push(send(2))).toBeUndefined();
    expect(queue.push(send(3))).toEqual(send(1));
    expect(queue.size).toBe(2);
    expect(queue.drain().map((s) => s.body)).toEqual(['2', '3']);
  });

  it('never holds more than its capacity', () => {
    const queue = new SendQueue(5);
    for (let i = 0; i < 100; i++) queue.push(send(i));
    expect(queue.size).toBe(5);
    expect(queue.drain().map((s) => s.body)).toEqual(['95', '96', '97', '98', '99']);
  });

  it('rejects a capacity below one, naming it', () => {
    expect(() => new SendQueue(0)).toThrow(/capacity/);
  });
});
