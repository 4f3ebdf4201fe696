import { latestSample, useMetricsStore } from '../../store/metricsStore';

const HEALTH_TEXT = { healthy: '● Healthy', warning: '▲ Warning', critical: '■ Critical' } as const;

/** The lab services from the newest metrics sample: status and latency. */
export function ServicesTable() {
  const services = useMetricsStore((s) => latestSample(s)?.services);
  if (!services || services.length === 0) {
    return <p className="empty">No lab services are reporting yet.</p>;
  }
  return (
    <div className="table-scroll">
      <table className="services" data-testid="services-table">
        <thead>
          <tr><th>Service</th><th>Status</th><th className="num">Latency</th></tr>
        </thead>
        <tbody>
          {services.map((s) => (
            <tr key={s.name} data-testid="service-row">
              <td>{s.name}</td>
              <td className={`health ${s.status}`}>{HEALTH_TEXT[s.status]}</td>
              <td className="num">{Math.round(s.latency)} ms</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
