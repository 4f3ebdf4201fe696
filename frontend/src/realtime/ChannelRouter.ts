import { CHANNELS } from '../generated/codes';
import type { ServerMessageUnion } from '../generated/protocol';
import { ChannelSequencer, type SequencerOutput, type StreamPosition } from './ChannelSequencer';
import type { Emitter } from './Emitter';
import { topicData } from './messages';
import type { RealtimeEvents } from './types';

const STATEFUL: ReadonlySet<string> = new Set(Object.values(CHANNELS));

/** Whether the server answers a SUBSCRIBE to this channel with INITIAL_DATA. */
export function hasInitialData(channel: string): boolean {
  return STATEFUL.has(channel);
}

/**
 * Routes parsed server messages to one ChannelSequencer per subscribed channel and turns their
 * output into client events and REQUEST_SYNC sends. Knows nothing about STOMP.
 */
export class ChannelRouter {
  private readonly sequencers = new Map<string, ChannelSequencer>();

  constructor(
    private readonly events: Emitter<RealtimeEvents>,
    private readonly requestSync: (channel: string, from: StreamPosition) => void,
    private readonly now: () => number = Date.now,
  ) {}

  /** Starts tracking a channel; false when it was already tracked. */
  add(channel: string): boolean {
    if (this.sequencers.has(channel)) return false;
    this.sequencers.set(channel, new ChannelSequencer(channel, hasInitialData(channel)));
    return true;
  }

  /** Stops tracking a channel and forgets its position. */
  remove(channel: string): boolean {
    return this.sequencers.delete(channel);
  }

  channels(): string[] {
    return [...this.sequencers.keys()];
  }

  /** A new session is subscribed: ask every channel with a position to sync. */
  reconnected(): void {
    for (const [channel, sequencer] of this.sequencers) this.apply(channel, sequencer.onReconnect());
  }

  /** A body from /topic/<channel>: DATA or BATCH. */
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
        for (const channel of message.channels) this.events.emit('subscribed', { channel });
        for (const failure of message.failed) this.events.emit('subscriptionFailed', failure);
        return;
      case 'INITIAL_DATA':
        this.withSequencer(message.channel, (s) => s.onInitialData(message));
        return;
      case 'SYNC_RESPONSE':
        this.withSequencer(message.channel, (s) => s.onSyncResponse(message));
        return;
      case 'PONG':
        this.events.emit('pong', { rttMs: Math.max(0, this.now() - message.clientTimestamp) });
        return;
      case 'ERROR':
        this.events.emit('serverError', message);
        return;
      default:
        // UNSUBSCRIBED and CONNECTED need no action; DATA/BATCH never arrive on the replies queue.
        return;
    }
  }

  private withSequencer(channel: string, step: (s: ChannelSequencer) => SequencerOutput): void {
    const sequencer = this.sequencers.get(channel);
    if (sequencer) this.apply(channel, step(sequencer));
  }

  private apply(channel: string, out: SequencerOutput): void {
    if (out.lost) this.events.emit('recoveryFailed', { channel, ...out.lost });
    if (out.initial) this.events.emit('initialData', out.initial);
    for (const data of out.deliver) this.events.emit('data', data);
    if (out.requestSync) this.requestSync(channel, out.requestSync);
  }
}
