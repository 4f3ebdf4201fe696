import { State } from '@yujian/realtime';
import { useEffect, useState, type FormEvent } from 'react';
import { useRealtimeClient } from '../../hooks/RealtimeContext';
import { useConnectionStore } from '../../store/connectionStore';
import { useMyStatusStore } from '../../store/myStatusStore';
import { usePresenceStore } from '../../store/presenceStore';
import { useSessionStore } from '../../store/sessionStore';

type MyPresence = 'online' | 'away';

/**
 * Set your own status and location. Going away when idle, and back on return, is done on every
 * page by useAutoAway; this panel only reports it.
 */
export function MyStatus() {
  const client = useRealtimeClient();
  const myId = useSessionStore((s) => s.user?.id);
  const mine = usePresenceStore((s) => s.users.find((u) => u.userId === myId));
  const connected = useConnectionStore((s) => s.status.state === State.Connected);
  const [status, setStatus] = useState<MyPresence>('online');
  const [location, setLocation] = useState('');
  const [dirty, setDirty] = useState(false);
  const [feedback, setFeedback] = useState('');
  const autoNotice = useMyStatusStore((s) => s.notice);

  // Show what the server knows until the user starts editing.
  useEffect(() => {
    if (dirty || !mine) return;
    setStatus(mine.status === 'away' ? 'away' : 'online');
    setLocation(mine.location ?? '');
  }, [mine, dirty]);

  // The latest automatic change is news; it replaces the feedback of an earlier save.
  useEffect(() => {
    if (autoNotice) setFeedback(autoNotice);
  }, [autoNotice]);

  function save(event: FormEvent) {
    event.preventDefault();
    if (!client) return;
    useMyStatusStore.getState().choseByHand();
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
