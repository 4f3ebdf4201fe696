import type { DataMessage, ServerMessage, ServerMessageUnion } from '../generated/protocol';

const SERVER_TYPES: ReadonlySet<ServerMessage['type']> = new Set<ServerMessage['type']>([
  'CONNECTED',
  'PONG',
  'SUBSCRIBED',
  'UNSUBSCRIBED',
  'DATA',
  'BATCH',
  'INITIAL_DATA',
  'SYNC_RESPONSE',
  'ERROR',
]);

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
  if (typeof type !== 'string' || !SERVER_TYPES.has(type as ServerMessage['type'])) return undefined;
  return value as ServerMessageUnion;
}

/** The DATA a topic body carries: one for DATA, each in order for BATCH, none otherwise. */
export function topicData(message: ServerMessageUnion): DataMessage[] {
  if (message.type === 'DATA') return [message];
  if (message.type === 'BATCH') return message.messages;
  return [];
}
