import { Badge, EmptyState, ErrorNotice } from '../components/notices';
import { useDashboard } from '../context';
import { fmtAgo, fmtInt, fmtTime } from '../format';
import { useLoad } from '../hooks';

/** The processes serving: revision of the route table each serves, last heartbeat, stale ones flagged. */
export function ReplicasPage() {
  const { api } = useDashboard();
  const { data, error } = useLoad(() => api.replicas(), [], 5000);
  const newest = data?.reduce<string | number | null>((max, replica) => {
    const revision = replica.route_table_revision;
    return revision !== null && (max === null || Number(revision) > Number(max)) ? revision : max;
  }, null);
  return (
    <section aria-labelledby="replicas-title">
      <header class="page-head">
        <h2 id="replicas-title">Replicas</h2>
      </header>
      <ErrorNotice error={error} what="replicas" />
      {data && data.length === 0 && (
        <EmptyState title="No replica has reported">
          <p>
            Each gateway process writes a heartbeat every 10 s; start one with <code>npm start</code>.
          </p>
        </EmptyState>
      )}
      {data && data.length > 0 && (
        <div class="table-wrap">
          <table>
            <caption class="visually-hidden">Replicas</caption>
            <thead>
              <tr>
                <th scope="col">Replica</th>
                <th scope="col">Host / pid</th>
                <th scope="col">Version</th>
                <th scope="col">Started</th>
                <th scope="col">Last heartbeat</th>
                <th scope="col">Route table revision</th>
                <th scope="col">Requests served</th>
              </tr>
            </thead>
            <tbody>
              {data.map((replica) => {
                const lags = newest !== null && String(replica.route_table_revision) !== String(newest);
                return (
                  <tr key={replica.id}>
                    <th scope="row">{replica.id}</th>
                    <td>
                      {replica.host} / {replica.pid}
                    </td>
                    <td>{replica.version}</td>
                    <td>{fmtTime(replica.started_at)}</td>
                    <td>
                      {fmtAgo(replica.last_seen)} {replica.stale && <Badge tone="bad">stale</Badge>}
                    </td>
                    <td>
                      {replica.route_table_revision ?? '—'} {lags && <Badge tone="warn">lags</Badge>}
                    </td>
                    <td>{fmtInt(replica.requests_served)}</td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
