// The framework-free realtime client: no React in this folder.
export { RealtimeClient, DESTINATIONS, type PresenceUpdate } from './RealtimeClient';
export { State, type ClientState, type GaveUpReason, type RealtimeEvents, type RealtimeOptions } from './types';
export { backoff, DEFAULT_BACKOFF, type BackoffOptions } from './backoff';
export { decideAfterClose, type CloseDecision } from './closePolicy';
export { ChannelSequencer, type StreamPosition } from './ChannelSequencer';
export { hasInitialData } from './ChannelRouter';
export { realtimeUrl } from './url';
export type { Unsubscribe } from './Emitter';
