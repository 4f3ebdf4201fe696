import { useSessionStore } from '../../store/sessionStore';
import { AnnouncementsAdmin } from './AnnouncementsAdmin';
import { ConnectionsAdmin } from './ConnectionsAdmin';
import { UsersAdmin } from './UsersAdmin';

/** Admin tools. Admins see everything; moderators may only post and expire announcements. */
export function AdminPanel() {
  const role = useSessionStore((s) => s.user?.role);
  if (role !== 'admin' && role !== 'moderator') {
    return <p className="panel empty" data-testid="admin-forbidden">Only admins and moderators can use this page.</p>;
  }
  return (
    <div className="admin" data-testid="admin-panel">
      <div className="col-main">
        {role === 'admin' && <ConnectionsAdmin />}
        {role === 'admin' && <UsersAdmin />}
      </div>
      <div className="col-side">
        <AnnouncementsAdmin />
      </div>
    </div>
  );
}
