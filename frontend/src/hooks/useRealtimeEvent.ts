import type { RealtimeEvents } from '@yujian/realtime';
import { useEffect, useRef } from 'react';
import { useRealtimeClient } from './RealtimeContext';

/**
 * Calls `handler` for each `event` of the current client. The latest handler is kept in a ref, so
 * passing a new function on every render neither resubscribes nor reconnects anything.
 */
export function useRealtimeEvent<K extends keyof RealtimeEvents>(
  event: K,
  handler: (value: RealtimeEvents[K]) => void,
): void {
  const client = useRealtimeClient();
  const latest = useRef(handler);
  useEffect(() => {
    latest.current = handler;
  });
  useEffect(() => {
    if (!client) return undefined;
    return client.on(event, (value) => latest.current(value));
  }, [client, event]);
}
