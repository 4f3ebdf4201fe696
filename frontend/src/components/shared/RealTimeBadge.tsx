import { State } from '@yujian/realtime';
import { useConnectionStore } from '../../store/connectionStore';

/** "LIVE" while updates stream in; "PAUSED" otherwise, so a stale view never looks live. */
export function RealTimeBadge() {
  const live = useConnectionStore((s) => s.status.state === State.Connected);
  return (
    <span className={`live-badge ${live ? 'is-live' : 'is-paused'}`} data-testid="live-badge"
      title={live ? 'Updates arrive as they happen' : 'Not receiving updates right now'}>
      {live ? 'LIVE' : 'PAUSED'}
    </span>
  );
}
