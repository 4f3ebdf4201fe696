import { fireEvent, render, screen, waitFor } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { PresenceChange } from '../../api/types';
import { PresenceHistory } from './PresenceHistory';
import { dayWindow } from './timeline';

const { from } = dayWindow('2026-03-10');
const at = (hours: number) => new Date(from + hours * 3_600_000).toISOString();
const changes: PresenceChange[] = [
  { userId: 'u1', name: 'Li Wei', status: 'online', location: 'Bench 1', at: at(9) },
  { userId: 'u1', name: 'Li Wei', status: 'offline', at: at(17) },
  { userId: 'u2', name: 'Anna', status: 'away', location: 'Office', at: at(-2) },
];

function serve(rows: PresenceChange[]) {
  const queries: URLSearchParams[] = [];
  vi.stubGlobal('fetch', vi.fn(async (path: string) => {
    queries.push(new URL(path, 'http://lab.test').searchParams);
    return new Response(JSON.stringify(rows), { status: 200 });
  }));
  return queries;
}

afterEach(() => vi.unstubAllGlobals());

describe('PresenceHistory', () => {
  it('draws one bar per person for the picked day, reading from a day earlier', async () => {
    const queries = serve(changes);
    render(<PresenceHistory />);
    fireEvent.change(screen.getByTestId('history-date'), { target: { value: '2026-03-10' } });
    await waitFor(() => expect(screen.getAllByTestId('history-row')).toHaveLength(2));
    const rows = screen.getAllByTestId('history-row');
    expect(rows.map((r) => r.textContent)).toEqual(['Anna', 'Li Wei']);
    const li = rows[1]!.querySelector('[data-testid="history-segment"]') as HTMLElement;
    expect(li.style.left).toBe('37.5%');
    expect(li.style.width).toBe('33.33333333333333%');
    const last = queries.at(-1)!;
    expect(Date.parse(last.get('from')!)).toBe(from - 24 * 3_600_000);
    expect(last.get('userId')).toBeNull();
  });

  it('shows a week of one person when picked', async () => {
    const queries = serve(changes);
    render(<PresenceHistory />);
    fireEvent.change(screen.getByTestId('history-date'), { target: { value: '2026-03-10' } });
    await screen.findAllByTestId('history-row');
    fireEvent.change(screen.getByTestId('history-user'), { target: { value: 'u1' } });
    await waitFor(() => expect(queries.at(-1)?.get('userId')).toBe('u1'));
    await waitFor(() => expect(screen.getAllByTestId('history-row')).toHaveLength(7));
  });

  it('says so when nobody was in', async () => {
    serve([]);
    render(<PresenceHistory />);
    expect((await screen.findByTestId('history-empty')).textContent).toContain('Nobody was in the lab');
  });
});
