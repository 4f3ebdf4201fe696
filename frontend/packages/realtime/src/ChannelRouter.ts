import { TEMPORARY_ERROR_CODES } from './generated/codes.js';
import type { ServerMessageUnion } from './generated/protocol.js';
import { ChannelSequencer, type SequencerOutput, type StreamPosition } from './ChannelSequencer.js';
import type { Emitter } from './Emitter.js';
import { topicData } from './messages.js';
import { DEFAULT_SYNC_RETRY, SyncWatchdog, type SyncRetryOptions } from './SyncWatchdog.js';
import type { RealtimeEvents } from './types.js';

/**
 * ERROR codes taken as a refused REQUEST_SYNC while one is in flight: the temporary ones, which is
 * what a sync realistically meets (RATE_LIMITED, SERVICE_UNAVAILABLE when history is down). Other
 * refusals are left to the answer timeout.
 */
const SYNC_REFUSALS: ReadonlySet<string> = new Set(Object.values(TEMPORARY_ERROR_CODES));

/** The sends the router asks its owner to make. */
export interface RouterPorts {
  /** Send REQUEST_SYNC for the channel from this position. */
  requestSync(channel: string, from: StreamPosition): void;
  /** Unsubscribe and subscribe the channel's topic again, so that a server with state sends INITIAL_DATA. */
  resubscribe(channel: string): void;
}

/**
 * Routes parsed server messages to one ChannelSequencer per subscribed channel and turns their
 * output into client events and REQUEST_SYNC sends. Knows nothing about STOMP.
 *
 * A sync that is not answered in time or is refused is retried, then given up for a reload
 * (SyncWatchdog): without that, a lost or refused sync would leave the channel buffering forever.
 */
export class ChannelRouter {
  private readonly sequencers = new Map<string, ChannelSequencer>();
  private readonly watchdog: SyncWatchdog;

  constructor(
    private readonly events: Emitter<RealtimeEvents>,
    private readonly ports: RouterPorts,
    syncRetry: SyncRetryOptions = DEFAULT_SYNC_RETRY,
    private readonly now: () => number = Date.now,
  ) {
    this.watchdog = new SyncWatchdog(syncRetry, {
      retry: (channel) => this.retrySync(channel),
      reload: (channel) => this.step(channel, (s) => s.reload()),
    });
  }

  /** Starts tracking a channel; false when it was already tracked. */
  add(channel: string): boolean {
    if (this.sequencers.has(channel)) return false;
    this.sequencers.set(channel, new ChannelSequencer(channel));
    return true;
  }

  /** Stops tracking a channel and forgets its position. */
  remove(channel: string): boolean {
    this.watchdog.forget(channel);
    return this.sequencers.delete(channel);
  }

  channels(): string[] {
    return [...this.sequencers.keys()];
  }

  /** A new session is subscribed: ask every channel with a position to sync. */
  reconnected(): void {
    this.watchdog.reset();
    for (const [channel, sequencer] of this.sequencers) this.apply(channel, sequencer.onReconnect());
  }

  /** The session closed: no answer can come any more, so stop waiting for one. */
  disconnected(): void {
    this.watchdog.reset();
  }

  /** A body from /topic/<channel>: DATA, BATCH or SKIP. */
  topic(message: ServerMessageUnion): void {
    for (const data of topicData(message)) {
      const sequencer = this.sequencers.get(data.channel);
      if (sequencer) this.apply(data.channel, sequencer.onData(data));
    }
  }

  /** A body from /user/queue/replies. */
  reply(message: ServerMessageUnion): void {
    switch (message.type) {
      case 'SUBSCRIBED':
        for (const channel of message.channels) {
          this.events.emit('subscribed', { channel });
          const conflated = message.conflated?.includes(channel) ?? false;
          this.step(channel, (s) => s.onSubscribed(conflated));
        }
        for (const failure of message.failed) this.events.emit('subscriptionFailed', failure);
        return;
      case 'INITIAL_DATA':
        this.step(message.channel, (s) => s.onInitialData(message));
        return;
      case 'SYNC_RESPONSE':
        this.step(message.channel, (s) => {
          const out = s.onSyncResponse(message);
          // An answer that leaves the gap open is one failed attempt: retried after a backoff, and
          // given up for a reload after the last one, so a server answering short never loops us.
          if (out.syncIncomplete) this.watchdog.incomplete(message.channel);
          else this.watchdog.answered(message.channel);
          return out;
        });
        return;
      case 'PONG': {
        const receivedAt = this.now();
        // NTP's estimate: the server stamped the PONG halfway through the round trip.
        const clockOffsetMs = Math.round(message.timestamp - (message.clientTimestamp + receivedAt) / 2);
        this.events.emit('pong', { rttMs: Math.max(0, receivedAt - message.clientTimestamp), clockOffsetMs });
        return;
      }
      case 'NOTICE':
        this.events.emit('notice', message);
        return;
      case 'ERROR':
        if (SYNC_REFUSALS.has(message.code)) this.watchdog.refused();
        this.events.emit('serverError', message);
        return;
      default:
        // UNSUBSCRIBED and CONNECTED need no action; DATA/BATCH never arrive on the replies queue.
        return;
    }
  }

  private retrySync(channel: string): void {
    const out = this.sequencers.get(channel)?.retrySync();
    if (out?.requestSync) this.apply(channel, out);
    else this.watchdog.forget(channel); // answered or reloaded meanwhile
  }

  private step(channel: string, step: (s: ChannelSequencer) => SequencerOutput): void {
    const sequencer = this.sequencers.get(channel);
    if (sequencer) this.apply(channel, step(sequencer));
  }

  private apply(channel: string, out: SequencerOutput): void {
    if (out.lost) this.events.emit('recoveryFailed', { channel, ...out.lost });
    if (out.initial) this.events.emit('initialData', out.initial);
    for (const data of out.deliver) this.events.emit('data', data);
    if (out.resubscribe) this.ports.resubscribe(channel);
    if (out.requestSync) {
      this.ports.requestSync(channel, out.requestSync);
      this.watchdog.sent(channel);
    }
  }
}
