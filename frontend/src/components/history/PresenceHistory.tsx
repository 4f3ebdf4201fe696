import { useMemo, useState } from 'react';
import { presenceApi } from '../../api/endpoints';
import { useApi } from '../../hooks/useApi';
import { displayName, usePresenceStore } from '../../store/presenceStore';
import { buildTimelines, dayWindow, LOOKBACK_MS, today, type Timeline } from './timeline';
import { TimelineAxis, TimelineRow } from './TimelineRow';

const DAY_MS = 24 * 3_600_000;
/** Days shown when one person is picked. */
const PERSON_DAYS = 7;

/** The windows to draw: the picked day for everyone, or the last PERSON_DAYS days for one person. */
function windows(date: string, userId: string): { label: string; from: number; to: number }[] {
  const day = dayWindow(date);
  if (!userId) return [{ label: date, ...day }];
  return Array.from({ length: PERSON_DAYS }, (_, i) => {
    const from = day.from - (PERSON_DAYS - 1 - i) * DAY_MS;
    const to = from + DAY_MS;
    return { label: new Date(from).toLocaleDateString([], { weekday: 'short', day: 'numeric', month: 'short' }), from, to };
  });
}

/** Who was in the lab when: one bar per person for a day, or one bar per day for a person. */
export function PresenceHistory() {
  const [date, setDate] = useState(today);
  const [userId, setUserId] = useState('');
  const present = usePresenceStore((s) => s.users);
  const spans = useMemo(() => windows(date, userId), [date, userId]);
  const first = spans[0]!;
  const last = spans.at(-1)!;
  const history = useApi(
    () => presenceApi.history(new Date(first.from - LOOKBACK_MS), new Date(Math.min(last.to, Date.now())), userId || undefined),
    `${date}|${userId}`,
  );

  const rows: { key: string; label: string; timeline?: Timeline; from: number; to: number }[] = useMemo(() => {
    const changes = history.data ?? [];
    const now = Date.now(); // today's bars end now, not at midnight
    if (!userId) {
      return buildTimelines(changes, first.from, Math.min(first.to, now))
        .map((t) => ({ key: t.userId, label: t.name, timeline: t, from: first.from, to: first.to }));
    }
    return spans.map((s) => ({ key: String(s.from), label: s.label, timeline: buildTimelines(changes, s.from, Math.min(s.to, now))[0], from: s.from, to: s.to }));
  }, [history.data, userId, spans, first]);

  const people = useMemo(() => {
    const names = new Map<string, string>();
    present.forEach((p) => names.set(p.userId, displayName(p)));
    (history.data ?? []).forEach((c) => names.set(c.userId, c.name));
    return [...names.entries()].sort(([, a], [, b]) => a.localeCompare(b));
  }, [present, history.data]);

  return (
    <section className="panel" aria-labelledby="history-title" data-testid="presence-history">
      <h2 id="history-title">Presence history</h2>
      <div className="row">
        <label>{userId ? 'Week ending' : 'Day'}
          <input type="date" data-testid="history-date" value={date} max={today()} onChange={(e) => e.target.value && setDate(e.target.value)} />
        </label>
        <label>Person
          <select data-testid="history-user" value={userId} onChange={(e) => setUserId(e.target.value)}>
            <option value="">Everyone</option>
            {people.map(([id, name]) => <option key={id} value={id}>{name}</option>)}
          </select>
        </label>
      </div>
      <p className="legend"><span className="segment online" /> Online <span className="segment away" /> Away</p>
      {history.error && <p className="error" role="alert">Could not load the history: {history.error}</p>}
      {history.loading && !history.data ? (
        <p className="empty">Loading presence history…</p>
      ) : rows.length === 0 || rows.every((r) => !r.timeline) ? (
        <p className="empty" data-testid="history-empty">Nobody was in the lab {userId ? 'in these days' : 'on this day'}.</p>
      ) : (
        <>
          <ul className="timeline">
            {rows.map((r) => <TimelineRow key={r.key} label={r.label} intervals={r.timeline?.intervals ?? []} from={r.from} to={r.to} />)}
          </ul>
          <TimelineAxis />
        </>
      )}
    </section>
  );
}
