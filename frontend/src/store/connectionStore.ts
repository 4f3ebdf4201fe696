import { State, type ClientState, type ErrorCode, type SubscriptionFailure } from '@yujian/realtime';
import { create } from 'zustand';

/** The realtime connection as the UI shows it. */
export interface ConnectionState {
  status: ClientState;
  /** Channels the server refused, with its reason (ACCESS_DENIED: the role may not read it). */
  denied: Record<string, ErrorCode>;
  /** Channels the server confirmed in this session. */
  subscribed: Record<string, true>;
  /** Round trip of the last PING, in ms. */
  rttMs?: number;
  /** The server's clock minus the browser's, in ms, from the last PONG; 0 until measured. */
  clockOffsetMs: number;
  setStatus(status: ClientState): void;
  markSubscribed(channel: string): void;
  markDenied(failure: SubscriptionFailure): void;
  setRtt(rttMs: number): void;
  setClockOffset(clockOffsetMs: number): void;
  reset(): void;
}

const initial = { status: { state: State.Disconnected } as ClientState, denied: {}, subscribed: {}, rttMs: undefined, clockOffsetMs: 0 };

export const useConnectionStore = create<ConnectionState>()((set) => ({
  ...initial,
  setStatus: (status) =>
    // A new session confirms its subscriptions again.
    set((state) => (status.state === State.Connected ? { status, subscribed: {} } : { status, subscribed: state.subscribed })),
  markSubscribed: (channel) =>
    set((state) => {
      const denied = { ...state.denied };
      delete denied[channel];
      return { subscribed: { ...state.subscribed, [channel]: true }, denied };
    }),
  markDenied: (failure) => set((state) => ({ denied: { ...state.denied, [failure.channel]: failure.reason } })),
  setRtt: (rttMs) => set({ rttMs }),
  setClockOffset: (clockOffsetMs) => set({ clockOffsetMs }),
  reset: () => set(initial),
}));
