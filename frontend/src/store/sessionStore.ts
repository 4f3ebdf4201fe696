import { backoff, DEFAULT_BACKOFF } from '@yujian/realtime';
import { create } from 'zustand';
import { authApi } from '../api/endpoints';
import { ApiError } from '../api/http';
import type { User } from '../api/types';

/** Why the session could not be checked, and when the next automatic check runs. */
export interface Unreachable {
  readonly reason: string;
  /** Failed checks in a row. */
  readonly attempt: number;
  /** Time (ms since epoch) of the next automatic check. */
  readonly nextCheckAt: number;
}

/** Who is signed in. The token itself lives only in the httpOnly cookie, never here. */
export interface SessionState {
  /**
   * 'checking' until GET /api/auth/me has answered on load; 'unreachable' while it fails for any
   * reason but 401 (network down, 5xx): we do not know yet whether the user is signed in.
   */
  phase: 'checking' | 'unreachable' | 'signedOut' | 'signedIn';
  user?: User;
  /** Set while phase is 'unreachable'. */
  unreachable?: Unreachable;
  /** Why the last login failed, shown under the form. */
  error?: string;
  /** Why the user was signed out without asking (e.g. the session expired). */
  notice?: string;
  busy: boolean;
  /** Asks the server who is signed in; retried with backoff until it answers. */
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

/** Only a 401 says "not signed in"; anything else says nothing about the session. */
const isSignedOut = (error: unknown) => error instanceof ApiError && error.status === 401;

function unreachableReason(error: unknown): string {
  if (error instanceof ApiError && error.status > 0) return `The server is not answering properly (HTTP ${error.status}).`;
  return 'Cannot reach the server.';
}

/** Backoff steps stop growing here (the delay is capped at 30 s long before). */
const MAX_STEP = 20;

let retryTimer: ReturnType<typeof setTimeout> | undefined;
let inFlight: Promise<void> | undefined;

function cancelRetry(): void {
  clearTimeout(retryTimer);
  retryTimer = undefined;
}

export const useSessionStore = create<SessionState>()((set, get) => {
  async function checkOnce(): Promise<void> {
    cancelRetry();
    try {
      const user = await authApi.me();
      set({ phase: 'signedIn', user, unreachable: undefined });
    } catch (error) {
      if (isSignedOut(error)) {
        set({ phase: 'signedOut', user: undefined, unreachable: undefined });
        return;
      }
      const attempt = get().unreachable?.attempt ?? 0;
      const delayMs = backoff(Math.min(attempt, MAX_STEP), DEFAULT_BACKOFF);
      retryTimer = setTimeout(() => void get().check(), delayMs);
      set({
        phase: 'unreachable',
        unreachable: { reason: unreachableReason(error), attempt: attempt + 1, nextCheckAt: Date.now() + delayMs },
      });
    }
  }

  return {
    phase: 'checking',
    busy: false,
    check: () => {
      // One check at a time: a Retry click during an automatic check joins it.
      inFlight ??= checkOnce().finally(() => {
        inFlight = undefined;
      });
      return inFlight;
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
    expire: (notice) => {
      cancelRetry();
      set({ phase: 'signedOut', user: undefined, unreachable: undefined, notice });
    },
  };
});
