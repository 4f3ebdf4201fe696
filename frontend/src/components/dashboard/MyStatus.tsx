import { useEffect, useRef, useState, type FormEvent } from 'react';
import { useRealtimeClient } from '../../hooks/RealtimeContext';
import { useIdle } from '../../hooks/useIdle';
import { State } from '../../realtime';
import { useConnectionStore } from '../../store/connectionStore';
import { usePresenceStore } from '../../store/presenceStore';
import { useSessionStore } from '../../store/sessionStore';

/** No mouse, keyboard, touch or page visibility for this long sets you away. */
export const IDLE_MS = 5 * 60_000;

type MyPresence = 'online' | 'away';

/** Set your own status and location; goes away by itself when you are idle, and back when you return. */
export function MyStatus() {
  const client = useRealtimeClient();
  const myId = useSessionStore((s) => s.user?.id);
  const mine = usePresenceStore((s) => s.users.find((u) => u.userId === myId));
  const connected = useConnectionStore((s) => s.status.state === State.Connected);
  const [status, setStatus] = useState<MyPresence>('online');
  const [location, setLocation] = useState('');
  const [dirty, setDirty] = useState(false);
  const [feedback, setFeedback] = useState('');
  const autoAway = useRef(false);

  // Show what the server knows until the user starts editing.
  useEffect(() => {
    if (dirty || !mine) return;
    setStatus(mine.status === 'away' ? 'away' : 'online');
    setLocation(mine.location ?? '');
  }, [mine, dirty]);

  useIdle(
    IDLE_MS,
    () => {
      if ((mine?.status ?? 'online') !== 'online' || !client) return;
      autoAway.current = true;
      client.updatePresence({ status: 'away' });
      setFeedback('You were idle for 5 minutes, so your status is now away.');
    },
    () => {
      if (!autoAway.current || !client) return;
      autoAway.current = false;
      client.updatePresence({ status: 'online' });
      setFeedback('Welcome back: your status is online again.');
    },
  );

  function save(event: FormEvent) {
    event.preventDefault();
    if (!client) return;
    autoAway.current = false;
    client.updatePresence({ status, location: location.trim() });
    setDirty(false);
    setFeedback(connected ? 'Saved.' : 'You are offline; your status will be sent when the connection is back.');
  }

  return (
    <section className="panel" aria-labelledby="my-status-title">
      <h2 id="my-status-title">My status</h2>
      <form className="my-status" onSubmit={save}>
        <label>
          Status
          <select data-testid="my-status-select" value={status}
            onChange={(e) => { setStatus(e.target.value as MyPresence); setDirty(true); }}>
            <option value="online">Online</option>
            <option value="away">Away</option>
          </select>
        </label>
        <label>
          Location
          <input data-testid="my-location-input" value={location} maxLength={100} placeholder="e.g. Bench 3, Clean room"
            onChange={(e) => { setLocation(e.target.value); setDirty(true); }} />
        </label>
        <button type="submit" data-testid="my-status-save" disabled={!client}>Save</button>
      </form>
      <p className="muted small" role="status" data-testid="my-status-feedback">
        {feedback || 'After 5 minutes without activity you are shown as away, and online again when you return.'}
      </p>
    </section>
  );
}
