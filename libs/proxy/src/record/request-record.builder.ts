import type { ServerResponse } from 'node:http';
import type { AttemptRecord, RequestRecord, TokenCounts } from './request-record';
import type { RequestRecordBus } from './request-record.bus';
import type { AttemptEntry, RequestTrace } from './request-trace';

/**
 * Publishes the request's record once its response has ended, on a later turn of the event loop so the
 * response path never waits for subscribers. Builds nothing when no one observes the bus.
 */
export function publishRecord(bus: RequestRecordBus, trace: RequestTrace, res: ServerResponse): void {
  if (!bus.observed) return;
  const endedAt = performance.now();
  if (!res.writableFinished && !res.destroyed) {
    // The body was handed over but not flushed yet: the response ends at 'finish' (or 'close' if cut).
    let published = false;
    const publish = (): void => {
      if (published) return;
      published = true;
      res.off('finish', publish);
      res.off('close', publish);
      const ended = performance.now();
      setImmediate(() => bus.publish(buildRequestRecord(trace, ended)));
    };
    res.once('finish', publish);
    res.once('close', publish);
    return;
  }
  setImmediate(() => bus.publish(buildRequestRecord(trace, endedAt)));
}

export function buildRequestRecord(trace: RequestTrace, endedAt: number): RequestRecord {
  const origin = Date.now() - (performance.now() - trace.startedAt);
  const usage = trace.usage;
  const tokens: TokenCounts | null =
    usage === undefined
      ? null
      : Object.freeze({
          input: usage.input_tokens,
          output: usage.output_tokens,
          cache_read: usage.cache_read_input_tokens,
          cache_creation: usage.cache_creation_input_tokens,
          reasoning: usage.reasoning_tokens ?? 0,
        });
  return Object.freeze({
    request_id: trace.requestId,
    started_at: Math.round(origin),
    client_protocol: trace.protocol,
    endpoint: trace.endpoint,
    stream: trace.stream,
    model: trace.model,
    route_id: trace.routeId,
    route: trace.route,
    instance: trace.instance,
    upstream_model: trace.upstreamModel,
    attempts: Object.freeze(trace.attempts.map((entry) => attemptRecord(entry, endedAt))),
    status: trace.status,
    error: trace.error === null ? null : Object.freeze({ ...trace.error }),
    usage: tokens,
    duration_ms: endedAt - trace.startedAt,
    ttfb_ms: trace.firstByteAt === undefined ? null : trace.firstByteAt - trace.startedAt,
    key: trace.key === null ? null : Object.freeze({ ...trace.key }),
    cost_usd: trace.costUsd,
    dropped_tools: Object.freeze([...(lastCalled(trace)?.droppedTools ?? [])]),
  });
}

/** The last attempt that reached (or tried to reach) an upstream: the one whose conversion the client got. */
function lastCalled(trace: RequestTrace): AttemptEntry | undefined {
  for (let i = trace.attempts.length - 1; i >= 0; i--) {
    if (trace.attempts[i].outcome !== 'skipped') return trace.attempts[i];
  }
  return undefined;
}

function attemptRecord(entry: AttemptEntry, endedAt: number): AttemptRecord {
  const record: AttemptRecord = {
    instance: entry.instance,
    provider: entry.provider,
    upstream_protocol: entry.upstreamProtocol,
    outcome: entry.outcome,
    status: entry.status,
    duration_ms: (entry.endedAt ?? endedAt) - entry.startedAt,
    ttfb_ms: entry.firstByteAt === undefined ? null : entry.firstByteAt - entry.startedAt,
    error_code: entry.errorCode,
  };
  if (entry.skipped !== undefined) record.skipped = entry.skipped;
  return Object.freeze(record);
}
