import { useEffect, useState } from 'react';
import { adminApi } from '../../api/endpoints';
import { useAction } from '../../hooks/useAction';
import { useApi } from '../../hooks/useApi';
import { useNow } from '../../hooks/useNow';
import { ago, dateTime } from '../format';

/** How often the list refreshes by itself, in ms. */
const REFRESH_MS = 10_000;

/** Live WebSocket sessions on every node, with a Disconnect action (closes with 1008). */
export function ConnectionsAdmin() {
  const connections = useApi(() => adminApi.connections(), 'connections');
  const disconnect = useAction();
  const [done, setDone] = useState('');
  const now = useNow(REFRESH_MS);
  const { reload } = connections;
  useEffect(() => {
    const timer = setInterval(reload, REFRESH_MS);
    return () => clearInterval(timer);
  }, [reload]);

  async function kick(clientId: string, name: string) {
    if (await disconnect.run(() => adminApi.disconnect(clientId))) {
      setDone(`Disconnected ${name}.`);
      reload();
    }
  }

  const rows = connections.data ?? [];
  return (
    <section className="panel" aria-labelledby="connections-title">
      <h2 id="connections-title">Live connections <button type="button" className="link" onClick={reload}>Refresh</button></h2>
      {connections.error && <p className="error" role="alert">Could not load connections: {connections.error}</p>}
      {disconnect.error && <p className="error" role="alert">{disconnect.error}</p>}
      {done && <p className="ok" role="status">{done}</p>}
      {connections.loading && !connections.data ? (
        <p className="empty">Loading connections…</p>
      ) : rows.length === 0 ? (
        <p className="empty">No one is connected.</p>
      ) : (
        <div className="table-scroll">
          <table className="admin-table">
            <thead><tr><th>User</th><th>Node</th><th>Channels</th><th>Connected since</th><th /></tr></thead>
            <tbody>
              {rows.map((c) => (
                <tr key={c.clientId} data-testid="connection-row" data-client-id={c.clientId} data-user-id={c.userId}>
                  <td>{c.name} <span className="muted">({c.role})</span></td>
                  <td>{c.node}</td>
                  <td>{c.channels.join(', ') || '—'}</td>
                  <td title={dateTime(c.connectedAt)}>{ago(c.connectedAt, now)}</td>
                  <td>
                    <button type="button" className="danger" data-testid="disconnect" disabled={disconnect.busy}
                      onClick={() => void kick(c.clientId, c.name)}>Disconnect</button>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
