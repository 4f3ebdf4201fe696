import { useSessionStore } from '../../store/sessionStore';
import { AnnouncementsAdmin } from './AnnouncementsAdmin';
import { ConnectionsAdmin } from './ConnectionsAdmin';
import { UsersAdmin } from './UsersAdmin';

/**
 * Admin tools, laid out for what the role may do: admins get connections and users beside the
 * announcements; moderators may only post and expire announcements, so those take the full width
 * (a second column would stay empty).
 */
export function AdminPanel() {
  const role = useSessionStore((s) => s.user?.role);
  if (role === 'moderator') {
    return (
      <div className="admin single-column" data-testid="admin-panel">
        <AnnouncementsAdmin />
      </div>
    );
  }
  if (role !== 'admin') {
    return <p className="panel empty" data-testid="admin-forbidden">Only admins and moderators can use this page.</p>;
  }
  return (
    <div className="admin" data-testid="admin-panel">
      <div className="col-main">
        <ConnectionsAdmin />
        <UsersAdmin />
      </div>
      <div className="col-side">
        <AnnouncementsAdmin />
      </div>
    </div>
  );
}
