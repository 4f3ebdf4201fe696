import { fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { AdminUser, Connection } from '../../api/types';
import { useAnnouncementStore } from '../../store/announcementStore';
import { useSessionStore } from '../../store/sessionStore';
import { AdminPanel } from './AdminPanel';
import { fakeApi } from './testing';

const conn: Connection = {
  clientId: 'c-42', userId: 'u2', name: 'Zhang San', role: 'member', node: 'node-a',
  channels: ['presence', 'metrics'], connectedAt: new Date().toISOString(), lastSeen: new Date().toISOString(),
};
const user: AdminUser = { id: 'u2', username: 'zhang', name: 'Zhang San', role: 'member', disabled: false, createdAt: '2026-01-01T00:00:00Z' };

function signInAs(role: 'admin' | 'moderator' | 'member') {
  useSessionStore.setState({ user: { id: 'u1', username: 'boss', name: 'Boss', role } });
}

beforeEach(() => useAnnouncementStore.getState().replace([]));
afterEach(() => vi.unstubAllGlobals());

describe('AdminPanel', () => {
  it('lists live connections and disconnects one, then reloads', async () => {
    signInAs('admin');
    let live = [conn];
    const calls = fakeApi({
      'GET /api/admin/connections': () => ({ status: 200, body: live }),
      'DELETE /api/admin/connections/c-42': () => { live = []; return { status: 204 }; },
      'GET /api/admin/users': () => ({ status: 200, body: [user] }),
    });
    render(<AdminPanel />);
    const row = await screen.findByTestId('connection-row');
    expect(row.textContent).toContain('node-a');
    expect(row.textContent).toContain('presence, metrics');
    fireEvent.click(within(row).getByTestId('disconnect'));
    await waitFor(() => expect(screen.queryByTestId('connection-row')).toBeNull());
    expect(calls.map((c) => c.key)).toContain('DELETE /api/admin/connections/c-42');
  });

  it('changes a role and disables a user through PATCH', async () => {
    signInAs('admin');
    const calls = fakeApi({
      'GET /api/admin/connections': () => ({ status: 200, body: [] }),
      'GET /api/admin/users': () => ({ status: 200, body: [user] }),
      'PATCH /api/admin/users/u2': (body) => ({ status: 200, body: { ...user, ...(body as object) } }),
    });
    render(<AdminPanel />);
    const row = await screen.findByTestId('user-row');
    fireEvent.change(within(row).getByTestId('user-role-select'), { target: { value: 'moderator' } });
    await waitFor(() => expect(calls.some((c) => c.key === 'PATCH /api/admin/users/u2')).toBe(true));
    fireEvent.click(within(row).getByTestId('user-toggle'));
    await waitFor(() => expect(calls.filter((c) => c.key === 'PATCH /api/admin/users/u2')).toHaveLength(2));
    expect(calls.filter((c) => c.key.startsWith('PATCH')).map((c) => c.body)).toEqual([{ role: 'moderator' }, { disabled: true }]);
  });

  it('posts an announcement with priority and expiry as ISO time', async () => {
    signInAs('moderator');
    const calls = fakeApi({ 'POST /api/announcements': (body) => ({ status: 201, body: { id: 'a1', ...(body as object) } }) });
    render(<AdminPanel />);
    expect(screen.queryByTestId('connection-row')).toBeNull();
    fireEvent.change(screen.getByTestId('ann-title'), { target: { value: ' Fire drill ' } });
    fireEvent.change(screen.getByTestId('ann-content'), { target: { value: 'At 3 pm' } });
    fireEvent.change(screen.getByTestId('ann-priority'), { target: { value: 'urgent' } });
    fireEvent.change(screen.getByTestId('ann-expires'), { target: { value: '2026-03-01T15:30' } });
    fireEvent.click(screen.getByTestId('ann-submit'));
    await screen.findByText('Posted “Fire drill”.');
    expect(calls[0]?.body).toEqual({
      title: 'Fire drill', content: 'At 3 pm', priority: 'urgent', expiresAt: new Date('2026-03-01T15:30').toISOString(),
    });
  });

  it('shows the server refusal when posting fails', async () => {
    signInAs('admin');
    fakeApi({
      'GET /api/admin/connections': () => ({ status: 200, body: [] }),
      'GET /api/admin/users': () => ({ status: 200, body: [] }),
      'POST /api/announcements': () => ({ status: 400, body: { code: 'MISSING_FIELD', message: "Missing required field 'title'" } }),
    });
    render(<AdminPanel />);
    fireEvent.change(screen.getByTestId('ann-title'), { target: { value: 'x' } });
    fireEvent.change(screen.getByTestId('ann-content'), { target: { value: 'y' } });
    fireEvent.click(screen.getByTestId('ann-submit'));
    expect((await screen.findByTestId('ann-error')).textContent).toBe("Missing required field 'title'");
  });

  it('gives a moderator the announcements alone, in one full-width column', () => {
    signInAs('moderator');
    render(<AdminPanel />);
    const panel = screen.getByTestId('admin-panel');
    expect(panel.classList.contains('single-column')).toBe(true);
    expect(panel.querySelector('.col-main, .col-side')).toBeNull();
    expect(within(panel).getByTestId('ann-title')).toBeTruthy();
  });

  it('gives an admin connections and users beside the announcements', async () => {
    signInAs('admin');
    fakeApi({
      'GET /api/admin/connections': () => ({ status: 200, body: [conn] }),
      'GET /api/admin/users': () => ({ status: 200, body: [user] }),
    });
    render(<AdminPanel />);
    const panel = screen.getByTestId('admin-panel');
    expect(panel.classList.contains('single-column')).toBe(false);
    const main = panel.querySelector<HTMLElement>('.col-main')!;
    expect(await within(main).findByTestId('connection-row')).toBeTruthy();
    expect(await within(main).findByTestId('user-row')).toBeTruthy();
    expect(within(panel.querySelector<HTMLElement>('.col-side')!).getByTestId('ann-title')).toBeTruthy();
  });

  it('is closed to members', () => {
    signInAs('member');
    render(<AdminPanel />);
    expect(screen.getByTestId('admin-forbidden')).toBeTruthy();
  });
});
