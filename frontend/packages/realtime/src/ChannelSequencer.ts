import type {
  DataMessage,
  InitialDataMessage,
  RecoveryFailure,
  SequenceRange,
  SyncResponseMessage,
} from './generated/protocol.js';

/** A channel's stream position: the last sequence applied, in the epoch it belongs to. */
export interface StreamPosition {
  readonly sequence: number;
  readonly epoch: string;
}

/** What the caller must do after feeding the sequencer one message. Apply in this field order. */
export interface SequencerOutput {
  /** Replace the channel's state with this INITIAL_DATA. */
  initial?: InitialDataMessage;
  /** In-order, de-duplicated DATA to apply after `initial`. */
  readonly deliver: DataMessage[];
  /** Send REQUEST_SYNC from this position. */
  requestSync?: StreamPosition;
  /** History could not fill the gap; data between the positions is lost. */
  lost?: { readonly reason?: RecoveryFailure; readonly missing?: SequenceRange };
  /** Reload the channel: resubscribe, so that the server answers with a fresh INITIAL_DATA. */
  resubscribe?: boolean;
}

/**
 * Sans-IO recovery logic for one channel: gap detection, de-duplication and buffering.
 *
 * Live DATA is delivered only while the channel is neither waiting for INITIAL_DATA nor for a
 * SYNC_RESPONSE; otherwise it is buffered (at most `maxBuffer`, oldest dropped: a gap that creates is
 * found and synced again when the buffer drains). A DATA whose sequence is not above the position in
 * the same epoch is a duplicate and dropped. Not thread-safe; one instance per channel.
 */
export class ChannelSequencer {
  private pos: StreamPosition | undefined;
  private buffer: DataMessage[] = [];
  private awaitingInitial: boolean;
  private syncPending = false;
  /** The INITIAL_DATA applied since the pending sync was requested, if any. */
  private initialSinceSync: StreamPosition | undefined;

  /**
   * @param hasInitialData whether the server answers SUBSCRIBE with INITIAL_DATA (the stateful
   *   channels); collaboration channels have none and adopt positions from DATA and SYNC_RESPONSE.
   */
  constructor(
    readonly channel: string,
    readonly hasInitialData: boolean,
    private readonly maxBuffer = 1000,
  ) {
    this.awaitingInitial = hasInitialData;
  }

  /** The last applied position; undefined before the first INITIAL_DATA or DATA. */
  get position(): StreamPosition | undefined {
    return this.pos;
  }

  /** A new session: forget the buffer, wait for INITIAL_DATA again, and sync from the position. */
  onReconnect(): SequencerOutput {
    this.buffer = [];
    this.awaitingInitial = this.hasInitialData;
    this.initialSinceSync = undefined;
    this.syncPending = this.pos !== undefined;
    return { deliver: [], requestSync: this.pos };
  }

  /** A live DATA from the channel's topic. */
  onData(message: DataMessage): SequencerOutput {
    const out: SequencerOutput = { deliver: [] };
    if (this.waiting) {
      this.hold(message, out);
    } else {
      this.process(message, out);
    }
    return out;
  }

  /** INITIAL_DATA replaces the state; buffered DATA at or below its sequence is dropped. */
  onInitialData(message: InitialDataMessage): SequencerOutput {
    const out: SequencerOutput = { deliver: [], initial: message };
    this.pos = { sequence: message.sequence, epoch: message.epoch };
    this.awaitingInitial = false;
    if (this.syncPending) this.initialSinceSync = this.pos;
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
    } else if (this.pos && this.pos.epoch === response.epoch) {
      for (const message of response.messages) this.acceptIfNew(message, out);
      this.advanceTo(response.currentSequence);
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
   * Gives up on the pending sync, as after `recovered: false` without the server's INITIAL_DATA:
   * a stateful channel drops its buffer and waits for the INITIAL_DATA that resubscribing brings
   * (it covers everything buffered); a collaboration channel adopts the next DATA as its position.
   */
  reload(): SequencerOutput {
    const out: SequencerOutput = { deliver: [] };
    if (!this.syncPending) return out;
    this.syncPending = false;
    this.initialSinceSync = undefined;
    out.lost = {};
    if (this.hasInitialData) {
      this.buffer = [];
      this.awaitingInitial = true;
      out.resubscribe = true;
    } else {
      this.pos = undefined;
      this.drain(out);
    }
    return out;
  }

  private onUnrecovered(response: SyncResponseMessage, out: SequencerOutput): void {
    out.lost = { reason: response.reason, missing: response.missing };
    if (!this.hasInitialData) {
      this.pos = { sequence: response.currentSequence, epoch: response.epoch };
      return;
    }
    // A fresh INITIAL_DATA follows. One may already have arrived (the resubscribe's) in this epoch.
    const fresh = this.initialSinceSync;
    this.awaitingInitial = !(fresh && fresh.epoch === response.epoch);
  }

  private get waiting(): boolean {
    return this.awaitingInitial || this.syncPending;
  }

  private process(message: DataMessage, out: SequencerOutput): void {
    const pos = this.pos;
    if (!pos) {
      this.pos = { sequence: message.sequence, epoch: message.epoch };
      out.deliver.push(message);
    } else if (message.epoch !== pos.epoch || message.sequence > pos.sequence + 1) {
      this.syncPending = true;
      this.initialSinceSync = undefined;
      out.requestSync = pos;
      this.hold(message, out);
    } else {
      this.acceptIfNew(message, out);
    }
  }

  private acceptIfNew(message: DataMessage, out: SequencerOutput): void {
    if (this.pos && message.sequence <= this.pos.sequence) return;
    out.deliver.push(message);
    this.pos = { sequence: message.sequence, epoch: message.epoch };
  }

  private advanceTo(sequence: number): void {
    if (this.pos && sequence > this.pos.sequence) this.pos = { ...this.pos, sequence };
  }

  private hold(message: DataMessage, out: SequencerOutput): void {
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
