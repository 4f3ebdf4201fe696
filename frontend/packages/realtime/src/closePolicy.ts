import { FINAL_CLOSE_CODES, RECONNECT_CLOSE_CODES } from './generated/codes.js';

/** What the client does after its WebSocket closed. */
export type CloseDecision =
  /** Schedule a reconnect with backoff. */
  | { readonly action: 'reconnect' }
  /** Stop; a new login (or token) must come first. */
  | { readonly action: 'auth-required' }
  /** Stop until the user presses Retry. */
  | { readonly action: 'stop' };

/** Why the socket closed, as far as the client knows. */
export interface CloseFacts {
  /** The CloseEvent code. */
  readonly code: number;
  /** The server sent a STOMP ERROR with message AUTHENTICATION_FAILED before closing. */
  readonly authFailed: boolean;
  /** We closed it ourselves because it was stuck (connect timeout or lost heart-beats). */
  readonly localFailure: boolean;
}

const RECONNECT = new Set<number>(Object.values(RECONNECT_CLOSE_CODES));
const FINAL = new Set<number>(Object.values(FINAL_CLOSE_CODES));

/**
 * Decides whether to reconnect after a close.
 *
 * - AUTHENTICATION_FAILED wins over any code: retrying with the same cookie or token cannot succeed.
 * - RECONNECT_CLOSE_CODES (1001, 1006, 1011, 1012, 4500) reconnect. Two depart from the seed on purpose:
 *   1001 (going away), which the seed refused and so stranded every client during a rolling deploy, and
 *   1011 (server error), a transient failure that another attempt or node can get past.
 * - FINAL_CLOSE_CODES (1000, 1002, 1003, 1008, 1009, 1015) stop until the user acts: a server that
 *   closed normally, rejected our frames or disconnected us (1008) would do so again.
 * - Any other code (1005 no status, 1013 try again later, 4xxx from STOMP.js discarding a dead socket)
 *   reconnects, like the seed's deny-list did; the attempt limit still bounds it.
 * - A socket we closed ourselves because it stopped answering always reconnects.
 */
export function decideAfterClose(facts: CloseFacts): CloseDecision {
  if (facts.authFailed) return { action: 'auth-required' };
  if (facts.localFailure) return { action: 'reconnect' };
  if (RECONNECT.has(facts.code)) return { action: 'reconnect' };
  if (FINAL.has(facts.code)) return { action: 'stop' };
  return { action: 'reconnect' };
}
