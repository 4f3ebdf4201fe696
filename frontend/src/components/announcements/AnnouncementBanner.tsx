import { useMemo } from 'react';
import { useServerNow } from '../../hooks/useNow';
import { activeAnnouncements, useAnnouncementStore } from '../../store/announcementStore';

/** How often expiry is re-checked, in ms. */
export const EXPIRY_CHECK_MS = 5_000;

/** The single most important active announcement, across the top of every page. */
export function AnnouncementBanner() {
  const byId = useAnnouncementStore((s) => s.byId);
  const now = useServerNow(EXPIRY_CHECK_MS);
  const top = useMemo(() => activeAnnouncements(byId, now)[0], [byId, now]);
  if (!top) return null;
  return (
    <div className={`banner priority-${top.priority}`} role="alert" data-testid="announcement-banner" data-id={top.id}>
      <strong>{top.title}</strong> <span>{top.content}</span>
    </div>
  );
}
