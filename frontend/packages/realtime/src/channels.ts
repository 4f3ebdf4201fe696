import type { DataMessage, InitialDataMessage, SubscriptionFailure } from './generated/protocol.js';
import type { RecoveryFailed } from './types.js';

/**
 * A channel name: one or more parts of letters, digits, `_` or `-`, separated by single dots
 * (`presence`, `collaboration.doc-1`, `instruments.freezer-1`). Which names exist is the server's
 * business; a name outside this syntax can never exist, so the client refuses it before sending.
 */
const CHANNEL_NAME = /^[A-Za-z0-9_-]+(?:\.[A-Za-z0-9_-]+)*$/;

/** Whether `name` has the protocol's channel-name syntax. */
export function isChannelName(name: string): boolean {
  return CHANNEL_NAME.test(name);
}

/** @throws RangeError naming the channel when `name` does not have the channel-name syntax */
export function checkChannelName(name: string): string {
  if (!isChannelName(name)) {
    const shown = name.length > 80 ? `${name.slice(0, 80)}…` : name;
    throw new RangeError(
      `Channel name '${shown}' is not valid: use one or more parts of letters, digits, '_' or '-', separated by dots`,
    );
  }
  return name;
}

declare const payloadTypes: unique symbol;

/**
 * A channel name together with the payload types it carries: `TData` in each DATA, `TInitial` in its
 * INITIAL_DATA (by default an array of `TData`, as on the seed's channels). The types are a declaration
 * by whoever defines the channel; the client does not check payloads (the server checks what is
 * published against the channel's type).
 */
export interface Channel<TData = unknown, TInitial = TData[]> {
  readonly name: string;
  /** Never set: carries the payload types, so that subscribe() and publish() infer them. */
  readonly [payloadTypes]?: { readonly data: TData; readonly initial: TInitial };
}

/**
 * Declares a channel with its payload types, e.g. a service's own
 * `defineChannel<FreezerReading>('instruments.freezer-1')`.
 *
 * @throws RangeError when `name` does not have the channel-name syntax
 */
export function defineChannel<TData, TInitial = TData[]>(name: string): Channel<TData, TInitial> {
  return { name: checkChannelName(name) };
}

/** A DATA whose payload has the channel's type. */
export type ChannelData<T> = Omit<DataMessage, 'payload'> & { readonly payload: T };

/** An INITIAL_DATA whose payload has the channel's state type. */
export type ChannelInitialData<T> = Omit<InitialDataMessage, 'payload'> & { readonly payload: T };

/** What one subscribe() call is told about its channel. Every handler is optional. */
export interface ChannelHandlers<TData = unknown, TInitial = TData[]> {
  /**
   * The channel's state: replace what you hold with it. Only channels the server keeps state for send
   * one, after SUBSCRIBED and after a gap history could not fill; DATA delivered before it may be
   * delivered again after it, so that nothing the replacement dropped is missed.
   */
  readonly onInitialData?: (payload: TInitial, message: ChannelInitialData<TInitial>) => void;
  /** One DATA, in sequence order and at most once per state; apply it to what you hold. */
  readonly onData?: (payload: TData, message: ChannelData<TData>) => void;
  /** The server accepted the subscription (again after each reconnect): the channel is live. */
  readonly onSubscribed?: () => void;
  /** The server refused the subscription (ACCESS_DENIED, CHANNEL_NOT_FOUND…); the session stays open. */
  readonly onSubscriptionFailed?: (failure: SubscriptionFailure) => void;
  /** History could not fill a gap, so DATA was lost; a channel with state sends INITIAL_DATA next. */
  readonly onRecoveryFailed?: (failure: RecoveryFailed) => void;
}

/** Handlers as stored: the payload types are a caller's declaration, not known here. */
export type UntypedHandlers = ChannelHandlers<unknown, unknown>;

/**
 * The handlers of every subscribe() call, by channel, and the dispatch of client events to them.
 * A handler that throws does not stop the others (it is reported on the console).
 */
export class ChannelListeners {
  private readonly byChannel = new Map<string, Set<UntypedHandlers>>();

  /** Adds one call's handlers; returns the function that removes them again. */
  add(channel: string, handlers: UntypedHandlers): () => void {
    let set = this.byChannel.get(channel);
    if (!set) {
      set = new Set();
      this.byChannel.set(channel, set);
    }
    set.add(handlers);
    return () => {
      set.delete(handlers);
      if (set.size === 0 && this.byChannel.get(channel) === set) this.byChannel.delete(channel);
    };
  }

  /** Whether any subscribe() call for the channel is still in force. */
  has(channel: string): boolean {
    return this.byChannel.has(channel);
  }

  /** Forgets every handler of the channel (unsubscribe(channel)). */
  clear(channel: string): void {
    this.byChannel.delete(channel);
  }

  initialData(message: InitialDataMessage): void {
    this.each(message.channel, (h) => h.onInitialData?.(message.payload, message));
  }

  data(message: DataMessage): void {
    this.each(message.channel, (h) => h.onData?.(message.payload, message));
  }

  subscribed(channel: string): void {
    this.each(channel, (h) => h.onSubscribed?.());
  }

  subscriptionFailed(failure: SubscriptionFailure): void {
    this.each(failure.channel, (h) => h.onSubscriptionFailed?.(failure));
  }

  recoveryFailed(failure: RecoveryFailed): void {
    this.each(failure.channel, (h) => h.onRecoveryFailed?.(failure));
  }

  private each(channel: string, call: (handlers: UntypedHandlers) => void): void {
    const set = this.byChannel.get(channel);
    if (!set) return;
    for (const handlers of [...set]) {
      try {
        call(handlers);
      } catch (error) {
        console.error(`Handler for channel '${channel}' failed`, error);
      }
    }
  }
}
