import type { RequestRecord } from '@switchboard/proxy';

export const REQUEST_RECORD_STARTED = Date.parse('2026-12-07T12:00:00.123Z');

/** A finished request with every field set (two attempts, usage, key, cost, a dropped tool); override any. */
export function requestRecord(id: string, overrides: Partial<RequestRecord> = {}): RequestRecord {
  return {
    request_id: id,
    started_at: REQUEST_RECORD_STARTED,
    client_protocol: 'anthropic-messages',
    endpoint: 'messages',
    stream: true,
    model: 'claude-x',
    route_id: 'route-id',
    route: 'route',
    instance: 'primary',
    upstream_model: 'claude-x-2026',
    attempts: [
      {
        instance: 'secondary',
        provider: 'anthropic',
        upstream_protocol: 'anthropic-messages',
        outcome: 'skipped',
        status: null,
        duration_ms: 0,
        ttfb_ms: null,
        error_code: null,
        skipped: 'capability:images',
      },
      {
        instance: 'primary',
        provider: 'anthropic',
        upstream_protocol: 'anthropic-messages',
        outcome: 'success',
        status: 200,
        duration_ms: 12.625,
        ttfb_ms: 3.5,
        error_code: null,
      },
    ],
    status: 200,
    error: null,
    usage: { input: 11, output: 7, cache_read: 3, cache_creation: 2, reasoning: 1 },
    duration_ms: 15.25,
    ttfb_ms: 4.75,
    key: { id: 'key-id', name: 'team "a"' },
    cost_usd: 0.000123,
    dropped_tools: ['web_search'],
    ...overrides,
  };
}
