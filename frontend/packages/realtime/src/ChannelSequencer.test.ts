import { describe, expect, it } from 'vitest';
import { ChannelSequencer } from './ChannelSequencer.js';
import { data, initial, seqs, synced, unrecovered } from './testing/messages.js';

function live(sequence = 10, epoch = 'e1') {
  const sequencer = new ChannelSequencer('presence', true);
  sequencer.onInitialData(initial(sequence, epoch));
  return sequencer;
}

describe('ChannelSequencer before INITIAL_DATA', () => {
  it('buffers DATA and drops what INITIAL_DATA already covers', () => {
    const s = new ChannelSequencer('presence', true);
    expect(seqs(s.onData(data(4)).deliver)).toEqual([]);
    expect(seqs(s.onData(data(5)).deliver)).toEqual([]);
    expect(seqs(s.onData(data(6)).deliver)).toEqual([]);
    const out = s.onInitialData(initial(5));
    expect(out.initial?.sequence).toBe(5);
    expect(seqs(out.deliver)).toEqual([6]);
    expect(s.position).toEqual({ sequence: 6, epoch: 'e1' });
  });

  it('adopts the first DATA on a channel without INITIAL_DATA', () => {
    const s = new ChannelSequencer('collaboration.doc1', false);
    expect(seqs(s.onData(data(41)).deliver)).toEqual([41]);
    expect(seqs(s.onData(data(42)).deliver)).toEqual([42]);
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
    const s = new ChannelSequencer('presence', true, 3);
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

describe('ChannelSequencer unrecoverable sync', () => {
  it('reloads a stateful channel from the INITIAL_DATA that follows', () => {
    const s = live(10, 'e1');
    s.onData(data(3, 'e2'));
    const lost = s.onSyncResponse(unrecovered('EPOCH_CHANGED', 4, 'e2'));
    expect(lost.lost?.reason).toBe('EPOCH_CHANGED');
    expect(lost.deliver).toEqual([]);
    expect(s.onData(data(5, 'e2')).deliver).toEqual([]);

    const out = s.onInitialData(initial(4, 'e2'));
    expect(out.initial?.epoch).toBe('e2');
    expect(seqs(out.deliver)).toEqual([5]);
    expect(s.position).toEqual({ sequence: 5, epoch: 'e2' });
  });

  it('adopts currentSequence and epoch on a channel without INITIAL_DATA', () => {
    const s = new ChannelSequencer('collaboration.doc1', false);
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
  it('syncs from the last position and waits for the resubscribe INITIAL_DATA', () => {
    const s = live(10);
    s.onData(data(11));
    const out = s.onReconnect();
    expect(out.requestSync).toEqual({ sequence: 11, epoch: 'e1' });
    expect(s.onData(data(14)).deliver).toEqual([]);

    expect(seqs(s.onInitialData(initial(13)).deliver)).toEqual([]);
    const answer = s.onSyncResponse(synced([data(12), data(13)], 13));
    expect(seqs(answer.deliver)).toEqual([14]);
  });

  it('does not wait for a second INITIAL_DATA when the resubscribe one is already in the new epoch', () => {
    const s = live(10, 'e1');
    s.onReconnect();
    s.onInitialData(initial(2, 'e2'));
    s.onData(data(3, 'e2'));
    const out = s.onSyncResponse(unrecovered('EPOCH_CHANGED', 3, 'e2'));
    expect(seqs(out.deliver)).toEqual([3]);
    expect(seqs(s.onData(data(4, 'e2')).deliver)).toEqual([4]);
  });

  it('sends no sync for a channel that never had a position', () => {
    const s = new ChannelSequencer('presence', true);
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

  it('reloads a stateful channel: drops the buffer, resubscribes and applies the next INITIAL_DATA', () => {
    const s = live(10);
    s.onData(data(13));
    s.onData(data(14));
    const out = s.reload();
    expect(out.resubscribe).toBe(true);
    expect(out.lost).toEqual({});
    expect(s.onData(data(16)).deliver).toEqual([]);

    const loaded = s.onInitialData(initial(15));
    expect(loaded.initial?.sequence).toBe(15);
    expect(seqs(loaded.deliver)).toEqual([16]);
    expect(seqs(s.onData(data(17)).deliver)).toEqual([17]);
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

  it('lets a channel without INITIAL_DATA adopt its buffered DATA on reload', () => {
    const s = new ChannelSequencer('collaboration.doc1', false);
    s.onData(data(10));
    s.onData(data(15));
    s.onData(data(16));
    const out = s.reload();
    expect(out.resubscribe).toBeUndefined();
    expect(seqs(out.deliver)).toEqual([15, 16]);
    expect(s.position?.sequence).toBe(16);
  });
});
