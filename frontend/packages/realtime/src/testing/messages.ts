import type {
  DataMessage,
  SkipMessage,
  InitialDataMessage,
  SubscribedMessage,
  SubscriptionFailure,
  SyncResponseMessage,
} from '../generated/protocol.js';

/** Test builders for protocol messages. */
export function data(sequence: number, epoch = 'e1', channel = 'presence', payload: unknown = {}): DataMessage {
  return {
    type: 'DATA',
    channel,
    payload,
    sender: { userId: 'u-sender', clientId: 'c-sender' },
    sequence,
    epoch,
    timestamp: 1_700_000_000_000 + sequence,
  };
}

/** A SKIP standing for the DATA at `sequence`. */
export function skip(sequence: number, epoch = 'e1', channel = 'presence'): SkipMessage {
  return { type: 'SKIP', channel, sequence, epoch };
}

export function initial(sequence: number, epoch = 'e1', channel = 'presence', payload: unknown = []): InitialDataMessage {
  return { type: 'INITIAL_DATA', channel, payload, sequence, epoch, timestamp: 1_700_000_000_000 };
}

/** The server's SUBSCRIBED for these channels (and refusals, if given). */
export function subscribed(channels: string[], failed: SubscriptionFailure[] = []): SubscribedMessage {
  return { type: 'SUBSCRIBED', channels, failed, timestamp: 1_700_000_000_000 };
}

export function synced(
  messages: DataMessage[],
  currentSequence: number,
  epoch = 'e1',
  channel = 'presence',
): SyncResponseMessage {
  return {
    type: 'SYNC_RESPONSE',
    channel,
    messages,
    currentSequence,
    epoch,
    recovered: true,
    timestamp: 1_700_000_000_000,
  };
}

export function unrecovered(
  reason: 'EPOCH_CHANGED' | 'TRIMMED',
  currentSequence: number,
  epoch: string,
  channel = 'presence',
): SyncResponseMessage {
  return {
    type: 'SYNC_RESPONSE',
    channel,
    messages: [],
    currentSequence,
    epoch,
    recovered: false,
    reason,
    timestamp: 1_700_000_000_000,
  };
}

/** The sequences of delivered DATA, for compact assertions. */
export const seqs = (messages: readonly DataMessage[]) => messages.map((m) => m.sequence);
