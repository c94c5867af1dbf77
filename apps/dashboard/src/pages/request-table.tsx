import type { RequestView } from '../api';
import { Badge } from '../components/notices';
import { fmtInt, fmtMs, fmtTime, fmtUsd, keyLabel, statusTone } from '../format';

/** The request log as a table; each row links to the request's attempts. */
export function RequestTable({ requests, caption }: { requests: RequestView[]; caption: string }) {
  if (requests.length === 0) return <p class="muted">No requests match.</p>;
  // The cost column appears once the API prices requests (model catalogue); until then it would only say "—".
  const priced = requests.some((request) => request.cost_usd !== undefined);
  return (
    <div class="table-wrap">
      <table class="requests">
        <caption class="visually-hidden">{caption}</caption>
        <thead>
          <tr>
            <th scope="col">Time</th>
            <th scope="col">Status</th>
            <th scope="col">Route</th>
            <th scope="col">Instance</th>
            <th scope="col">Model</th>
            <th scope="col">Duration</th>
            <th scope="col">TTFB</th>
            <th scope="col">Tokens in / out</th>
            {priced && <th scope="col">Cost</th>}
            <th scope="col">Key</th>
          </tr>
        </thead>
        <tbody>
          {requests.map((request) => (
            <tr key={request.request_id}>
              <td>
                <a href={`#/requests/${encodeURIComponent(request.request_id)}`}>
                  {fmtTime(request.started_at)}
                </a>
              </td>
              <td>
                <Badge tone={statusTone(request.status)}>{request.status}</Badge>
                {request.attempt_count > 1 && <span class="muted"> ({request.attempt_count} attempts)</span>}
              </td>
              <td>{request.route ?? '—'}</td>
              <td>{request.instance ?? '—'}</td>
              <td>{request.model ?? '—'}</td>
              <td>{fmtMs(request.duration_ms)}</td>
              <td>{fmtMs(request.ttfb_ms)}</td>
              <td>
                {request.usage ? `${fmtInt(request.usage.input)} / ${fmtInt(request.usage.output)}` : '—'}
              </td>
              {priced && <td>{fmtUsd(request.cost_usd)}</td>}
              <td>{keyLabel(request.key)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
