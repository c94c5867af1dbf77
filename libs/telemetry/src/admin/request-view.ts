import type { AttemptRecord } from '@switchboard/proxy';
import type { RequestView } from './request-view.types';

/** The columns a `request_log` row and its view carry as they are. */
type CopiedColumns =
  | 'request_id'
  | 'duration_ms'
  | 'ttfb_ms'
  | 'client_protocol'
  | 'endpoint'
  | 'stream'
  | 'model'
  | 'route_id'
  | 'route'
  | 'instance'
  | 'upstream_model'
  | 'status'
  | 'cost_usd';

export interface RequestLogRow extends Pick<RequestView, CopiedColumns> {
  started_at: Date;
  error_code: string | null;
  error_message: string | null;
  attempts: AttemptRecord[];
  input_tokens: number | null;
  output_tokens: number | null;
  cache_read_tokens: number | null;
  cache_creation_tokens: number | null;
  reasoning_tokens: number | null;
  key_id: string | null;
  key_name: string | null;
  dropped_tools: string[] | null;
}

export function toRequestView(row: RequestLogRow, withAttempts: boolean): RequestView {
  const view: RequestView = {
    request_id: row.request_id,
    started_at: new Date(row.started_at).toISOString(),
    duration_ms: row.duration_ms,
    ttfb_ms: row.ttfb_ms,
    client_protocol: row.client_protocol,
    endpoint: row.endpoint,
    stream: row.stream,
    model: row.model,
    route_id: row.route_id,
    route: row.route,
    instance: row.instance,
    upstream_model: row.upstream_model,
    status: row.status,
    error: row.error_code === null ? null : { code: row.error_code, message: row.error_message ?? '' },
    usage:
      row.input_tokens === null
        ? null
        : {
            input: row.input_tokens,
            output: row.output_tokens ?? 0,
            cache_read: row.cache_read_tokens ?? 0,
            cache_creation: row.cache_creation_tokens ?? 0,
            reasoning: row.reasoning_tokens ?? 0,
          },
    key: row.key_id === null ? null : { id: row.key_id, name: row.key_name },
    cost_usd: row.cost_usd,
    dropped_tools: row.dropped_tools ?? [],
    attempt_count: row.attempts.length,
  };
  if (withAttempts) view.attempts = row.attempts;
  return view;
}
