import type { DataMessage, ServerMessage, ServerMessageUnion, SkipMessage } from './generated/protocol.js';

/**
 * Every server message type, as an object so that the compiler checks it against the generated
 * union (which holds types only, nothing usable at run time): a type added to or removed from the
 * Java protocol fails the type check here instead of being silently treated as invalid.
 */
const SERVER_TYPE_KEYS: { readonly [T in ServerMessage['type']]: true } = {
  CONNECTED: true,
  PONG: true,
  SUBSCRIBED: true,
  UNSUBSCRIBED: true,
  DATA: true,
  BATCH: true,
  INITIAL_DATA: true,
  SYNC_RESPONSE: true,
  ERROR: true,
  NOTICE: true,
  SKIP: true,
};

/** The `type` of every message a server may send. */
export const SERVER_MESSAGE_TYPES = Object.keys(SERVER_TYPE_KEYS) as ServerMessage['type'][];

const SERVER_TYPES: ReadonlySet<string> = new Set(SERVER_MESSAGE_TYPES);

/**
 * Parses a STOMP body into a server message, or undefined when it is not JSON with a known `type`.
 * Only the discriminator is checked: the server validates what it sends with the same records the
 * types were generated from.
 */
export function parseServerMessage(body: string): ServerMessageUnion | undefined {
  let value: unknown;
  try {
    value = JSON.parse(body);
  } catch {
    return undefined;
  }
  if (typeof value !== 'object' || value === null) return undefined;
  const type = (value as { type?: unknown }).type;
  if (typeof type !== 'string' || !SERVER_TYPES.has(type)) return undefined;
  return value as ServerMessageUnion;
}

/** What a topic body carries: one DATA or SKIP, each DATA in order for BATCH, none otherwise. */
export function topicData(message: ServerMessageUnion): (DataMessage | SkipMessage)[] {
  if (message.type === 'DATA' || message.type === 'SKIP') return [message];
  if (message.type === 'BATCH') return message.messages;
  return [];
}
