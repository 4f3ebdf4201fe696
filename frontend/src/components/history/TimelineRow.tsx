import { clock } from '../format';
import type { Interval } from './timeline';

const STATUS_TEXT = { online: 'Online', away: 'Away' } as const;

function describe(i: Interval): string {
  return `${STATUS_TEXT[i.status]} ${clock(i.start)}–${clock(i.end)}${i.location ? ` at ${i.location}` : ''}`;
}

/** One labelled bar: coloured segments for the intervals inside [from, to). */
export function TimelineRow(props: { label: string; intervals: Interval[]; from: number; to: number }) {
  const { label, intervals, from, to } = props;
  const span = to - from;
  return (
    <li className="timeline-row" data-testid="history-row">
      <span className="timeline-label">{label}</span>
      <div className="timeline-bar" role="img" aria-label={`${label}: ${intervals.map(describe).join('; ') || 'not in the lab'}`}>
        {intervals.map((i) => (
          <span key={i.start} className={`segment ${i.status}`} data-testid="history-segment" title={describe(i)}
            style={{ left: `${((i.start - from) / span) * 100}%`, width: `${Math.max(((i.end - i.start) / span) * 100, 0.3)}%` }} />
        ))}
      </div>
    </li>
  );
}

/** Hour marks under the bars. */
export function TimelineAxis() {
  return (
    <div className="timeline-axis" aria-hidden="true">
      {[0, 6, 12, 18, 24].map((h) => (
        <span key={h} style={{ left: `${(h / 24) * 100}%` }}>{String(h).padStart(2, '0')}:00</span>
      ))}
    </div>
  );
}
