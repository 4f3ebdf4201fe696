import { defineChannel, type Channel } from './channels.js';
import { CHANNELS, COLLABORATION_PREFIX } from './generated/codes.js';
import type {
  ActivityPayload,
  AnnouncementPayload,
  CollaborationPayload,
  MetricsPayload,
  PresencePayload,
} from './generated/protocol.js';

/**
 * The seed's channels with their payload types (docs/protocol.md "Channels"); INITIAL_DATA carries an
 * array of the DATA type on each. A service's own channels need nothing here: see defineChannel().
 */
export const SEED_CHANNELS = {
  presence: defineChannel<PresencePayload>(CHANNELS.PRESENCE),
  metrics: defineChannel<MetricsPayload>(CHANNELS.METRICS),
  activity: defineChannel<ActivityPayload>(CHANNELS.ACTIVITY),
  announcements: defineChannel<AnnouncementPayload>(CHANNELS.ANNOUNCEMENTS),
} as const;

/**
 * The collaboration channel of one document.
 *
 * @throws RangeError when `documentId` makes no valid channel name
 */
export function collaborationChannel(documentId: string): Channel<CollaborationPayload> {
  return defineChannel<CollaborationPayload>(`${COLLABORATION_PREFIX}${documentId}`);
}
