import { vi } from 'vitest';
import { RealtimeClient } from '../RealtimeClient.js';
import type { RealtimeEvents, RealtimeOptions } from '../types.js';
import { FakeServer, type FakeStompSocket } from './FakeStompSocket.js';

/** A RealtimeClient wired to a FakeServer, recording every event. Use with vi.useFakeTimers(). */
export function harness(options: Partial<RealtimeOptions> = {}) {
  const server = new FakeServer();
  const client = new RealtimeClient({
    url: 'ws://lab.test/ws',
    webSocketFactory: server.factory,
    random: () => 0.5, // no jitter: delays are exactly 1000, 1500, 2250...
    ...options,
  });
  const events: { [K in keyof RealtimeEvents]?: RealtimeEvents[K][] } = {};
  const names: (keyof RealtimeEvents)[] = [
    'state', 'initialData', 'data', 'subscribed', 'subscriptionFailed',
    'recoveryFailed', 'serverError', 'pong', 'sendDropped', 'invalidMessage', 'notice',
  ];
  for (const name of names) {
    client.on(name, (value) => {
      (events[name] ??= [] as never[]).push(value as never);
    });
  }
  return { server, client, events };
}

/** Lets STOMP.js's async activate() run and the new socket appear. */
export async function settle(ms = 0): Promise<void> {
  await vi.advanceTimersByTimeAsync(ms);
}

/** Opens the socket and answers CONNECT, as a server would. */
export async function acceptConnection(server: FakeServer, clientId = 'c-1', userId = 'u-1'): Promise<FakeStompSocket> {
  await settle();
  const socket = server.last;
  socket.open();
  socket.accept(clientId, userId);
  return socket;
}

/** The destinations subscribed on a socket, in order. */
export function subscriptions(socket: FakeStompSocket): string[] {
  return socket.sent('SUBSCRIBE').map((f) => f.headers['destination'] ?? '');
}
