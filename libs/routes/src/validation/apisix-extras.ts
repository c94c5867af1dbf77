/**
 * ai-proxy-multi fields Switchboard does not implement yet. A pasted APISIX config carrying them is accepted:
 * the values are stored verbatim, returned in place, and named in the write response's `warnings`.
 * Anything else unknown is a 400, so typos never pass silently.
 */
export const ROUTE_EXTRA_FIELDS: readonly string[] = [
  'keepalive',
  'keepalive_timeout',
  'keepalive_pool',
  'ssl_verify',
  'logging',
  'max_req_body_size',
  'retry_on_failure_within_ms',
  'max_stream_duration_ms',
  'max_response_bytes',
  'streaming_flush_interval_ms',
  'semantic_opts',
];

export const INSTANCE_EXTRA_FIELDS: readonly string[] = ['provider_conf', 'checks', 'examples', 'threshold'];

/** Kept inside `override` itself (the stored override object holds them). */
export const OVERRIDE_EXTRA_FIELDS: readonly string[] = [
  'llm_options',
  'request_body',
  'request_body_force_override',
];

/** Fields a GET returns that PUT/PATCH accept and ignore (`id` is compared with the path instead). */
export const READ_ONLY_FIELDS: readonly string[] = ['version', 'created_at', 'updated_at', 'warnings'];
