import { DESTINATIONS, type MetricsPayload, type PresencePayload } from '@yujian/realtime';
import { acceptConnection, data, harness, initial, subscribed, subscriptions } from '@yujian/realtime/testing';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { useConnectionStore } from '../store/connectionStore';
import { useMetricsStore } from '../store/metricsStore';
import { usePresenceStore } from '../store/presenceStore';
import { useSessionStore } from '../store/sessionStore';
import { clearStores, connectBridge, SESSION_ENDED } from './realtimeBridge';

const li = (status: PresencePayload['status'], location?: string): PresencePayload => ({
  userId: 'u1', status, location, lastSeen: '2026-01-01T09:00:00Z', metadata: { name: 'Li', role: 'member' },
});

beforeEach(() => {
  vi.useFakeTimers();
  clearStores();
});
afterEach(() => vi.useRealTimers());

async function connectedBridge() {
  const h = harness();
  const off = connectBridge(h.client);
  h.client.connect();
  const socket = await acceptConnection(h.server);
  return { ...h, socket, off };
}

describe('realtimeBridge', () => {
  it('subscribes the dashboard\'s four channels', async () => {
    const { socket } = await connectedBridge();
    expect(subscriptions(socket)).toEqual([
      '/user/queue/replies', '/topic/presence', '/topic/announcements', '/topic/metrics', '/topic/activity',
    ]);
  });

  it('mirrors the connection state into connectionStore', async () => {
    const { socket } = await connectedBridge();
    expect(useConnectionStore.getState().status.state).toBe('connected');
    socket.serverClose(1006);
    expect(useConnectionStore.getState().status).toMatchObject({ state: 'reconnecting', attempt: 1 });
  });

  it('loads presence from INITIAL_DATA and applies each DATA once', async () => {
    const { socket } = await connectedBridge();
    socket.deliver(DESTINATIONS.replies, initial(1, 'e1', 'presence', [li('online', 'Bench 1')]));
    const update = data(2, 'e1', 'presence', li('away', 'Office'));
    socket.deliver('/topic/presence', update);
    socket.deliver('/topic/presence', update);
    expect(usePresenceStore.getState().users).toEqual([li('away', 'Office')]);
  });

  it('applies metrics DATA once the server confirmed the subscription, without INITIAL_DATA', async () => {
    const { socket } = await connectedBridge();
    const sample: MetricsPayload = {
      timestamp: '2026-01-01T09:00:00Z',
      metrics: { cpu: 12, memory: 40, disk: 70, network: { in: 1, out: 2 } },
      services: [],
    };
    socket.deliver(DESTINATIONS.replies, subscribed(['metrics']));
    socket.deliver('/topic/metrics', data(1, 'e1', 'metrics', sample));
    expect(useMetricsStore.getState().samples).toEqual([sample]);
  });

  it('stores the round trip and the server clock offset from each PONG', async () => {
    const { socket, client } = await connectedBridge();
    client.ping();
    const [ping] = socket.sentTo('/app/ping') as { timestamp: number }[];
    vi.advanceTimersByTime(10);
    socket.deliver(DESTINATIONS.replies, { type: 'PONG', timestamp: (ping?.timestamp ?? 0) + 5 - 3_000, clientTimestamp: ping?.timestamp });
    expect(useConnectionStore.getState()).toMatchObject({ rttMs: 10, clockOffsetMs: -3_000 });
  });

  it('records a denied channel instead of failing', async () => {
    const { socket } = await connectedBridge();
    socket.deliver(DESTINATIONS.replies, {
      type: 'SUBSCRIBED', channels: [], failed: [{ channel: 'activity', reason: 'ACCESS_DENIED' }], timestamp: 1,
    });
    expect(useConnectionStore.getState().denied).toEqual({ activity: 'ACCESS_DENIED' });
  });

  it('signs the user out with a reason when the server refuses the session', async () => {
    useSessionStore.setState({ phase: 'signedIn', user: { id: 'u1', username: 'li', name: 'Li', role: 'member' } });
    const { server, client } = harness();
    connectBridge(client);
    client.connect();
    await vi.advanceTimersByTimeAsync(0);
    server.last.open();
    server.last.push('ERROR', { message: 'AUTHENTICATION_FAILED' }, '{}');
    server.last.serverClose(1008);
    expect(useSessionStore.getState()).toMatchObject({ phase: 'signedOut', notice: SESSION_ENDED });
  });

  it('stops feeding the stores once disconnected from the bridge', async () => {
    const { socket, off } = await connectedBridge();
    off();
    socket.deliver(DESTINATIONS.replies, initial(1, 'e1', 'presence', [li('online')]));
    expect(usePresenceStore.getState().users).toEqual([]);
  });
});
