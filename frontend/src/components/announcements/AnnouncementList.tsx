import type { AnnouncementPayload } from '@yujian/realtime';
import { useMemo, type ReactNode } from 'react';
import { useServerNow } from '../../hooks/useNow';
import { activeAnnouncements, useAnnouncementStore } from '../../store/announcementStore';
import { dateTime } from '../format';
import { RealTimeBadge } from '../shared/RealTimeBadge';
import { EXPIRY_CHECK_MS } from './AnnouncementBanner';

/**
 * Active announcements by priority; expired ones disappear on the next timer tick.
 * `action` renders extra controls per item (the admin's Expire button).
 */
export function AnnouncementList(props: { action?: (a: AnnouncementPayload) => ReactNode }) {
  const byId = useAnnouncementStore((s) => s.byId);
  const loaded = useAnnouncementStore((s) => s.loaded);
  const now = useServerNow(EXPIRY_CHECK_MS);
  const active = useMemo(() => activeAnnouncements(byId, now), [byId, now]);

  return (
    <section className="panel" aria-labelledby="announcements-title" data-testid="announcements">
      <h2 id="announcements-title">Announcements <RealTimeBadge /></h2>
      {!loaded ? (
        <p className="empty">Loading announcements…</p>
      ) : active.length === 0 ? (
        <p className="empty">No announcements right now.</p>
      ) : (
        <ul className="announcement-list">
          {active.map((a) => (
            <li key={a.id} className={`announcement priority-${a.priority}`} data-testid="announcement" data-id={a.id}>
              <div className="announcement-head">
                <span className={`priority-badge ${a.priority}`}>{a.priority}</span>
                <strong className="announcement-title">{a.title}</strong>
              </div>
              <p className="announcement-content">{a.content}</p>
              <p className="muted small">
                {a.author.name} · {dateTime(a.timestamp)}
                {a.expiresAt ? ` · until ${dateTime(a.expiresAt)}` : ''}
              </p>
              {props.action?.(a)}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
