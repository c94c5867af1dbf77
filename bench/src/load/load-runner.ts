import autocannon from 'autocannon';
import type { HttpTarget } from '../probe/http-target';

export interface LoadResult {
  connections: number;
  durationS: number;
  requests: number;
  requestsPerSecond: number;
  latencyP50Ms: number;
  latencyP99Ms: number;
  errors: number;
  non2xx: number;
  statusCounts: Record<string, number>;
}

/**
 * A fixed number of keep-alive connections for a fixed time (autocannon, in this process); with
 * `ratePerSecond`, no faster than that many requests a second in all (autocannon's overallRate).
 */
export async function runLoad(
  target: HttpTarget,
  connections: number,
  durationS: number,
  ratePerSecond?: number,
): Promise<LoadResult> {
  const result = await autocannon({
    url: `http://127.0.0.1:${target.port}${target.path}`,
    method: 'POST',
    headers: target.headers,
    body: target.body,
    connections,
    duration: durationS,
    ...(ratePerSecond === undefined ? {} : { overallRate: Math.max(1, Math.round(ratePerSecond)) }),
    timeout: 30,
  });
  const statusCounts: Record<string, number> = {};
  for (const [status, stats] of Object.entries(result.statusCodeStats)) statusCounts[status] = stats.count;
  const completed = result['2xx'] + result.non2xx;
  return {
    connections,
    durationS: result.duration,
    requests: completed,
    requestsPerSecond: completed / result.duration,
    latencyP50Ms: result.latency.p50,
    latencyP99Ms: result.latency.p99,
    errors: result.errors + result.timeouts + result.resets,
    non2xx: result.non2xx,
    statusCounts,
  };
}
