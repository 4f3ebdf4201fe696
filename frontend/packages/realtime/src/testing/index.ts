// Test helpers for code that uses the client: a fake STOMP server and protocol message builders.
// Under Vitest with fake timers (vi.useFakeTimers()); nothing here is needed at run time.
export { Emitter } from '../Emitter.js';
export { FakeServer, FakeStompSocket, type Frame } from './FakeStompSocket.js';
export { acceptConnection, harness, settle, subscriptions } from './harness.js';
export { data, initial, seqs, subscribed, synced, unrecovered } from './messages.js';
