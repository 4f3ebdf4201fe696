import {
  CHANNELS, State,
  type ActivityPayload, type AnnouncementPayload, type MetricsPayload, type PresencePayload,
  type RealtimeClient, type Unsubscribe,
} from '@yujian/realtime';
import { useActivityStore } from '../store/activityStore';
import { useAnnouncementStore } from '../store/announcementStore';
import { useConnectionStore } from '../store/connectionStore';
import { useMetricsStore } from '../store/metricsStore';
import { useMyStatusStore } from '../store/myStatusStore';
import { usePresenceStore } from '../store/presenceStore';
import { useSessionStore } from '../store/sessionStore';

/** The channels the dashboard follows. */
export const DASHBOARD_CHANNELS = [CHANNELS.PRESENCE, CHANNELS.ANNOUNCEMENTS, CHANNELS.METRICS, CHANNELS.ACTIVITY];

/** The store actions that one channel's messages drive. */
interface ChannelSink {
  replace(payload: unknown): void;
  apply(payload: unknown): void;
}

const sinks: Record<string, ChannelSink> = {
  [CHANNELS.PRESENCE]: {
    replace: (p) => usePresenceStore.getState().replace(p as PresencePayload[]),
    apply: (p) => usePresenceStore.getState().apply(p as PresencePayload),
  },
  [CHANNELS.METRICS]: {
    replace: (p) => useMetricsStore.getState().replace(p as MetricsPayload[]),
    apply: (p) => useMetricsStore.getState().apply(p as MetricsPayload),
  },
  [CHANNELS.ACTIVITY]: {
    replace: (p) => useActivityStore.getState().replace(p as ActivityPayload[]),
    apply: (p) => useActivityStore.getState().apply(p as ActivityPayload),
  },
  [CHANNELS.ANNOUNCEMENTS]: {
    replace: (p) => useAnnouncementStore.getState().replace(p as AnnouncementPayload[]),
    apply: (p) => useAnnouncementStore.getState().apply(p as AnnouncementPayload),
  },
};

/** Message shown on the login form when the server stops accepting our session. */
export const SESSION_ENDED = 'Your session has ended. Please sign in again.';

/**
 * Feeds the stores from a client, outside React. Returns the function that stops it.
 * Channel payload types follow the protocol contract (INITIAL_DATA carries an array of the DATA type).
 */
export function connectBridge(client: RealtimeClient): Unsubscribe {
  const connection = useConnectionStore.getState();
  connection.setStatus(client.state);
  const offs = [
    client.on('state', (status) => {
      useConnectionStore.getState().setStatus(status);
      if (status.state === State.GaveUp && status.reason === 'auth-required') {
        useSessionStore.getState().expire(SESSION_ENDED);
      }
    }),
    client.on('initialData', (m) => sinks[m.channel]?.replace(m.payload)),
    client.on('data', (m) => sinks[m.channel]?.apply(m.payload)),
    client.on('subscribed', ({ channel }) => useConnectionStore.getState().markSubscribed(channel)),
    client.on('subscriptionFailed', (failure) => useConnectionStore.getState().markDenied(failure)),
    client.on('pong', ({ rttMs, clockOffsetMs }) => {
      useConnectionStore.getState().setRtt(rttMs);
      useConnectionStore.getState().setClockOffset(clockOffsetMs);
    }),
  ];
  return () => offs.forEach((off) => off());
}

/** Empties every data store, e.g. after sign-out, so the next user never sees stale data. */
export function clearStores(): void {
  usePresenceStore.getState().clear();
  useMetricsStore.getState().clear();
  useActivityStore.getState().clear();
  useAnnouncementStore.getState().clear();
  useConnectionStore.getState().reset();
  useMyStatusStore.getState().clear();
}
