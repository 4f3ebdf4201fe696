import { useState, type FormEvent } from 'react';
import { useSessionStore } from '../../store/sessionStore';

/** Sign-in with username and password; the server sets the session cookie. */
export function LoginForm() {
  const login = useSessionStore((s) => s.login);
  const busy = useSessionStore((s) => s.busy);
  const error = useSessionStore((s) => s.error);
  const notice = useSessionStore((s) => s.notice);
  const [username, setUsername] = useState('');
  const [password, setPassword] = useState('');

  function submit(event: FormEvent) {
    event.preventDefault();
    void login(username.trim(), password);
  }

  return (
    <main className="login-page">
      <form className="panel login" onSubmit={submit} aria-labelledby="login-title">
        <h1 id="login-title">Yu Jian Lab</h1>
        <p className="muted">Sign in to see who is in the lab, announcements and lab status.</p>
        {notice && <p className="notice" data-testid="login-notice">{notice}</p>}
        <label>
          Username
          <input data-testid="login-username" autoComplete="username" required value={username}
            onChange={(e) => setUsername(e.target.value)} />
        </label>
        <label>
          Password
          <input data-testid="login-password" type="password" autoComplete="current-password" required value={password}
            onChange={(e) => setPassword(e.target.value)} />
        </label>
        {error && <p className="error" role="alert" data-testid="login-error">{error}</p>}
        <button type="submit" data-testid="login-submit" disabled={busy}>{busy ? 'Signing in…' : 'Sign in'}</button>
      </form>
    </main>
  );
}
