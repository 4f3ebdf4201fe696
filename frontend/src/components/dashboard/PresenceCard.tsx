import type { PresencePayload } from '@yujian/realtime';
import { memo } from 'react';
import { displayName } from '../../store/presenceStore';
import { ago, dateTime } from '../format';

const STATUS_TEXT = { online: 'Online', away: 'Away', offline: 'Offline' } as const;

/** One person in the lab: status, location, what they are doing and when they were last active. */
export const PresenceCard = memo(function PresenceCard(props: { user: PresencePayload; now: number; isMe: boolean }) {
  const { user, now, isMe } = props;
  const name = displayName(user);
  return (
    <li className={`presence-card status-${user.status}`} data-testid="presence-card" data-user-id={user.userId}>
      <div className="presence-head">
        <span className="avatar" aria-hidden="true">{name.slice(0, 1).toUpperCase()}</span>
        <span className="presence-name">
          {name}
          {isMe && <span className="me-tag"> (you)</span>}
        </span>
        <span className={`status-pill ${user.status}`} data-testid="presence-status">{STATUS_TEXT[user.status]}</span>
      </div>
      <div className="presence-location" data-testid="presence-location">
        {user.location?.trim() || 'Location not set'}
      </div>
      {user.activity && <div className="presence-activity">{user.activity}</div>}
      <div className="muted small" title={dateTime(user.lastSeen)}>Last seen {ago(user.lastSeen, now)}</div>
    </li>
  );
});
