import type {
  DataMessage,
  InitialDataMessage,
  RecoveryFailure,
  SequenceRange,
  SkipMessage,
  SyncResponseMessage,
} from './generated/protocol.js';

/** What moves a channel's position: a DATA, or a SKIP that stands for a DATA not meant for us. */
export type Positioned = DataMessage | SkipMessage;

/** A channel's stream position: the last sequence applied, in the epoch it belongs to. */
export interface StreamPosition {
  readonly sequence: number;
  readonly epoch: string;
}

/** What the caller must do after feeding the sequencer one message. Apply in this field order. */
export interface SequencerOutput {
  /** History could not fill the gap; data between the positions is lost. */
  lost?: { readonly reason?: RecoveryFailure; readonly missing?: SequenceRange };
  /** Replace the channel's state with this INITIAL_DATA. */
  initial?: InitialDataMessage;
  /** In-order, de-duplicated DATA to apply after `initial`. */
  readonly deliver: DataMessage[];
  /** Send REQUEST_SYNC from this position. */
  requestSync?: StreamPosition;
  /**
   * The SYNC_RESPONSE did not close the gap (it answered an earlier request, or stopped short of the
   * stream's position): the sync is still pending and counts as a failed attempt.
   */
  syncIncomplete?: boolean;
  /** Subscribe the channel afresh, so that a server that keeps its state sends INITIAL_DATA. */
  resubscribe?: boolean;
}

/**
 * Sans-IO recovery logic for one channel: gap detection, de-duplication and buffering.
 *
 * Whether a channel has state is the server's call: INITIAL_DATA is optional on every channel. Live
 * DATA is delivered once the subscription is confirmed (SUBSCRIBED, or the INITIAL_DATA that follows
 * it) and no SYNC_RESPONSE is awaited; until then it is buffered (at most `maxBuffer`, oldest dropped:
 * the gap that makes is found and synced when the buffer drains). A DATA whose sequence is not above
 * the position in the same epoch is a duplicate and dropped. A position at sequence 0 has seen nothing,
 * so the stream's first message, or a recovered answer, continues it whatever its epoch (the epoch of a
 * channel nobody published on is not the one its first message gets). An INITIAL_DATA moves the position to its
 * own sequence; if DATA beyond it was already delivered, the state it replaced held that DATA, so the
 * channel syncs from the INITIAL_DATA to deliver it again. Not thread-safe; one instance per channel.
 */
export class ChannelSequencer {
  private pos: StreamPosition | undefined;
  private buffer: Positioned[] = [];
  private confirmed = false;
  private syncPending = false;
  /**
   * The server conflates this subscription (SUBSCRIBED.conflated): it sends the latest DATA of each
   * interval with its real sequence, so a jump is expected and never a gap; nothing is synced.
   */
  private conflated = false;
  /** The INITIAL_DATA applied since the pending sync was requested, if any. */
  private initialSinceSync: StreamPosition | undefined;

  constructor(
    readonly channel: string,
    private readonly maxBuffer = 1000,
  ) {}

  /** The last applied position; undefined before the first INITIAL_DATA or DATA. */
  get position(): StreamPosition | undefined {
    return this.pos;
  }

  /**
   * A new session: forget the buffer, wait for SUBSCRIBED again, and sync from the position (a
   * conflated channel does not sync: it only ever wants the latest).
   */
  onReconnect(): SequencerOutput {
    this.buffer = [];
    this.confirmed = false;
    this.initialSinceSync = undefined;
    this.syncPending = this.pos !== undefined && !this.conflated;
    return { deliver: [], requestSync: this.syncPending ? this.pos : undefined };
  }

  /** SUBSCRIBED: the subscription is live (conflated, if the server says so); deliver what was buffered. */
  onSubscribed(conflated = false): SequencerOutput {
    const out: SequencerOutput = { deliver: [] };
    this.conflated = conflated;
    this.confirmed = true;
    this.drain(out);
    return out;
  }

  /**
   * A live DATA, or a SKIP, from the channel's topic. A SKIP (the server excluded this session, or the
   * DATA did not match its filter) advances the position like the DATA it stands for, without delivering
   * anything, so it never looks like a gap.
   */
  onData(message: Positioned): SequencerOutput {
    const out: SequencerOutput = { deliver: [] };
    if (this.waiting) {
      this.hold(message, out);
    } else {
      this.process(message, out);
    }
    return out;
  }

  /** INITIAL_DATA replaces the state; DATA at or below its sequence is dropped from then on. */
  onInitialData(message: InitialDataMessage): SequencerOutput {
    const out: SequencerOutput = { deliver: [], initial: message };
    const before = this.pos;
    this.pos = { sequence: message.sequence, epoch: message.epoch };
    this.confirmed = true; // the server sends it right after SUBSCRIBED, on the same queue
    if (this.syncPending) {
      // A pending answer that does not continue from here is found incomplete and asked again.
      this.initialSinceSync = this.pos;
    } else if (before && before.epoch === message.epoch && before.sequence > message.sequence) {
      this.startSync(out);
    }
    this.drain(out);
    return out;
  }

  /**
   * The answer to our REQUEST_SYNC. Ignored when no sync is pending: a second answer to a request
   * that was retried, or a late one after the channel was reloaded, must not move the position again.
   */
  onSyncResponse(response: SyncResponseMessage): SequencerOutput {
    const out: SequencerOutput = { deliver: [] };
    if (!this.syncPending) return out;
    this.syncPending = false;
    if (!response.recovered) {
      this.onUnrecovered(response, out);
    } else if (this.pos && (this.pos.epoch === response.epoch || this.pos.sequence === 0)) {
      // At sequence 0 nothing was seen, so any epoch continues it (a channel nobody had published on)
      this.pos = { sequence: this.pos.sequence, epoch: response.epoch };
      this.applyRecovered(response, out);
      if (out.syncIncomplete) return out;
    }
    // Otherwise a newer INITIAL_DATA moved us to another epoch meanwhile and the answer is stale.
    this.initialSinceSync = undefined;
    this.drain(out);
    return out;
  }

  /** The pending sync went unanswered or was refused: ask again from the same position. */
  retrySync(): SequencerOutput {
    return this.syncPending && this.pos ? { deliver: [], requestSync: this.pos } : { deliver: [] };
  }

  /**
   * Gives up on the pending sync: what was buffered is delivered (from its first DATA on, the gap
   * before it is lost), and the channel is subscribed afresh, so that a server that keeps the
   * channel's state sends INITIAL_DATA. Live DATA is buffered again until that is confirmed.
   */
  reload(): SequencerOutput {
    const out: SequencerOutput = { deliver: [] };
    if (!this.syncPending) return out;
    this.syncPending = false;
    this.initialSinceSync = undefined;
    out.lost = {};
    this.pos = undefined;
    this.drain(out);
    this.confirmed = false;
    out.resubscribe = true;
    return out;
  }

  /**
   * Applies a recovered answer as if its DATA were live. One that does not continue from the position
   * (an answer to an earlier request, from before an INITIAL_DATA moved the position back) or that
   * stops short of `currentSequence` leaves the sync pending: its later DATA goes to the buffer.
   */
  private applyRecovered(response: SyncResponseMessage, out: SequencerOutput): void {
    const messages = recoveredEntries(response);
    for (let i = 0; i < messages.length; i++) {
      const message = messages[i]!;
      const pos = this.pos!;
      if (message.sequence <= pos.sequence) continue;
      if (message.sequence > pos.sequence + 1) {
        this.buffer.unshift(...messages.slice(i));
        this.incomplete(out);
        return;
      }
      this.pos = { sequence: message.sequence, epoch: message.epoch };
      if (message.type !== 'SKIP') out.deliver.push(message);
    }
    if (this.pos!.sequence < response.currentSequence) this.incomplete(out);
  }

  private incomplete(out: SequencerOutput): void {
    this.syncPending = true;
    out.syncIncomplete = true;
  }

  private onUnrecovered(response: SyncResponseMessage, out: SequencerOutput): void {
    out.lost = { reason: response.reason, missing: response.missing };
    // An INITIAL_DATA in the new epoch that arrived meanwhile (a resubscribe's) is a sound position;
    // otherwise carry on from the stream's. A server that keeps the state sends INITIAL_DATA next.
    const fresh = this.initialSinceSync;
    if (!(fresh && fresh.epoch === response.epoch)) {
      this.pos = { sequence: response.currentSequence, epoch: response.epoch };
    }
  }

  private get waiting(): boolean {
    return !this.confirmed || this.syncPending;
  }

  private startSync(out: SequencerOutput): void {
    this.syncPending = true;
    this.initialSinceSync = undefined;
    out.requestSync = this.pos;
  }

  private process(message: Positioned, out: SequencerOutput): void {
    const pos = this.pos;
    if (!pos || (pos.sequence === 0 && message.sequence === 1)) {
      // A first message: at sequence 0 nothing was seen, so it continues whatever epoch it carries
      this.pos = { sequence: message.sequence, epoch: message.epoch };
      if (message.type !== 'SKIP') out.deliver.push(message);
    } else if (this.conflated && (message.epoch !== pos.epoch || message.sequence > pos.sequence)) {
      // Conflated: the latest of an interval, whatever was left out before it
      this.pos = { sequence: message.sequence, epoch: message.epoch };
      if (message.type !== 'SKIP') out.deliver.push(message);
    } else if (message.epoch !== pos.epoch || message.sequence > pos.sequence + 1) {
      this.startSync(out);
      this.hold(message, out);
    } else if (message.sequence > pos.sequence) {
      if (message.type !== 'SKIP') out.deliver.push(message);
      this.pos = { sequence: message.sequence, epoch: message.epoch };
    }
  }

  private hold(message: Positioned, out: SequencerOutput): void {
    this.buffer.push(message);
    if (this.buffer.length <= this.maxBuffer) return;
    this.buffer.shift();
    // So many arrived while syncing that the sync answer was probably lost: ask again.
    if (this.syncPending && this.pos) out.requestSync = this.pos;
  }

  private drain(out: SequencerOutput): void {
    const pending = this.buffer;
    this.buffer = [];
    for (let i = 0; i < pending.length; i++) {
      if (this.waiting) {
        this.buffer.push(...pending.slice(i));
        return;
      }
      this.process(pending[i]!, out);
    }
  }
}

/**
 * A recovered answer's DATA and, for a filtered subscription, a SKIP for each sequence the server left
 * out as not matching (`skipped`), in sequence order.
 */
function recoveredEntries(response: SyncResponseMessage): Positioned[] {
  const skipped = response.skipped ?? [];
  if (skipped.length === 0) return response.messages;
  const skips: Positioned[] = skipped.map((sequence) => ({
    type: 'SKIP', channel: response.channel, sequence, epoch: response.epoch,
  }));
  return [...response.messages, ...skips].sort((a, b) => a.sequence - b.sequence);
}
