import { act, render, screen } from '@testing-library/react';
import type { AnnouncementPayload, Priority } from '@yujian/realtime';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { useAnnouncementStore } from '../../store/announcementStore';
import { useConnectionStore } from '../../store/connectionStore';
import { AnnouncementBanner, EXPIRY_CHECK_MS } from './AnnouncementBanner';
import { AnnouncementList } from './AnnouncementList';

const NOW = Date.UTC(2026, 0, 1, 12);
const ann = (id: string, priority: Priority, expiresInMs?: number): AnnouncementPayload => ({
  id, priority, title: `Title ${id}`, content: `Body ${id}`, author: { userId: 'a', name: 'Admin' },
  timestamp: new Date(NOW - 60_000).toISOString(),
  expiresAt: expiresInMs === undefined ? undefined : new Date(NOW + expiresInMs).toISOString(),
});

beforeEach(() => {
  vi.useFakeTimers();
  vi.setSystemTime(NOW);
  useAnnouncementStore.getState().clear();
  useConnectionStore.getState().reset();
});
afterEach(() => vi.useRealTimers());

describe('announcements', () => {
  it('lists active announcements by priority and puts the highest in the banner', () => {
    useAnnouncementStore.getState().replace([ann('n', 'normal'), ann('u', 'urgent'), ann('h', 'high')]);
    render(<><AnnouncementBanner /><AnnouncementList /></>);
    expect(screen.getAllByTestId('announcement').map((e) => e.getAttribute('data-id'))).toEqual(['u', 'h', 'n']);
    expect(screen.getByTestId('announcement-banner').textContent).toContain('Title u');
  });

  it('hides an announcement once it expires, without any new message', () => {
    useAnnouncementStore.getState().replace([ann('soon', 'urgent', 3_000), ann('stay', 'low')]);
    render(<><AnnouncementBanner /><AnnouncementList /></>);
    expect(screen.getByTestId('announcement-banner').getAttribute('data-id')).toBe('soon');
    act(() => vi.advanceTimersByTime(EXPIRY_CHECK_MS));
    expect(screen.getAllByTestId('announcement').map((e) => e.getAttribute('data-id'))).toEqual(['stay']);
    expect(screen.getByTestId('announcement-banner').getAttribute('data-id')).toBe('stay');
  });

  it('judges expiry by the server clock once a PONG has measured it', () => {
    useConnectionStore.getState().setClockOffset(10 * 60_000); // the server is 10 minutes ahead
    useAnnouncementStore.getState().replace([ann('past', 'urgent', 3 * 60_000), ann('current', 'low', 20 * 60_000)]);
    render(<><AnnouncementBanner /><AnnouncementList /></>);
    expect(screen.getAllByTestId('announcement').map((e) => e.getAttribute('data-id'))).toEqual(['current']);
    expect(screen.getByTestId('announcement-banner').getAttribute('data-id')).toBe('current');
  });

  it('shows no banner and says so when there is nothing to announce', () => {
    useAnnouncementStore.getState().replace([]);
    render(<><AnnouncementBanner /><AnnouncementList /></>);
    expect(screen.queryByTestId('announcement-banner')).toBeNull();
    expect(screen.getByText('No announcements right now.')).toBeTruthy();
  });
});
