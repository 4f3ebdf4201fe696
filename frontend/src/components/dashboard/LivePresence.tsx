import { useMemo } from 'react';
import { useNow } from '../../hooks/useNow';
import { usePresenceStore } from '../../store/presenceStore';
import { useSessionStore } from '../../store/sessionStore';
import { RealTimeBadge } from '../shared/RealTimeBadge';
import { PresenceCard } from './PresenceCard';
import { summarize } from './presenceSummary';

/** Who is in the lab right now, with counts by status and by location; updates live. */
export function LivePresence() {
  const users = usePresenceStore((s) => s.users);
  const loaded = usePresenceStore((s) => s.loaded);
  const myId = useSessionStore((s) => s.user?.id);
  const now = useNow(30_000);
  const summary = useMemo(() => summarize(users), [users]);

  return (
    <section className="panel" aria-labelledby="presence-title" data-testid="live-presence">
      <h2 id="presence-title">Who is in the lab <RealTimeBadge /></h2>
      {!loaded ? (
        <p className="empty" data-testid="presence-loading">Loading who is in the lab…</p>
      ) : users.length === 0 ? (
        <p className="empty" data-testid="presence-empty">Nobody is in the lab right now.</p>
      ) : (
        <>
          <p className="counts" data-testid="presence-counts">
            <span className="count online">{summary.byStatus.online} online</span>
            <span className="count away">{summary.byStatus.away} away</span>
          </p>
          <ul className="chips" aria-label="People by location">
            {summary.locations.map((l) => (
              <li key={l.name} className="chip" data-testid="location-count">{l.name}: {l.count}</li>
            ))}
          </ul>
          <ul className="presence-grid">
            {users.map((user) => (
              <PresenceCard key={user.userId} user={user} now={now} isMe={user.userId === myId} />
            ))}
          </ul>
        </>
      )}
    </section>
  );
}
