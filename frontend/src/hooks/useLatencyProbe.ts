import { State } from '@yujian/realtime';
import { useEffect } from 'react';
import { useConnectionStore } from '../store/connectionStore';
import { useRealtimeClient } from './RealtimeContext';

/** Sends a PING now and every `intervalMs` while connected; the bridge stores the PONG's round trip. */
export function useLatencyProbe(intervalMs = 30_000): void {
  const client = useRealtimeClient();
  const connected = useConnectionStore((s) => s.status.state === State.Connected);
  useEffect(() => {
    if (!client || !connected) return undefined;
    client.ping();
    const timer = setInterval(() => client.ping(), intervalMs);
    return () => clearInterval(timer);
  }, [client, connected, intervalMs]);
}
