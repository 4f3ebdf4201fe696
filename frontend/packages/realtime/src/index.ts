// @yujian/realtime: the framework-free browser client of Yu Jian Realtime (no React in this package).
export { RealtimeClient, DESTINATIONS, type PresenceUpdate } from './RealtimeClient.js';
export {
  State, type ClientState, type GaveUpReason, type RealtimeEvents, type RealtimeOptions, type RecoveryFailed,
  type SubscribeOptions,
} from './types.js';
export {
  defineChannel, isChannelName,
  type Channel, type ChannelData, type ChannelHandlers, type ChannelInitialData,
} from './channels.js';
export { collaborationChannel, SEED_CHANNELS } from './seedChannels.js';
export { backoff, DEFAULT_BACKOFF, type BackoffOptions } from './backoff.js';
export { decideAfterClose, type CloseDecision } from './closePolicy.js';
export { ChannelSequencer, type SequencerOutput, type StreamPosition } from './ChannelSequencer.js';
export { realtimeUrl } from './url.js';
export type { Unsubscribe } from './Emitter.js';
// The protocol's message and payload types and its codes, generated from yujian-protocol.
export type * from './generated/protocol.js';
export * from './generated/codes.js';
