import type {
  DataMessage,
  ErrorMessage,
  InitialDataMessage,
  NoticeMessage,
  RecoveryFailure,
  SequenceRange,
  SubscriptionFailure,
} from './generated/protocol.js';
import type { BackoffOptions } from './backoff.js';

/** The connection's coarse state. */
export const State = {
  /** The first connection attempt (or one after connect()/retry()) is under way. */
  Connecting: 'connecting',
  /** CONNECTED arrived; the subscriptions are sent, each live once the server confirms it (`subscribed`). */
  Connected: 'connected',
  /** The connection was lost; attempt `attempt` of `maxAttempts` is waiting or under way. */
  Reconnecting: 'reconnecting',
  /** Closed on purpose by this client (disconnect()), or never connected. */
  Disconnected: 'disconnected',
  /** Stopped retrying; see `reason`. Only retry() (or a new login) starts again. */
  GaveUp: 'gaveUp',
} as const;
export type State = (typeof State)[keyof typeof State];

/** Why the client stopped retrying. */
export type GaveUpReason =
  /** The server refused our credentials (AUTHENTICATION_FAILED): sign in again first. */
  | 'auth-required'
  /** The server closed with a final close code (normal close, policy, too big...). */
  | 'closed'
  /** maxAttempts reconnects in a row failed. */
  | 'max-attempts';

/** A snapshot of the connection state, with the details that belong to it. */
export type ClientState =
  | { readonly state: typeof State.Connecting }
  | { readonly state: typeof State.Connected; readonly clientId: string; readonly userId: string }
  | { readonly state: typeof State.Reconnecting; readonly attempt: number; readonly delayMs: number; readonly closeCode?: number }
  | { readonly state: typeof State.Disconnected }
  | { readonly state: typeof State.GaveUp; readonly reason: GaveUpReason; readonly closeCode?: number; readonly message?: string };

/** History could not fill a gap on a channel; `reason` is absent when the client gave up syncing. */
export interface RecoveryFailed {
  readonly channel: string;
  readonly reason?: RecoveryFailure;
  readonly missing?: SequenceRange;
}

/**
 * The client's events and what each carries, for every subscribed channel at once. Payloads are
 * `unknown` here; subscribe() with a typed channel gets them typed, for one channel.
 */
export interface RealtimeEvents {
  /** Every change of the connection state. */
  state: ClientState;
  /**
   * Replace the channel's state with this payload. Sent by the server for channels it keeps state for,
   * after SUBSCRIBED and after a gap history could not fill; never expected, so any channel may send one.
   */
  initialData: InitialDataMessage;
  /**
   * One DATA, in sequence order; apply it to the channel's state. Never twice, except after an
   * `initialData` whose state may not include it (then it is delivered again, after that event).
   */
  data: DataMessage;
  /** The server accepted the subscription to this channel: it is live (again after each reconnect). */
  subscribed: { readonly channel: string };
  /** The server refused a subscription (ACCESS_DENIED, CHANNEL_NOT_FOUND); the session stays open. */
  subscriptionFailed: SubscriptionFailure;
  /** History could not fill a gap: DATA was lost. A channel with state sends `initialData` next. */
  recoveryFailed: RecoveryFailed;
  /**
   * A NOTICE the server sent to this user, on every session of theirs. `sequence` rises by one per
   * notice while the user has a session on the server's node; a jump means this session missed one
   * (there is no history of notices to recover it from), and the first one a session sees may have any
   * sequence.
   */
  notice: NoticeMessage;
  /** An ERROR reply on the session queue (the session stays open), or the STOMP ERROR before a close. */
  serverError: ErrorMessage;
  /**
   * A PONG came back for our PING: `rttMs` is the measured round trip, `clockOffsetMs` the server's
   * clock minus ours (estimated to within half the round trip).
   */
  pong: { readonly rttMs: number; readonly clockOffsetMs: number };
  /** The offline queue was full, so its oldest send was dropped. */
  sendDropped: { readonly destination: string; readonly body: string };
  /** A frame body that was not a protocol message; it was ignored. */
  invalidMessage: { readonly destination: string; readonly body: string };
}

/** The subset of @stomp/stompjs Client settings the transport factory receives. */
export interface RealtimeOptions {
  /** The WebSocket URL, e.g. wss://lab.example/ws. */
  readonly url: string;
  /**
   * Optional bearer token source for non-browser clients; sent as the STOMP CONNECT header
   * `Authorization: Bearer <jwt>`. Browsers leave it unset: the httpOnly session cookie rides along
   * with the WebSocket handshake instead.
   */
  readonly getToken?: () => string | undefined | Promise<string | undefined>;
  /** Reconnect backoff; defaults to the seed's 1 s, ×1.5, 30 s max, jitter 0.1. */
  readonly backoff?: BackoffOptions;
  /** Reconnect attempts in a row before giving up (default 10). */
  readonly maxAttempts?: number;
  /** How long one attempt may take from opening the socket to CONNECTED (default 10 000 ms). */
  readonly connectionTimeoutMs?: number;
  /** STOMP heart-beat in both directions (default 10 000 ms, as the server). */
  readonly heartbeatMs?: number;
  /**
   * How long a REQUEST_SYNC may go unanswered before it is sent again (default 5 000 ms). A refused
   * sync (a temporary ERROR such as RATE_LIMITED while it is in flight) is retried the same way.
   */
  readonly syncTimeoutMs?: number;
  /** REQUEST_SYNCs per gap before the channel is given up and reloaded by resubscribing (default 3). */
  readonly syncAttempts?: number;
  /** Capacity of the offline send queue (default 100; the oldest send is dropped when full). */
  readonly sendQueueCapacity?: number;
  /** Creates the WebSocket; tests pass a fake. Defaults to `new WebSocket(url, stompSubprotocols)`. */
  readonly webSocketFactory?: () => WebSocket;
  /** Source of randomness for the backoff jitter; tests pass a fixed one. */
  readonly random?: () => number;
}

/** What a subscription asks of the server beyond the channel; the first subscribe() of a channel decides. */
export interface SubscribeOptions {
  /**
   * The `filter` header: `field==value`, several joined by `;`, on top-level payload fields. The
   * server sends only matching DATA (and INITIAL_DATA elements) and a SKIP in place of the rest.
   */
  readonly filter?: string;
  /**
   * The `max-rate` header (metrics only): at most this many DATA per second, the latest of each
   * interval. The client then takes sequence jumps on the channel as expected, never as gaps.
   */
  readonly maxRate?: number;
}
