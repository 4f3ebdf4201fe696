import { useSessionStore } from '../../store/sessionStore';
import { ConnectionStatus } from '../dashboard/ConnectionStatus';
import { RealTimeBadge } from '../shared/RealTimeBadge';

/**
 * The Yu Jian mark: two rings that meet (遇 is "to meet"). Drawn rather than written, because a
 * browser without a CJK font (Chromium on a plain Debian) shows the glyph as an empty box.
 */
function Logo() {
  return (
    <svg className="logo" viewBox="0 0 32 32" aria-hidden="true" focusable="false">
      <circle cx="16" cy="16" r="16" fill="currentColor" />
      <circle cx="12.5" cy="16" r="6" fill="none" stroke="#fff" strokeWidth="2.2" />
      <circle cx="19.5" cy="16" r="6" fill="none" stroke="#fff" strokeWidth="2.2" />
    </svg>
  );
}

/** Title, live connection state and the signed-in user, on every page. */
export function Header() {
  const user = useSessionStore((s) => s.user);
  const logout = useSessionStore((s) => s.logout);
  const busy = useSessionStore((s) => s.busy);
  return (
    <header className="app-header">
      <div className="brand">
        <Logo />
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
