import { act, render, screen, within } from '@testing-library/react';
import type { PresencePayload } from '@yujian/realtime';
import { beforeEach, describe, expect, it } from 'vitest';
import { usePresenceStore } from '../../store/presenceStore';
import { LivePresence } from './LivePresence';

const li: PresencePayload = {
  userId: 'u1', status: 'online', location: 'Bench 3', lastSeen: new Date().toISOString(), metadata: { name: 'Li Wei', role: 'member' },
};

beforeEach(() => usePresenceStore.getState().clear());

describe('LivePresence', () => {
  it('says it is loading before the first INITIAL_DATA', () => {
    render(<LivePresence />);
    expect(screen.getByTestId('presence-loading').textContent).toContain('Loading');
  });

  it('says so when nobody is present', () => {
    usePresenceStore.getState().replace([]);
    render(<LivePresence />);
    expect(screen.getByTestId('presence-empty')).toBeTruthy();
  });

  it('shows a card per person with status and location, and updates it live', () => {
    usePresenceStore.getState().replace([li]);
    render(<LivePresence />);
    const card = screen.getByTestId('presence-card');
    expect(card.getAttribute('data-user-id')).toBe('u1');
    expect(within(card).getByTestId('presence-status').textContent).toBe('Online');
    expect(within(card).getByTestId('presence-location').textContent).toContain('Bench 3');

    act(() => usePresenceStore.getState().apply({ ...li, status: 'away', location: 'Office' }));
    expect(screen.getAllByTestId('presence-card')).toHaveLength(1);
    expect(screen.getByTestId('presence-status').textContent).toBe('Away');
    expect(screen.getByTestId('presence-location').textContent).toContain('Office');
    expect(screen.getByTestId('presence-counts').textContent).toBe('0 online1 away');
  });

  it('removes the card of someone who goes offline', () => {
    usePresenceStore.getState().replace([li]);
    render(<LivePresence />);
    act(() => usePresenceStore.getState().apply({ ...li, status: 'offline' }));
    expect(screen.queryByTestId('presence-card')).toBeNull();
  });
});
