import type { PresenceUpdateMessage, PublishMessage, SyncRequestMessage } from './generated/protocol.js';
import { backoff, DEFAULT_BACKOFF } from './backoff.js';
import {
  ChannelListeners, checkChannelName, type Channel, type ChannelHandlers, type UntypedHandlers,
} from './channels.js';
import { ChannelRouter } from './ChannelRouter.js';
import { decideAfterClose, type CloseFacts } from './closePolicy.js';
import { Emitter, type Unsubscribe } from './Emitter.js';
import { parseServerMessage } from './messages.js';
import { SendQueue } from './SendQueue.js';
import { StompSession } from './StompSession.js';
import { DEFAULT_SYNC_RETRY } from './SyncWatchdog.js';
import { State, type ClientState, type RealtimeEvents, type RealtimeOptions, type SubscribeOptions } from './types.js';

/** STOMP destinations of the protocol contract. */
export const DESTINATIONS = {
  replies: '/user/queue/replies',
  topic: (channel: string) => `/topic/${channel}`,
  publish: '/app/publish',
  sync: '/app/sync',
  presence: '/app/presence',
  ping: '/app/ping',
} as const;

/** The fields of PRESENCE_UPDATE the caller sets; absent keeps, "" clears. */
export type PresenceUpdate = Omit<PresenceUpdateMessage, 'type'> & { status: 'online' | 'away' };

/** `next` over `previous`: status always, location and activity where given ("" clears, so it counts). */
function mergePresence(previous: PresenceUpdate | undefined, next: PresenceUpdate): PresenceUpdate {
  const merged: PresenceUpdate = { ...previous, status: next.status };
  if (next.location !== undefined) merged.location = next.location;
  if (next.activity !== undefined) merged.activity = next.activity;
  return merged;
}

/**
 * The framework-free realtime client: STOMP over WebSocket with reconnects by close code, backoff
 * with jitter, resubscription, gap recovery and a bounded offline queue. See README "Recovery".
 */
export class RealtimeClient {
  private readonly events = new Emitter<RealtimeEvents>();
  private readonly listeners = new ChannelListeners();
  /** Extra SUBSCRIBE headers per channel (filter, max-rate), sent again on every connection. */
  private readonly subscribeHeaders = new Map<string, Record<string, string>>();
  private readonly router: ChannelRouter;
  private readonly queue: SendQueue;
  private readonly maxAttempts: number;
  private current: ClientState = { state: State.Disconnected };
  private session: StompSession | undefined;
  private attempt = 0;
  private retryTimer: ReturnType<typeof setTimeout> | undefined;
  /** Everything the user set with updatePresence, merged: what a new session must restore. */
  private presence: PresenceUpdate | undefined;

  constructor(private readonly options: RealtimeOptions) {
    this.router = new ChannelRouter(
      this.events,
      { requestSync: (channel, from) => this.sendSync(channel, from), resubscribe: (channel) => this.resubscribe(channel) },
      {
        timeoutMs: options.syncTimeoutMs ?? DEFAULT_SYNC_RETRY.timeoutMs,
        maxAttempts: options.syncAttempts ?? DEFAULT_SYNC_RETRY.maxAttempts,
        backoff: options.backoff ?? DEFAULT_BACKOFF,
        random: options.random ?? Math.random,
      },
    );
    this.queue = new SendQueue(options.sendQueueCapacity ?? 100);
    this.maxAttempts = options.maxAttempts ?? 10;
    // Before any handler of the caller's: a channel's own handlers see each message first.
    this.events.on('initialData', (m) => this.listeners.initialData(m));
    this.events.on('data', (m) => this.listeners.data(m));
    this.events.on('subscribed', ({ channel }) => this.listeners.subscribed(channel));
    this.events.on('subscriptionFailed', (f) => this.listeners.subscriptionFailed(f));
    this.events.on('recoveryFailed', (f) => this.listeners.recoveryFailed(f));
  }

  /** Listens to one event; returns the function that stops listening. */
  on<K extends keyof RealtimeEvents>(event: K, handler: (value: RealtimeEvents[K]) => void): Unsubscribe {
    return this.events.on(event, handler);
  }

  get state(): ClientState {
    return this.current;
  }

  /** Connects unless already connected or trying. */
  connect(): void {
    if (this.current.state === State.Disconnected || this.current.state === State.GaveUp) this.retry();
  }

  /** Starts over now: resets the attempt count and connects (the Retry button, or after a login). */
  retry(): void {
    this.stopSession();
    this.attempt = 0;
    this.setState({ state: State.Connecting });
    this.openSession();
  }

  /** Closes on purpose and stays closed; subscriptions are kept for the next connect(). */
  disconnect(): void {
    this.stopSession();
    this.setState({ state: State.Disconnected });
  }

  /**
   * Follows a channel, now or from the next connection on, and calls `handlers` with its messages,
   * typed by the channel (`defineChannel<T>(name)`) or by the type arguments given with a name. Any
   * name with the channel-name syntax may be given; whether it exists is the server's answer
   * (`onSubscribed` or `onSubscriptionFailed`). The channel is subscribed once however often this is
   * called; the channel-wide `data`/`initialData` events see it too.
   *
   * @returns the function that removes these handlers, and unsubscribes the channel once no call
   *   for it is left
   * @throws RangeError when the name does not have the channel-name syntax
   */
  subscribe<TData = unknown, TInitial = TData[]>(
    channel: Channel<TData, TInitial> | string,
    handlers: ChannelHandlers<TData, TInitial> = {},
    options: SubscribeOptions = {},
  ): Unsubscribe {
    const name = checkChannelName(typeof channel === 'string' ? channel : channel.name);
    // The one unchecked step: payloads are the server's, checked there against the channel's type.
    const remove = this.listeners.add(name, handlers as UntypedHandlers);
    if (this.router.add(name)) {
      const headers: Record<string, string> = {};
      if (options.filter !== undefined) headers['filter'] = options.filter;
      if (options.maxRate !== undefined) headers['max-rate'] = String(options.maxRate);
      if (Object.keys(headers).length > 0) this.subscribeHeaders.set(name, headers);
      if (this.session?.connected) this.subscribeTopic(this.session, name);
    }
    return () => {
      remove();
      if (!this.listeners.has(name)) this.unsubscribe(name);
    };
  }

  /** Stops following a channel here and on the next connections, for every subscribe() call. */
  unsubscribe(channel: Channel<unknown, unknown> | string): void {
    const name = typeof channel === 'string' ? channel : channel.name;
    this.listeners.clear(name);
    this.subscribeHeaders.delete(name);
    if (this.router.remove(name) && this.session?.connected) this.session.unsubscribe(DESTINATIONS.topic(name));
  }

  /**
   * PUBLISH, queued while offline: the payload must be the channel's full payload type. Who may
   * publish where is the server's rule (on the seed's channels: admin and moderator).
   *
   * @throws RangeError when the name does not have the channel-name syntax
   */
  publish<TData>(channel: Channel<TData, unknown> | string, payload: TData): void {
    const name = checkChannelName(typeof channel === 'string' ? channel : channel.name);
    const body: PublishMessage = { type: 'PUBLISH', channel: name, payload };
    this.send(DESTINATIONS.publish, body, true);
  }

  /**
   * PRESENCE_UPDATE for the signed-in user. Sent now when connected; either way remembered, merged
   * with the earlier ones (absent fields keep their value), and sent once after every (re)connect,
   * so a status survives a new session (which starts online) and a server that lost its presence.
   */
  updatePresence(update: PresenceUpdate): void {
    this.presence = mergePresence(this.presence, update);
    if (this.session?.connected) this.sendPresence(update);
  }

  /** PING; the answer arrives as a `pong` event. Not queued: a late ping measures nothing. */
  ping(): void {
    this.send(DESTINATIONS.ping, { type: 'PING', timestamp: Date.now() }, false);
  }

  private send(destination: string, message: object, queueWhenOffline: boolean): void {
    const body = JSON.stringify(message);
    if (this.session?.connected) {
      this.session.send(destination, body);
    } else if (queueWhenOffline) {
      const dropped = this.queue.push({ destination, body });
      if (dropped) this.events.emit('sendDropped', dropped);
    }
  }

  private sendPresence(update: PresenceUpdate): void {
    const body: PresenceUpdateMessage = { type: 'PRESENCE_UPDATE', ...update };
    this.send(DESTINATIONS.presence, body, false);
  }

  private sendSync(channel: string, from: { sequence: number; epoch: string }): void {
    const body: SyncRequestMessage = { type: 'REQUEST_SYNC', channel, lastSequence: from.sequence, epoch: from.epoch };
    this.send(DESTINATIONS.sync, body, false);
  }

  /** Reloads a channel whose sync failed: the server answers a new SUBSCRIBE with INITIAL_DATA. */
  private resubscribe(channel: string): void {
    if (!this.session?.connected) return; // the next session subscribes and reloads anyway
    this.session.unsubscribe(DESTINATIONS.topic(channel));
    this.subscribeTopic(this.session, channel);
  }

  private subscribeTopic(session: StompSession, channel: string): void {
    session.subscribe(DESTINATIONS.topic(channel), this.subscribeHeaders.get(channel));
  }

  private openSession(): void {
    const { url, heartbeatMs, connectionTimeoutMs, getToken, webSocketFactory } = this.options;
    const session: StompSession = new StompSession(
      { url, heartbeatMs: heartbeatMs ?? 10_000, connectionTimeoutMs: connectionTimeoutMs ?? 10_000, getToken, webSocketFactory },
      {
        connected: (info) => this.onConnected(session, info),
        message: (destination, body) => this.onMessage(destination, body),
        stompError: (message, body) => this.onStompError(message, body),
        closed: (facts) => this.onClosed(facts),
      },
    );
    this.session = session;
    session.open();
  }

  private onConnected(session: StompSession, info: { clientId: string; userId: string }): void {
    this.attempt = 0;
    // Replies first, so that SUBSCRIBED and INITIAL_DATA for the topics below have somewhere to go.
    session.subscribe(DESTINATIONS.replies);
    for (const channel of this.router.channels()) this.subscribeTopic(session, channel);
    this.router.reconnected();
    for (const queued of this.queue.drain()) session.send(queued.destination, queued.body);
    // Once per session, and only the latest intent: changes made while offline are merged into it.
    if (this.presence) this.sendPresence(this.presence);
    this.setState({ state: State.Connected, ...info });
  }

  private onMessage(destination: string, body: string): void {
    const message = parseServerMessage(body);
    if (!message) {
      this.events.emit('invalidMessage', { destination, body });
    } else if (destination === DESTINATIONS.replies) {
      this.router.reply(message);
    } else {
      this.router.topic(message);
    }
  }

  private onStompError(message: string, body: string): void {
    const parsed = parseServerMessage(body);
    if (parsed?.type === 'ERROR') this.events.emit('serverError', parsed);
    else this.events.emit('invalidMessage', { destination: `ERROR ${message}`, body });
  }

  private onClosed(facts: CloseFacts): void {
    this.session = undefined;
    this.router.disconnected();
    const decision = decideAfterClose(facts);
    if (decision.action === 'auth-required') {
      this.setState({ state: State.GaveUp, reason: 'auth-required', closeCode: facts.code });
    } else if (decision.action === 'stop') {
      this.setState({ state: State.GaveUp, reason: 'closed', closeCode: facts.code });
    } else if (this.attempt >= this.maxAttempts) {
      this.setState({ state: State.GaveUp, reason: 'max-attempts', closeCode: facts.code });
    } else {
      this.scheduleReconnect(facts.code);
    }
  }

  private scheduleReconnect(closeCode: number): void {
    const delayMs = backoff(this.attempt, this.options.backoff ?? DEFAULT_BACKOFF, this.options.random);
    this.attempt += 1;
    this.setState({ state: State.Reconnecting, attempt: this.attempt, delayMs, closeCode });
    this.retryTimer = setTimeout(() => {
      this.retryTimer = undefined;
      this.openSession();
    }, delayMs);
  }

  private stopSession(): void {
    clearTimeout(this.retryTimer);
    this.retryTimer = undefined;
    this.session?.close();
    this.session = undefined;
    this.router.disconnected();
  }

  private setState(next: ClientState): void {
    this.current = next;
    this.events.emit('state', next);
  }
}
