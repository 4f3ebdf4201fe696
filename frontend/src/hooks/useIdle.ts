import { useEffect, useRef } from 'react';

/** The inputs that count as the user being there. */
const ACTIVITY_EVENTS = ['mousemove', 'mousedown', 'keydown', 'touchstart', 'wheel'] as const;

/**
 * Calls `onIdle` after `timeoutMs` without mouse, keyboard, touch or the page becoming visible, and
 * `onActive` on the first such activity after that. Latest handlers are kept in refs, so new
 * functions on each render do not restart the timer.
 */
export function useIdle(timeoutMs: number, onIdle: () => void, onActive: () => void): void {
  const handlers = useRef({ onIdle, onActive });
  useEffect(() => {
    handlers.current = { onIdle, onActive };
  });

  useEffect(() => {
    let idle = false;
    let timer = setTimeout(fire, timeoutMs);
    function fire() {
      idle = true;
      handlers.current.onIdle();
    }
    function activity() {
      if (document.visibilityState === 'hidden') return;
      clearTimeout(timer);
      timer = setTimeout(fire, timeoutMs);
      if (idle) {
        idle = false;
        handlers.current.onActive();
      }
    }
    ACTIVITY_EVENTS.forEach((name) => window.addEventListener(name, activity, { passive: true }));
    document.addEventListener('visibilitychange', activity);
    return () => {
      clearTimeout(timer);
      ACTIVITY_EVENTS.forEach((name) => window.removeEventListener(name, activity));
      document.removeEventListener('visibilitychange', activity);
    };
  }, [timeoutMs]);
}
