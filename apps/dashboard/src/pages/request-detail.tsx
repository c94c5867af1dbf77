import type { AttemptView, RequestDetailView } from '../api';
import { Badge, ErrorNotice } from '../components/notices';
import { useDashboard } from '../context';
import { fmtInt, fmtMs, fmtTime, fmtUsd, keyLabel, statusTone } from '../format';
import { useLoad } from '../hooks';

/** One request: its attempts as a timeline (instance, status, duration, why it moved on) and its error. */
export function RequestDetailPage({ id }: { id: string }) {
  const { api } = useDashboard();
  const { data, error } = useLoad(() => api.getRequest(id), [id]);
  return (
    <section aria-labelledby="request-title">
      <header class="page-head">
        <h2 id="request-title">Request {id}</h2>
        <a href="#/requests">Back to the request log</a>
      </header>
      <ErrorNotice error={error} what={`request ${id}`} />
      {data && <RequestSummary request={data} />}
    </section>
  );
}

function RequestSummary({ request }: { request: RequestDetailView }) {
  const total = Math.max(
    request.duration_ms,
    request.attempts.reduce((sum, attempt) => sum + attempt.duration_ms, 0),
    1,
  );
  return (
    <>
      <dl class="facts">
        <dt>Status</dt>
        <dd>
          <Badge tone={statusTone(request.status)}>{request.status}</Badge>
        </dd>
        <dt>Time</dt>
        <dd>{fmtTime(request.started_at)}</dd>
        <dt>Route / instance</dt>
        <dd>
          {request.route ?? '—'} / {request.instance ?? '—'}
        </dd>
        <dt>Model (upstream)</dt>
        <dd>
          {request.model ?? '—'} ({request.upstream_model ?? '—'})
        </dd>
        <dt>Client</dt>
        <dd>
          {request.client_protocol} {request.endpoint} {request.stream ? 'stream' : ''}
        </dd>
        <dt>Duration / TTFB</dt>
        <dd>
          {fmtMs(request.duration_ms)} / {fmtMs(request.ttfb_ms)}
        </dd>
        <dt>Tokens</dt>
        <dd>
          {request.usage
            ? `in ${fmtInt(request.usage.input)} · out ${fmtInt(request.usage.output)} · cache read ${fmtInt(request.usage.cache_read)} · cache write ${fmtInt(request.usage.cache_creation)}`
            : '—'}
        </dd>
        {request.cost_usd !== undefined && (
          <>
            <dt>Cost</dt>
            <dd>{fmtUsd(request.cost_usd)}</dd>
          </>
        )}
        <dt>Key</dt>
        <dd>{keyLabel(request.key)}</dd>
      </dl>
      {request.error && (
        <div class="notice notice-error">
          <strong>{request.error.code}</strong>
          <pre class="code">{request.error.message}</pre>
        </div>
      )}
      <h3>Attempts</h3>
      <ol class="timeline">
        {request.attempts.map((attempt, index) => (
          <AttemptRow
            key={index}
            attempt={attempt}
            index={index}
            total={total}
            last={index === request.attempts.length - 1}
          />
        ))}
      </ol>
    </>
  );
}

function AttemptRow(props: { attempt: AttemptView; index: number; total: number; last: boolean }) {
  const { attempt } = props;
  const ok = attempt.outcome === 'success';
  const tone = ok ? 'ok' : attempt.outcome === 'skipped' ? 'muted' : 'bad';
  const width = `${Math.max(2, (attempt.duration_ms / props.total) * 100)}%`;
  return (
    <li class={`attempt attempt-${tone}`}>
      <div class="attempt-head">
        <strong>
          {props.index + 1}. {attempt.instance}
        </strong>{' '}
        <span class="muted">({attempt.provider})</span>{' '}
        <Badge tone={tone}>{attempt.status ?? attempt.outcome}</Badge> {fmtMs(attempt.duration_ms)}
        {attempt.ttfb_ms !== null && <span class="muted"> · first byte {fmtMs(attempt.ttfb_ms)}</span>}
      </div>
      <div class="bar" aria-hidden="true">
        <span class={`bar-fill bar-${tone}`} style={{ width }} />
      </div>
      {!ok && (
        <div class="attempt-why">
          {attempt.outcome === 'skipped'
            ? `skipped: ${attempt.skipped ?? 'not eligible'}`
            : `${attempt.outcome}${attempt.error_code ? ` (${attempt.error_code})` : ''}${props.last ? '' : ' → fell back to the next instance'}`}
        </div>
      )}
    </li>
  );
}
