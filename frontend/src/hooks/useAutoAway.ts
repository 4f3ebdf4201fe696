import { usePresenceStore } from '../store/presenceStore';
import { useMyStatusStore } from '../store/myStatusStore';
import { useSessionStore } from '../store/sessionStore';
import { useRealtimeClient } from './RealtimeContext';
import { useIdle } from './useIdle';

/** No mouse, keyboard, touch or page visibility for this long sets you away. */
export const IDLE_MS = 5 * 60_000;

export const WENT_AWAY = 'You were idle for 5 minutes, so your status is now away.';
export const CAME_BACK = 'Welcome back: your status is online again.';

/**
 * Sets the signed-in user away after `timeoutMs` idle, and online again on the next activity, but
 * only when the away was automatic (an away chosen by hand stays). Mount it once wherever the user
 * is signed in, on every page: idle detection that lived in one page stopped on all the others.
 */
export function useAutoAway(timeoutMs = IDLE_MS): void {
  const client = useRealtimeClient();
  const myId = useSessionStore((s) => s.user?.id);
  useIdle(
    timeoutMs,
    () => {
      const mine = usePresenceStore.getState().users.find((u) => u.userId === myId);
      if ((mine?.status ?? 'online') !== 'online' || !client) return;
      useMyStatusStore.getState().wentAway(WENT_AWAY);
      client.updatePresence({ status: 'away' });
    },
    () => {
      if (!useMyStatusStore.getState().autoAway || !client) return;
      useMyStatusStore.getState().cameBack(CAME_BACK);
      client.updatePresence({ status: 'online' });
    },
  );
}
