/** What the bench reads from wrk's text report (`wrk --latency`). */
export interface WrkResult {
  requests: number;
  durationS: number;
  requestsPerSecond: number;
  latencyP50Ms: number;
  latencyP99Ms: number;
  /** Connect, read, write errors and timeouts. */
  socketErrors: number;
  non2xx: number;
}

const DURATION_UNITS_MS: Record<string, number> = { us: 0.001, ms: 1, s: 1000, m: 60_000, h: 3_600_000 };

/** "1.23ms", "850.00us", "2.10s" → milliseconds. */
export function wrkDurationMs(text: string): number {
  const match = /^([\d.]+)(us|ms|s|m|h)$/.exec(text.trim());
  if (!match) throw new Error(`unreadable wrk duration "${text}"`);
  return Number(match[1]) * DURATION_UNITS_MS[match[2]];
}

export function parseWrkOutput(output: string): WrkResult {
  const total = /(\d+) requests in ([\d.]+)(us|ms|s|m|h)/.exec(output);
  if (!total) throw new Error(`no "N requests in T" line in wrk output:\n${output}`);
  const requests = Number(total[1]);
  const durationS = wrkDurationMs(`${total[2]}${total[3]}`) / 1000;
  const percentileMs = (p: number): number => {
    const match = new RegExp(`^\\s+${p}(?:\\.0+)?%\\s+(\\S+)`, 'm').exec(output);
    return match ? wrkDurationMs(match[1]) : Number.NaN;
  };
  const errors = /Socket errors: connect (\d+), read (\d+), write (\d+), timeout (\d+)/.exec(output);
  const socketErrors = errors ? errors.slice(1, 5).reduce((sum, count) => sum + Number(count), 0) : 0;
  const non2xx = /Non-2xx or 3xx responses: (\d+)/.exec(output);
  return {
    requests,
    durationS,
    requestsPerSecond: durationS > 0 ? requests / durationS : 0,
    latencyP50Ms: percentileMs(50),
    latencyP99Ms: percentileMs(99),
    socketErrors,
    non2xx: non2xx ? Number(non2xx[1]) : 0,
  };
}
