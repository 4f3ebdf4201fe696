import { CHANNELS, type ActivityType } from '@yujian/realtime';
import { useNow } from '../../hooks/useNow';
import { useActivityStore } from '../../store/activityStore';
import { useConnectionStore } from '../../store/connectionStore';
import { useSessionStore } from '../../store/sessionStore';
import { ago, dateTime } from '../format';
import { RealTimeBadge } from '../shared/RealTimeBadge';

const ICON: Record<ActivityType, string> = { join: '→', leave: '←', action: '•', announcement: '!' };

/**
 * The lab's recent activity, newest first. Only some roles may read it (admins by default); when the
 * server refuses the subscription the panel explains that instead of showing an error.
 */
export function ActivityFeed() {
  const denied = useConnectionStore((s) => s.denied[CHANNELS.ACTIVITY]);
  const role = useSessionStore((s) => s.user?.role);
  const items = useActivityStore((s) => s.items);
  const loaded = useActivityStore((s) => s.loaded);
  const now = useNow(30_000);

  if (denied) {
    return (
      <section className="panel muted-panel" data-testid="activity-hidden">
        <h2>Activity</h2>
        <p className="empty">
          The activity feed is only shown to roles allowed to read it (admins by default).
          {role ? ` You are signed in as ${role}.` : ''}
        </p>
      </section>
    );
  }
  return (
    <section className="panel" aria-labelledby="activity-title" data-testid="activity-feed">
      <h2 id="activity-title">Activity <RealTimeBadge /></h2>
      {!loaded ? (
        <p className="empty">Loading recent activity…</p>
      ) : items.length === 0 ? (
        <p className="empty">No activity yet.</p>
      ) : (
        <ol className="feed">
          {items.map((item) => (
            <li key={item.id} className={`feed-item ${item.type}`} data-testid="activity-item" data-id={item.id}>
              <span className="feed-icon" aria-hidden="true">{ICON[item.type]}</span>
              <span className="feed-text">{item.message}</span>
              <time className="muted small" dateTime={item.timestamp} title={dateTime(item.timestamp)}>
                {ago(item.timestamp, now)}
              </time>
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}
