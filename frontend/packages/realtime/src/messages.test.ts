import { describe, expect, it } from 'vitest';
import { parseServerMessage, SERVER_MESSAGE_TYPES, topicData } from './messages.js';
import { data } from './testing/messages.js';

describe('parseServerMessage', () => {
  it('returns a message with a known type', () => {
    expect(parseServerMessage('{"type":"PONG","timestamp":2,"clientTimestamp":1}')?.type).toBe('PONG');
  });

  it.each(SERVER_MESSAGE_TYPES)('accepts the generated type %s', (type) => {
    expect(parseServerMessage(JSON.stringify({ type }))?.type).toBe(type);
  });

  it.each(['not json', '42', 'null', '{"type":"NOPE"}', '{"channel":"presence"}'])(
    'rejects %s',
    (body) => {
      expect(parseServerMessage(body)).toBeUndefined();
    },
  );
});

describe('topicData', () => {
  it('unpacks a BATCH in order', () => {
    const batch = { type: 'BATCH' as const, channel: 'metrics', messages: [data(1), data(2)] };
    expect(topicData(batch).map((m) => m.sequence)).toEqual([1, 2]);
  });

  it('passes a DATA through and ignores replies', () => {
    expect(topicData(data(5))).toHaveLength(1);
    expect(topicData({ type: 'PONG', timestamp: 1, clientTimestamp: 1 })).toEqual([]);
  });
});
