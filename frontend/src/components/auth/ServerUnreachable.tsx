import { useNow } from '../../hooks/useNow';
import { useSessionStore } from '../../store/sessionStore';

/**
 * Shown instead of the login form while the sign-in check cannot get an answer (network down, 5xx):
 * the user may well be signed in, so asking for a password would be wrong. Retries by itself.
 */
export function ServerUnreachable() {
  const unreachable = useSessionStore((s) => s.unreachable);
  const check = useSessionStore((s) => s.check);
  const now = useNow(1_000);
  const seconds = unreachable ? Math.max(0, Math.ceil((unreachable.nextCheckAt - now) / 1_000)) : 0;
  return (
    <main className="login-page">
      <section className="panel login" role="alert" data-testid="session-unreachable">
        <h1>Yu Jian Lab</h1>
        <p>{unreachable?.reason ?? 'Cannot reach the server.'}</p>
        <p className="muted" data-testid="session-retry-in">
          {seconds > 0 ? `Retrying in ${seconds} s…` : 'Retrying…'}
        </p>
        <button type="button" data-testid="session-retry" onClick={() => void check()}>Retry now</button>
      </section>
    </main>
  );
}
