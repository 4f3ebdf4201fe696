import { describe, expect, it } from 'vitest';
import { ChannelSequencer } from './ChannelSequencer.js';
import { data, initial, seqs, synced, unrecovered } from './testing/messages.js';

/** A channel whose subscription the server confirmed. */
function confirmed(channel = 'presence', maxBuffer?: number) {
  const sequencer = new ChannelSequencer(channel, maxBuffer);
  sequencer.onSubscribed();
  return sequencer;
}

/** A confirmed channel whose state arrived at `sequence`. */
function live(sequence = 10, epoch = 'e1') {
  const sequencer = confirmed();
  sequencer.onInitialData(initial(sequence, epoch));
  return sequencer;
}

describe('ChannelSequencer before the subscription is confirmed', () => {
  it('buffers DATA until SUBSCRIBED, then delivers it from the first one on', () => {
    const s = new ChannelSequencer('collaboration.doc1');
    expect(s.onData(data(41)).deliver).toEqual([]);
    expect(s.onData(data(42)).deliver).toEqual([]);
    expect(seqs(s.onSubscribed().deliver)).toEqual([41, 42]);
    expect(seqs(s.onData(data(43)).deliver)).toEqual([43]);
  });

  it('buffers DATA and drops what an INITIAL_DATA already covers', () => {
    const s = new ChannelSequencer('presence');
    s.onData(data(4));
    s.onData(data(5));
    s.onData(data(6));
    const out = s.onInitialData(initial(5));
    expect(out.initial?.sequence).toBe(5);
    expect(seqs(out.deliver)).toEqual([6]);
    expect(s.position).toEqual({ sequence: 6, epoch: 'e1' });
  });
});

describe('ChannelSequencer with INITIAL_DATA optional', () => {
  it('is live after SUBSCRIBED, and a later INITIAL_DATA replaces the state and drops DATA it covers', () => {
    const s = confirmed();
    expect(seqs(s.onData(data(4)).deliver)).toEqual([4]);
    const out = s.onInitialData(initial(5));
    expect(out.initial?.sequence).toBe(5);
    expect(out.requestSync).toBeUndefined();
    expect(s.onData(data(5)).deliver).toEqual([]);
    expect(seqs(s.onData(data(6)).deliver)).toEqual([6]);
  });

  it('syncs from an INITIAL_DATA that is behind the DATA delivered, to deliver that DATA again', () => {
    const s = confirmed();
    s.onData(data(6));
    s.onData(data(7));
    const out = s.onInitialData(initial(5));
    expect(out.requestSync).toEqual({ sequence: 5, epoch: 'e1' });
    expect(s.onData(data(8)).deliver).toEqual([]);
    expect(seqs(s.onSyncResponse(synced([data(6), data(7), data(8)], 8)).deliver)).toEqual([6, 7, 8]);
  });

  it('takes an INITIAL_DATA in another epoch as the new position, without a sync', () => {
    const s = confirmed();
    s.onData(data(6, 'e1'));
    expect(s.onInitialData(initial(2, 'e2')).requestSync).toBeUndefined();
    expect(seqs(s.onData(data(3, 'e2')).deliver)).toEqual([3]);
  });
});

describe('ChannelSequencer de-duplication', () => {
  it('delivers consecutive DATA once and drops repeats', () => {
    const s = live(10);
    expect(seqs(s.onData(data(11)).deliver)).toEqual([11]);
    expect(seqs(s.onData(data(11)).deliver)).toEqual([]);
    expect(seqs(s.onData(data(9)).deliver)).toEqual([]);
    expect(seqs(s.onData(data(12)).deliver)).toEqual([12]);
  });

  it('drops sync messages already applied', () => {
    const s = live(10);
    s.onData(data(13)); // gap: asks for sync from 10
    const out = s.onSyncResponse(synced([data(11), data(12), data(13)], 13));
    expect(seqs(out.deliver)).toEqual([11, 12, 13]);
    expect(seqs(s.onData(data(13)).deliver)).toEqual([]);
  });
});

describe('ChannelSequencer gap detection', () => {
  it('asks for a sync when a sequence is skipped and buffers live DATA until the answer', () => {
    const s = live(10);
    const gap = s.onData(data(13));
    expect(gap.requestSync).toEqual({ sequence: 10, epoch: 'e1' });
    expect(gap.deliver).toEqual([]);
    const during = s.onData(data(14));
    expect(during.deliver).toEqual([]);
    expect(during.requestSync).toBeUndefined();

    const out = s.onSyncResponse(synced([data(11), data(12), data(13)], 13));
    expect(seqs(out.deliver)).toEqual([11, 12, 13, 14]);
    expect(s.position?.sequence).toBe(14);
  });

  it('asks for a sync when the epoch changes', () => {
    const s = live(10, 'e1');
    expect(s.onData(data(1, 'e2')).requestSync).toEqual({ sequence: 10, epoch: 'e1' });
  });

  it('does not ask again while a sync is already pending', () => {
    const s = live(10);
    expect(s.onData(data(13)).requestSync).toBeDefined();
    expect(s.onData(data(15)).requestSync).toBeUndefined();
  });

  it('asks again when a gap remains after draining the buffer', () => {
    const s = live(10);
    s.onData(data(12));
    s.onData(data(15));
    const out = s.onSyncResponse(synced([data(11), data(12)], 12));
    expect(seqs(out.deliver)).toEqual([11, 12]);
    expect(out.requestSync).toEqual({ sequence: 12, epoch: 'e1' });
  });

  it('bounds the buffer, dropping the oldest and re-asking for the sync', () => {
    const s = confirmed('presence', 3);
    s.onInitialData(initial(10));
    s.onData(data(12));
    s.onData(data(13));
    s.onData(data(14));
    const overflow = s.onData(data(15));
    expect(overflow.requestSync).toEqual({ sequence: 10, epoch: 'e1' });
    const out = s.onSyncResponse(synced([data(11), data(12), data(13), data(14), data(15)], 15));
    expect(seqs(out.deliver)).toEqual([11, 12, 13, 14, 15]);
  });
});

describe('ChannelSequencer answers that leave the gap open', () => {
  it('keeps the sync pending when the answer does not continue from the position', () => {
    const s = live(10);
    s.onData(data(13));
    const stale = s.onSyncResponse(synced([data(12), data(13)], 13));
    expect(stale.syncIncomplete).toBe(true);
    expect(stale.deliver).toEqual([]);
    expect(s.retrySync().requestSync).toEqual({ sequence: 10, epoch: 'e1' });
    expect(seqs(s.onSyncResponse(synced([data(11), data(12), data(13)], 13)).deliver)).toEqual([11, 12, 13]);
  });

  it('keeps the sync pending when the answer stops short of the stream position', () => {
    const s = live(10);
    s.onData(data(12));
    const short = s.onSyncResponse(synced([data(11)], 12));
    expect(seqs(short.deliver)).toEqual([11]);
    expect(short.syncIncomplete).toBe(true);
    expect(s.retrySync().requestSync).toEqual({ sequence: 11, epoch: 'e1' });
    expect(seqs(s.onSyncResponse(synced([data(12)], 12)).deliver)).toEqual([12]);
  });
});

describe('ChannelSequencer unrecoverable sync', () => {
  it('carries on from the stream position and applies an INITIAL_DATA that follows', () => {
    const s = live(10, 'e1');
    s.onData(data(3, 'e2'));
    const lost = s.onSyncResponse(unrecovered('EPOCH_CHANGED', 4, 'e2'));
    expect(lost.lost?.reason).toBe('EPOCH_CHANGED');
    expect(lost.deliver).toEqual([]);
    expect(seqs(s.onData(data(5, 'e2')).deliver)).toEqual([5]);

    const out = s.onInitialData(initial(5, 'e2'));
    expect(out.initial?.epoch).toBe('e2');
    expect(out.requestSync).toBeUndefined();
    expect(seqs(s.onData(data(6, 'e2')).deliver)).toEqual([6]);
  });

  it('adopts currentSequence and epoch on a channel that sends no INITIAL_DATA', () => {
    const s = confirmed('collaboration.doc1');
    s.onData(data(10));
    s.onData(data(500));
    s.onData(data(501));
    const out = s.onSyncResponse(unrecovered('TRIMMED', 500, 'e1', 'collaboration.doc1'));
    expect(out.lost?.reason).toBe('TRIMMED');
    expect(seqs(out.deliver)).toEqual([501]);
    expect(s.position?.sequence).toBe(501);
  });
});

describe('ChannelSequencer reconnect', () => {
  it('syncs from the last position and buffers until SUBSCRIBED and the answer', () => {
    const s = live(10);
    s.onData(data(11));
    const out = s.onReconnect();
    expect(out.requestSync).toEqual({ sequence: 11, epoch: 'e1' });
    expect(s.onData(data(14)).deliver).toEqual([]);

    expect(s.onSubscribed().deliver).toEqual([]);
    expect(s.onInitialData(initial(13)).deliver).toEqual([]);
    const answer = s.onSyncResponse(synced([data(12), data(13)], 13));
    expect(seqs(answer.deliver)).toEqual([14]);
  });

  it('needs only SUBSCRIBED and the answer on a channel that sends no INITIAL_DATA', () => {
    const s = confirmed('collaboration.doc1');
    s.onData(data(5));
    s.onReconnect();
    s.onData(data(8));
    expect(s.onSubscribed().deliver).toEqual([]);
    expect(seqs(s.onSyncResponse(synced([data(6), data(7)], 7)).deliver)).toEqual([6, 7, 8]);
  });

  it('keeps the position of an INITIAL_DATA already in the new epoch when the sync fails', () => {
    const s = live(10, 'e1');
    s.onReconnect();
    s.onInitialData(initial(2, 'e2'));
    s.onData(data(3, 'e2'));
    const out = s.onSyncResponse(unrecovered('EPOCH_CHANGED', 3, 'e2'));
    expect(seqs(out.deliver)).toEqual([3]);
    expect(seqs(s.onData(data(4, 'e2')).deliver)).toEqual([4]);
  });

  it('sends no sync for a channel that never had a position', () => {
    const s = new ChannelSequencer('presence');
    expect(s.onReconnect().requestSync).toBeUndefined();
  });
});

describe('ChannelSequencer when a sync goes unanswered', () => {
  it('asks again from the same position while the sync is pending', () => {
    const s = live(10);
    s.onData(data(13));
    expect(s.retrySync().requestSync).toEqual({ sequence: 10, epoch: 'e1' });
    s.onSyncResponse(synced([data(11), data(12), data(13)], 13));
    expect(s.retrySync().requestSync).toBeUndefined();
  });

  it('reloads: delivers the buffer, resubscribes and applies the next INITIAL_DATA', () => {
    const s = live(10);
    s.onData(data(13));
    s.onData(data(14));
    const out = s.reload();
    expect(out.resubscribe).toBe(true);
    expect(out.lost).toEqual({});
    expect(seqs(out.deliver)).toEqual([13, 14]);
    expect(s.onData(data(16)).deliver).toEqual([]);

    const loaded = s.onInitialData(initial(15));
    expect(loaded.initial?.sequence).toBe(15);
    expect(seqs(loaded.deliver)).toEqual([16]);
    expect(seqs(s.onData(data(17)).deliver)).toEqual([17]);
  });

  it('reloads a channel that sends no INITIAL_DATA: live again on SUBSCRIBED', () => {
    const s = confirmed('collaboration.doc1');
    s.onData(data(10));
    s.onData(data(15));
    s.onData(data(16));
    expect(seqs(s.reload().deliver)).toEqual([15, 16]);
    expect(s.onData(data(17)).deliver).toEqual([]);
    expect(seqs(s.onSubscribed().deliver)).toEqual([17]);
    expect(s.position?.sequence).toBe(17);
  });

  it('ignores a late SYNC_RESPONSE once reloaded, and a second answer to a retried sync', () => {
    const s = live(10);
    s.onData(data(12));
    s.reload();
    s.onInitialData(initial(20));
    expect(s.onSyncResponse(unrecovered('TRIMMED', 30, 'e1')).lost).toBeUndefined();
    expect(seqs(s.onData(data(21)).deliver)).toEqual([21]);

    s.onData(data(23));
    s.onSyncResponse(synced([data(22), data(23)], 23));
    expect(s.onSyncResponse(synced([data(22), data(23), data(24)], 24)).deliver).toEqual([]);
    expect(s.position?.sequence).toBe(23);
  });
});

describe('ChannelSequencer at sequence 0', () => {
  it('takes the first message of a channel nobody had published on whatever its epoch', () => {
    const s = live(0, 'base');
    const out = s.onData(data(1, 'base-1'));
    expect(seqs(out.deliver)).toEqual([1]);
    expect(out.requestSync).toBeUndefined();
    expect(s.position).toEqual({ sequence: 1, epoch: 'base-1' });
  });

  it('syncs from 0 when a later message of another epoch comes first, and takes the answer in that epoch', () => {
    const s = live(0, 'base');
    const out = s.onData(data(2, 'base-1'));
    expect(out.requestSync).toEqual({ sequence: 0, epoch: 'base' });
    const answered = s.onSyncResponse(synced([data(1, 'base-1'), data(2, 'base-1')], 2, 'base-1'));
    expect(seqs(answered.deliver)).toEqual([1, 2]);
    expect(answered.syncIncomplete).toBeUndefined();
    expect(s.position).toEqual({ sequence: 2, epoch: 'base-1' });
  });
});
