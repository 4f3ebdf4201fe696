import { useEffect, useState } from 'react';
import { useConnectionStore } from '../store/connectionStore';

/** The current time in ms, refreshed every `intervalMs` (for expiry and "x min ago"). */
export function useNow(intervalMs: number): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), intervalMs);
    return () => clearInterval(timer);
  }, [intervalMs]);
  return now;
}

/**
 * useNow on the server's clock: the browser's time plus the offset measured by PING/PONG (0 until
 * the first PONG). For deadlines the server sets, such as an announcement's expiresAt, so that a
 * browser whose clock is off neither keeps an expired announcement nor hides a current one.
 */
export function useServerNow(intervalMs: number): number {
  const now = useNow(intervalMs);
  const offset = useConnectionStore((s) => s.clockOffsetMs);
  return now + offset;
}
