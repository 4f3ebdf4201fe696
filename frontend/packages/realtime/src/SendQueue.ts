/** One STOMP SEND waiting for a connection. */
export interface QueuedSend {
  readonly destination: string;
  readonly body: string;
}

/**
 * The bounded offline send queue.
 *
 * When full it DROPS THE OLDEST entry and returns it, so that the latest intent (say, the status the
 * user picked last) survives a long outage. Not thread-safe; single JS thread only.
 */
export class SendQueue {
  private readonly items: QueuedSend[] = [];

  constructor(readonly capacity: number) {
    if (!Number.isInteger(capacity) || capacity < 1) {
      throw new RangeError(`SendQueue capacity should be a positive integer, got ${capacity}`);
    }
  }

  /** Adds a send; returns the entry dropped to make room, if any. */
  push(item: QueuedSend): QueuedSend | undefined {
    this.items.push(item);
    return this.items.length > this.capacity ? this.items.shift() : undefined;
  }

  /** Removes and returns every entry, oldest first. */
  drain(): QueuedSend[] {
    return this.items.splice(0, this.items.length);
  }

  get size(): number {
    return this.items.length;
  }
}
