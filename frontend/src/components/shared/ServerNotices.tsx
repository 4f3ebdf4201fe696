import { TEMPORARY_ERROR_CODES, type ErrorMessage } from '@yujian/realtime';
import { useState } from 'react';
import { useRealtimeEvent } from '../../hooks/useRealtimeEvent';

/** How long a notice stays, in ms. */
const SHOW_MS = 6_000;
const TEMPORARY: ReadonlySet<string> = new Set(Object.values(TEMPORARY_ERROR_CODES));

/**
 * Shows ERROR replies from the server for a few seconds (the session stays open, so they are notices,
 * not failures): "try again shortly" for temporary codes, the server's message for the rest.
 */
export function ServerNotices() {
  const [notices, setNotices] = useState<(ErrorMessage & { key: number })[]>([]);
  useRealtimeEvent('serverError', (error) => {
    const key = Date.now() + Math.random();
    setNotices((list) => [...list.slice(-2), { ...error, key }]);
    setTimeout(() => setNotices((list) => list.filter((n) => n.key !== key)), SHOW_MS);
  });
  if (notices.length === 0) return null;
  return (
    <div className="notices" role="status" aria-live="polite">
      {notices.map((n) => (
        <p key={n.key} className="notice" data-testid="server-notice" data-code={n.code}>
          {n.message}{TEMPORARY.has(n.code) ? ' Please try again shortly.' : ''}
        </p>
      ))}
    </div>
  );
}
