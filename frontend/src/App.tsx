import type { RealtimeClient } from '@yujian/realtime';
import { useEffect } from 'react';
import { AdminPanel } from './components/admin/AdminPanel';
import { AnnouncementBanner } from './components/announcements/AnnouncementBanner';
import { LoginForm } from './components/auth/LoginForm';
import { ServerUnreachable } from './components/auth/ServerUnreachable';
import { PresenceHistory } from './components/history/PresenceHistory';
import { Dashboard } from './components/layout/Dashboard';
import { Header } from './components/layout/Header';
import { Nav } from './components/layout/Nav';
import { ServerNotices } from './components/shared/ServerNotices';
import { RealtimeProvider } from './hooks/RealtimeContext';
import { useAutoAway } from './hooks/useAutoAway';
import { useHashRoute } from './hooks/useHashRoute';
import { useLatencyProbe } from './hooks/useLatencyProbe';
import { useSessionStore } from './store/sessionStore';

function Pages() {
  const route = useHashRoute();
  const role = useSessionStore((s) => s.user?.role);
  useLatencyProbe();
  useAutoAway();
  return (
    <>
      <Header />
      <AnnouncementBanner />
      <Nav route={route} role={role} />
      <ServerNotices />
      <main className="content">
        {route === 'history' ? <PresenceHistory /> : route === 'admin' ? <AdminPanel /> : <Dashboard />}
      </main>
    </>
  );
}

/** Checks the session on load, then shows the login form or the app with a live connection. */
export function App(props: { createClient?: () => RealtimeClient }) {
  const phase = useSessionStore((s) => s.phase);
  const userId = useSessionStore((s) => s.user?.id);
  const check = useSessionStore((s) => s.check);
  useEffect(() => {
    void check();
  }, [check]);

  if (phase === 'checking') {
    return <p className="splash" role="status" data-testid="session-checking">Checking your sign-in…</p>;
  }
  if (phase === 'unreachable') return <ServerUnreachable />;
  if (phase === 'signedOut') return <LoginForm />;
  return (
    <RealtimeProvider userId={userId} createClient={props.createClient}>
      <Pages />
    </RealtimeProvider>
  );
}
