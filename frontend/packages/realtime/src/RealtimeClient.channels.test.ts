import { afterEach, beforeEach, describe, expect, expectTypeOf, it, vi } from 'vitest';
import { defineChannel, type ChannelData } from './channels.js';
import type { PresencePayload } from './generated/protocol.js';
import { DESTINATIONS } from './RealtimeClient.js';
import { SEED_CHANNELS } from './seedChannels.js';
import { acceptConnection, harness, subscriptions } from './testing/harness.js';
import { data, initial, subscribed, synced } from './testing/messages.js';

/** A lab service's own channel, unknown to the package. */
interface FreezerReading {
  instrumentId: string;
  temperatureC: number;
  timestamp: string;
}

const FREEZER = 'instruments.freezer-1';
const freezer = defineChannel<FreezerReading>(FREEZER);
const reading = (temperatureC: number): FreezerReading => ({
  instrumentId: 'freezer-1', temperatureC, timestamp: '2026-12-01T09:00:00Z',
});
const topic = DESTINATIONS.topic(FREEZER);

beforeEach(() => {
  vi.useFakeTimers();
});
afterEach(() => {
  vi.useRealTimers();
});

async function connected() {
  const h = harness();
  const seen = { initial: [] as FreezerReading[][], data: [] as number[], subscribed: 0 };
  const off = h.client.subscribe(freezer, {
    onSubscribed: () => seen.subscribed++,
    onInitialData: (state) => seen.initial.push(state),
    onData: (payload) => seen.data.push(payload.temperatureC),
  });
  h.client.connect();
  const socket = await acceptConnection(h.server);
  return { ...h, socket, seen, off };
}

describe('RealtimeClient with a service\'s own channel', () => {
  it('subscribes its topic and hands SUBSCRIBED, INITIAL_DATA and sequenced DATA to its handlers', async () => {
    const { socket, seen } = await connected();
    expect(subscriptions(socket)).toEqual(['/user/queue/replies', topic]);
    socket.deliver(DESTINATIONS.replies, subscribed([FREEZER]));
    socket.deliver(DESTINATIONS.replies, initial(3, 'e1', FREEZER, [reading(-80)]));
    socket.deliver(topic, data(3, 'e1', FREEZER, reading(-80)));
    socket.deliver(topic, data(4, 'e1', FREEZER, reading(-79.5)));
    const batch = [data(4, 'e1', FREEZER, reading(-79.5)), data(5, 'e1', FREEZER, reading(-79))];
    socket.deliver(topic, { type: 'BATCH', channel: FREEZER, messages: batch });
    expect(seen).toEqual({ subscribed: 1, initial: [[reading(-80)]], data: [-79.5, -79] });
  });

  it('is live after SUBSCRIBED when the server sends no INITIAL_DATA, and applies a later one', async () => {
    const { socket, seen } = await connected();
    socket.deliver(topic, data(7, 'e1', FREEZER, reading(-70)));
    expect(seen.data).toEqual([]);
    socket.deliver(DESTINATIONS.replies, subscribed([FREEZER]));
    socket.deliver(topic, data(8, 'e1', FREEZER, reading(-71)));
    expect(seen.data).toEqual([-70, -71]);

    socket.deliver(DESTINATIONS.replies, initial(9, 'e1', FREEZER, [reading(-72)]));
    socket.deliver(topic, data(9, 'e1', FREEZER, reading(-72)));
    socket.deliver(topic, data(10, 'e1', FREEZER, reading(-73)));
    expect(seen.initial).toEqual([[reading(-72)]]);
    expect(seen.data).toEqual([-70, -71, -73]);
  });

  it('sends REQUEST_SYNC for a gap and fills it from the SYNC_RESPONSE', async () => {
    const { socket, seen } = await connected();
    socket.deliver(DESTINATIONS.replies, subscribed([FREEZER]));
    socket.deliver(topic, data(1, 'e1', FREEZER, reading(-80)));
    socket.deliver(topic, data(4, 'e1', FREEZER, reading(-77)));
    expect(socket.sentTo('/app/sync')).toEqual([
      { type: 'REQUEST_SYNC', channel: FREEZER, lastSequence: 1, epoch: 'e1' },
    ]);
    const missed = [data(2, 'e1', FREEZER, reading(-79)), data(3, 'e1', FREEZER, reading(-78))];
    socket.deliver(DESTINATIONS.replies, synced([...missed, data(4, 'e1', FREEZER, reading(-77))], 4, 'e1', FREEZER));
    expect(seen.data).toEqual([-80, -79, -78, -77]);
  });

  it('tells only that channel\'s handlers about its refusal', async () => {
    const { client, socket } = await connected();
    const bookings: string[] = [];
    client.subscribe('bookings', { onSubscriptionFailed: (f) => bookings.push(f.reason) });
    const freezerFailures: string[] = [];
    client.subscribe(freezer, { onSubscriptionFailed: (f) => freezerFailures.push(f.reason) });
    socket.deliver(DESTINATIONS.replies, subscribed([], [{ channel: 'bookings', reason: 'CHANNEL_NOT_FOUND' }]));
    expect(bookings).toEqual(['CHANNEL_NOT_FOUND']);
    expect(freezerFailures).toEqual([]);
  });

  it('publishes a typed payload to the channel', async () => {
    const { client, socket } = await connected();
    client.publish(freezer, reading(-81));
    expect(socket.sentTo('/app/publish')).toEqual([{ type: 'PUBLISH', channel: FREEZER, payload: reading(-81) }]);
  });
});

describe('RealtimeClient subscribe() calls', () => {
  it('subscribes a channel once, and unsubscribes it when the last call is removed', async () => {
    const { client, socket, seen, off } = await connected();
    const second: number[] = [];
    const offSecond = client.subscribe<FreezerReading>(FREEZER, { onData: (p) => second.push(p.temperatureC) });
    socket.deliver(DESTINATIONS.replies, subscribed([FREEZER]));
    off();
    socket.deliver(topic, data(1, 'e1', FREEZER, reading(-80)));
    expect(socket.sent('UNSUBSCRIBE')).toHaveLength(0);
    expect(second).toEqual([-80]);
    expect(seen.data).toEqual([]);
    offSecond();
    expect(socket.sent('UNSUBSCRIBE')).toHaveLength(1);
    expect(subscriptions(socket).filter((d) => d === topic)).toHaveLength(1);
  });

  it('keeps calling the other handlers when one throws', async () => {
    const { client, socket, seen } = await connected();
    vi.spyOn(console, 'error').mockImplementation(() => undefined);
    client.subscribe(freezer, { onData: () => { throw new Error('broken view'); } });
    socket.deliver(DESTINATIONS.replies, subscribed([FREEZER]));
    socket.deliver(topic, data(1, 'e1', FREEZER, reading(-80)));
    expect(seen.data).toEqual([-80]);
  });

  it.each(['', 'a..b', '.presence', 'presence.', 'lab bench', 'instruments/freezer', 'ünïcode'])(
    'refuses the channel name %j before sending anything',
    async (name) => {
      const { client, socket } = await connected();
      expect(() => client.subscribe(name)).toThrow(new RangeError(
        `Channel name '${name}' is not valid: use one or more parts of letters, digits, '_' or '-', separated by dots`,
      ));
      expect(() => client.publish(name, {})).toThrow(RangeError);
      expect(() => defineChannel(name)).toThrow(RangeError);
      expect(subscriptions(socket)).toEqual(['/user/queue/replies', topic]);
    },
  );

  // Checked by the compiler, not at run time: `npm run typecheck` fails when a payload type is wrong.
  it('types payloads by the channel, by type arguments, or as unknown', () => {
    const { client } = harness();
    client.subscribe(SEED_CHANNELS.presence, {
      onInitialData: (users) => expectTypeOf(users).toEqualTypeOf<PresencePayload[]>(),
      onData: (user, message) => {
        expectTypeOf(user).toEqualTypeOf<PresencePayload>();
        expectTypeOf(message).toEqualTypeOf<ChannelData<PresencePayload>>();
      },
    });
    client.subscribe<FreezerReading>(FREEZER, { onData: (p) => expectTypeOf(p).toEqualTypeOf<FreezerReading>() });
    client.subscribe('bookings', { onData: (p) => expectTypeOf(p).toBeUnknown() });
    // @ts-expect-error: a freezer reading has no `status`
    client.publish(freezer, { status: 'online' });
  });
});
