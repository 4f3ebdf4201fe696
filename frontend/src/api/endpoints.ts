import type { AnnouncementPayload } from '@yujian/realtime';
import { request, segment } from './http';
import type {
  AdminUser, Connection, LoginResponse, NewAnnouncement, NewUser, PresenceChange, User, UserPatch,
} from './types';

/** Login, logout and who am I. */
export const authApi = {
  login: (username: string, password: string) =>
    request<LoginResponse>('POST', '/api/auth/login', { username, password }),
  logout: () => request<void>('POST', '/api/auth/logout'),
  me: () => request<User>('GET', '/api/auth/me'),
};

/** Presence over time (live presence comes over STOMP). */
export const presenceApi = {
  history: (from: Date, to: Date, userId?: string) => {
    const query = new URLSearchParams({ from: from.toISOString(), to: to.toISOString() });
    if (userId) query.set('userId', userId);
    return request<PresenceChange[]>('GET', `/api/presence/history?${query.toString()}`);
  },
};

/** Posting and expiring announcements (admin, moderator); live ones come over STOMP. */
export const announcementApi = {
  post: (body: NewAnnouncement) => request<AnnouncementPayload>('POST', '/api/announcements', body),
  expire: (id: string) => request<AnnouncementPayload>('POST', `/api/announcements/${segment(id)}/expire`),
};

/** Admin-only endpoints. */
export const adminApi = {
  users: () => request<AdminUser[]>('GET', '/api/admin/users'),
  createUser: (body: NewUser) => request<AdminUser>('POST', '/api/admin/users', body),
  updateUser: (id: string, patch: UserPatch) => request<AdminUser>('PATCH', `/api/admin/users/${segment(id)}`, patch),
  connections: () => request<Connection[]>('GET', '/api/admin/connections'),
  disconnect: (clientId: string) => request<void>('DELETE', `/api/admin/connections/${segment(clientId)}`),
};
