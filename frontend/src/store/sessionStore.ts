import { create } from 'zustand';
import { authApi } from '../api/endpoints';
import { ApiError } from '../api/http';
import type { User } from '../api/types';

/** Who is signed in. The token itself lives only in the httpOnly cookie, never here. */
export interface SessionState {
  /** 'checking' until GET /api/auth/me has answered on load. */
  phase: 'checking' | 'signedOut' | 'signedIn';
  user?: User;
  /** Why the last login failed, shown under the form. */
  error?: string;
  /** Why the user was signed out without asking (e.g. the session expired). */
  notice?: string;
  busy: boolean;
  check(): Promise<void>;
  login(username: string, password: string): Promise<void>;
  logout(): Promise<void>;
  /** The server refused our session (AUTHENTICATION_FAILED); show the login form with a reason. */
  expire(notice: string): void;
}

function loginError(error: unknown): string {
  if (error instanceof ApiError && error.status === 401) return 'Wrong username or password.';
  if (error instanceof ApiError && error.status === 429) return 'Too many attempts. Wait a minute and try again.';
  if (error instanceof ApiError && error.status === 0) return 'Cannot reach the server. Check your connection.';
  return error instanceof Error ? `Sign-in failed: ${error.message}` : 'Sign-in failed.';
}

export const useSessionStore = create<SessionState>()((set) => ({
  phase: 'checking',
  busy: false,
  check: async () => {
    try {
      const user = await authApi.me();
      set({ phase: 'signedIn', user });
    } catch {
      set({ phase: 'signedOut', user: undefined });
    }
  },
  login: async (username, password) => {
    set({ busy: true, error: undefined });
    try {
      const { user } = await authApi.login(username, password);
      set({ phase: 'signedIn', user, busy: false, notice: undefined });
    } catch (error) {
      set({ busy: false, error: loginError(error) });
    }
  },
  logout: async () => {
    set({ busy: true });
    try {
      await authApi.logout();
    } catch {
      // Signed out locally even if the server could not be told; the cookie expires by itself.
    }
    set({ phase: 'signedOut', user: undefined, busy: false, error: undefined });
  },
  expire: (notice) => set({ phase: 'signedOut', user: undefined, notice }),
}));
