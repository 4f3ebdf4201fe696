import type { Role } from '../../api/types';
import { routeHref, type Route } from '../../hooks/useHashRoute';

const LABELS: Record<Route, string> = { dashboard: 'Dashboard', history: 'History', admin: 'Admin' };

/** Which pages a role sees: admins and moderators also get Admin (moderators only for announcements). */
export function routesFor(role: Role | undefined): Route[] {
  return role === 'admin' || role === 'moderator' ? ['dashboard', 'history', 'admin'] : ['dashboard', 'history'];
}

/** The page tabs. */
export function Nav(props: { route: Route; role: Role | undefined }) {
  return (
    <nav className="tabs" aria-label="Pages">
      {routesFor(props.role).map((route) => (
        <a key={route} href={routeHref(route)} data-testid={`nav-${route}`}
          aria-current={props.route === route ? 'page' : undefined}
          className={props.route === route ? 'tab active' : 'tab'}>
          {LABELS[route]}
        </a>
      ))}
    </nav>
  );
}
