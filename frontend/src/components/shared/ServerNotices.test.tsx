import { act, render, screen } from '@testing-library/react';
import type { RealtimeClient, RealtimeEvents } from '@yujian/realtime';
import { Emitter } from '@yujian/realtime/testing';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { RealtimeProvider } from '../../hooks/RealtimeContext';
import { ServerNotices } from './ServerNotices';

function fakeClient() {
  const events = new Emitter<RealtimeEvents>();
  const client = {
    on: events.on.bind(events), subscribe: () => () => undefined, connect: vi.fn(), disconnect: vi.fn(),
    state: { state: 'connected' },
  };
  return { events, client: client as unknown as RealtimeClient };
}

beforeEach(() => vi.useFakeTimers());
afterEach(() => vi.useRealTimers());

describe('ServerNotices', () => {
  it('shows an ERROR reply for a while, adding a hint for temporary codes', () => {
    const { events, client } = fakeClient();
    render(<RealtimeProvider userId="u1" createClient={() => client}><ServerNotices /></RealtimeProvider>);
    act(() => events.emit('serverError', { type: 'ERROR', code: 'RATE_LIMITED', message: 'Too many messages.', timestamp: 1 }));
    expect(screen.getByTestId('server-notice').textContent).toBe('Too many messages. Please try again shortly.');
    act(() => vi.advanceTimersByTime(6_000));
    expect(screen.queryByTestId('server-notice')).toBeNull();
  });

  it('keeps listening when re-rendered with a new handler', () => {
    const { events, client } = fakeClient();
    const { rerender } = render(<RealtimeProvider userId="u1" createClient={() => client}><ServerNotices /></RealtimeProvider>);
    rerender(<RealtimeProvider userId="u1" createClient={() => client}><ServerNotices /></RealtimeProvider>);
    act(() => events.emit('serverError', { type: 'ERROR', code: 'PUBLISH_DENIED', message: 'Not allowed.', timestamp: 1 }));
    expect(screen.getAllByTestId('server-notice')).toHaveLength(1);
  });
});
