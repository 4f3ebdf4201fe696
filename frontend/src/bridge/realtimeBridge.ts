import { SEED_CHANNELS, State, type RealtimeClient, type Unsubscribe } from '@yujian/realtime';
import { useActivityStore } from '../store/activityStore';
import { useAnnouncementStore } from '../store/announcementStore';
import { useConnectionStore } from '../store/connectionStore';
import { useMetricsStore } from '../store/metricsStore';
import { useMyStatusStore } from '../store/myStatusStore';
import { usePresenceStore } from '../store/presenceStore';
import { useSessionStore } from '../store/sessionStore';

/** Message shown on the login form when the server stops accepting our session. */
export const SESSION_ENDED = 'Your session has ended. Please sign in again.';

/**
 * Subscribes the dashboard's channels and feeds the stores from the client, outside React. Returns
 * the function that stops it (and unsubscribes them). Payloads are typed by SEED_CHANNELS: INITIAL_DATA
 * replaces a store, each DATA is applied to it.
 */
export function connectBridge(client: RealtimeClient): Unsubscribe {
  const { presence, announcements, metrics, activity } = SEED_CHANNELS;
  useConnectionStore.getState().setStatus(client.state);
  const offs = [
    client.on('state', (status) => {
      useConnectionStore.getState().setStatus(status);
      if (status.state === State.GaveUp && status.reason === 'auth-required') {
        useSessionStore.getState().expire(SESSION_ENDED);
      }
    }),
    client.subscribe(presence, {
      onInitialData: (users) => usePresenceStore.getState().replace(users),
      onData: (user) => usePresenceStore.getState().apply(user),
    }),
    client.subscribe(announcements, {
      onInitialData: (list) => useAnnouncementStore.getState().replace(list),
      onData: (announcement) => useAnnouncementStore.getState().apply(announcement),
    }),
    client.subscribe(metrics, {
      onInitialData: (samples) => useMetricsStore.getState().replace(samples),
      onData: (sample) => useMetricsStore.getState().apply(sample),
    }),
    client.subscribe(activity, {
      onInitialData: (items) => useActivityStore.getState().replace(items),
      onData: (item) => useActivityStore.getState().apply(item),
    }),
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
