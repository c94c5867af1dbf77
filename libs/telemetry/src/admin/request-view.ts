import type { AttemptRecord, TokenCounts } from '@switchboard/proxy';

export interface RequestLogRow {
  request_id: string;
  started_at: Date;
  duration_ms: number;
  ttfb_ms: number | null;
  client_protocol: string;
  endpoint: string;
  stream: boolean;
  model: string | null;
  route_id: string | null;
  route: string | null;
  instance: string | null;
  upstream_model: string | null;
  status: number;
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
  cost_usd: number | null;
  dropped_tools: string[] | null;
}

/** A request-log entry as the admin API returns it. The list carries `attempt_count`; one entry, `attempts`. */
export interface RequestView {
  request_id: string;
  started_at: string;
  duration_ms: number;
  ttfb_ms: number | null;
  client_protocol: string;
  endpoint: string;
  stream: boolean;
  model: string | null;
  route_id: string | null;
  route: string | null;
  instance: string | null;
  upstream_model: string | null;
  status: number;
  error: { code: string; message: string } | null;
  usage: TokenCounts | null;
  key: { id: string; name: string | null } | null;
  /** USD from the model catalogue's prices, unrounded; null when the model or its prices are unknown. */
  cost_usd: number | null;
  /** Tools the conversion removed because the upstream cannot run them (`x-switchboard-dropped-tools`). */
  dropped_tools: string[];
  attempt_count: number;
  attempts?: AttemptRecord[];
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
