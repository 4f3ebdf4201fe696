// REST DTOs of docs/api.md. They are not protocol messages, so they are declared here by hand;
// protocol payloads (PresencePayload, AnnouncementPayload...) come from @yujian/realtime, which
// re-exports the types generated from yujian-protocol.
import type { ErrorCode, PresenceStatus, Priority } from '@yujian/realtime';

export type Role = 'admin' | 'moderator' | 'member';

/** The signed-in user (`GET /api/auth/me`). */
export interface User {
  id: string;
  username: string;
  name: string;
  role: Role;
}

/** `POST /api/auth/login` answer. */
export interface LoginResponse {
  token: string;
  expiresAt: string;
  user: User;
}

/** A user as the admin API shows it. */
export interface AdminUser extends User {
  disabled: boolean;
  createdAt: string;
}

/** One live WebSocket session (`GET /api/admin/connections`). */
export interface Connection {
  clientId: string;
  userId: string;
  name: string;
  role: Role;
  node: string;
  channels: string[];
  connectedAt: string;
  lastSeen: string;
}

/** One change of a user's aggregated presence (`GET /api/presence/history`). */
export interface PresenceChange {
  userId: string;
  name: string;
  status: PresenceStatus;
  location?: string | null;
  activity?: string | null;
  at: string;
}

/** `POST /api/announcements` body. */
export interface NewAnnouncement {
  priority: Priority;
  title: string;
  content: string;
  expiresAt?: string;
}

/** `POST /api/admin/users` body. */
export interface NewUser {
  username: string;
  name: string;
  password: string;
  role: Role;
}

/** `PATCH /api/admin/users/{id}` body: any of these. */
export type UserPatch = Partial<{ name: string; role: Role; disabled: boolean; password: string }>;

/** The error body every refusal carries. */
export interface ApiErrorBody {
  code: ErrorCode;
  message: string;
  details?: unknown;
}
