import { State, type ClientState } from '@yujian/realtime';
import { useRealtimeClient } from '../../hooks/RealtimeContext';
import { useConnectionStore } from '../../store/connectionStore';

function gaveUpText(status: Extract<ClientState, { state: 'gaveUp' }>): string {
  switch (status.reason) {
    case 'auth-required':
      return 'sign in again';
    case 'max-attempts':
      return 'the server could not be reached';
    case 'closed':
      return status.closeCode === 1008 ? 'the server ended this session' : 'the server closed the connection';
  }
}

/** The connection state in words, with a Retry button once the client has given up. */
export function ConnectionStatus() {
  const status = useConnectionStore((s) => s.status);
  const rttMs = useConnectionStore((s) => s.rttMs);
  const client = useRealtimeClient();

  let text: string;
  switch (status.state) {
    case State.Connected:
      text = rttMs === undefined ? '● Connected' : `● Connected · ${rttMs} ms`;
      break;
    case State.Connecting:
      text = '◌ Connecting…';
      break;
    case State.Reconnecting:
      text = `◌ Reconnecting… (${status.attempt})`;
      break;
    case State.Disconnected:
      text = '○ Disconnected';
      break;
    case State.GaveUp:
      text = `○ Disconnected: ${gaveUpText(status)}`;
      break;
  }
  return (
    <span className={`connection-status is-${status.state}`} role="status" aria-live="polite">
      <span data-testid="connection-status" data-state={status.state}>{text}</span>
      {status.state === State.GaveUp && status.reason !== 'auth-required' && client && (
        <button type="button" className="retry" data-testid="connection-retry" onClick={() => client.retry()}>
          Retry
        </button>
      )}
    </span>
  );
}
