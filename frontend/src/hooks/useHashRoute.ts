import { useEffect, useState } from 'react';

/** The app's pages, addressed as #/, #/history and #/admin so links and browser tests can open them. */
export type Route = 'dashboard' | 'history' | 'admin';

const ROUTES: Record<string, Route> = { '#/history': 'history', '#/admin': 'admin' };

export const routeHref = (route: Route) => (route === 'dashboard' ? '#/' : `#/${route}`);

function current(): Route {
  return ROUTES[window.location.hash] ?? 'dashboard';
}

/** The page named by the URL hash; follows back/forward and link clicks. */
export function useHashRoute(): Route {
  const [route, setRoute] = useState<Route>(current);
  useEffect(() => {
    const onChange = () => setRoute(current());
    window.addEventListener('hashchange', onChange);
    return () => window.removeEventListener('hashchange', onChange);
  }, []);
  return route;
}
