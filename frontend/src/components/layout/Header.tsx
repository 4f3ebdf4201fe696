import { useSessionStore } from '../../store/sessionStore';
import { ConnectionStatus } from '../dashboard/ConnectionStatus';
import { RealTimeBadge } from '../shared/RealTimeBadge';

/** Title, live connection state and the signed-in user, on every page. */
export function Header() {
  const user = useSessionStore((s) => s.user);
  const logout = useSessionStore((s) => s.logout);
  const busy = useSessionStore((s) => s.busy);
  return (
    <header className="app-header">
      <div className="brand">
        <span className="logo" aria-hidden="true">遇</span>
        <span className="title">Yu Jian Lab</span>
        <RealTimeBadge />
      </div>
      <ConnectionStatus />
      {user && (
        <div className="who">
          <span className="who-name" data-testid="current-user">{user.name} <span className="muted">({user.role})</span></span>
          <button type="button" className="secondary" data-testid="logout" disabled={busy} onClick={() => void logout()}>
            Sign out
          </button>
        </div>
      )}
    </header>
  );
}
