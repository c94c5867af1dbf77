import autocannon from 'autocannon';
import type { HttpTarget } from '../probe/http-target';
import { readMemory } from '../process/proc-stats';

export interface RateSoakResult {
  seconds: number;
  ratePerSecond: number;
  /** Throughput it is half of (req/s measured on the same path). */
  measuredThroughput: number;
  requests: number;
  errors: number;
  non2xx: number;
  /** RSS after the first sixth of the soak (warm-up) and at the end, MB; max after warm-up. */
  rssAfterWarmupMb: number;
  rssAfterSoakMb: number;
  rssMaxAfterWarmupMb: number;
  growthPercent: number;
  samples: Array<{ t: number; rssMb: number }>;
}

/** Fixed-rate load (autocannon overallRate) for `seconds`; the gateway's RSS sampled every 5 s. */
export async function rateSoak(options: {
  pid: number;
  target: HttpTarget;
  seconds: number;
  ratePerSecond: number;
  measuredThroughput: number;
  connections: number;
}): Promise<RateSoakResult> {
  const samples: Array<{ t: number; rssMb: number }> = [];
  const started = Date.now();
  const sample = (): void => {
    samples.push({ t: (Date.now() - started) / 1000, rssMb: readMemory(options.pid).rssKb / 1024 });
  };
  sample();
  const timer = setInterval(sample, 5_000);
  const result = await autocannon({
    url: `http://127.0.0.1:${options.target.port}${options.target.path}`,
    method: 'POST',
    headers: options.target.headers,
    body: options.target.body,
    connections: options.connections,
    duration: options.seconds,
    overallRate: Math.max(1, Math.round(options.ratePerSecond)),
    timeout: 30,
  });
  clearInterval(timer);
  sample();
  const warmupEnd = options.seconds / 6;
  const afterWarmup = samples.filter((s) => s.t >= warmupEnd);
  const first = afterWarmup[0] ?? samples[0];
  const last = samples[samples.length - 1];
  return {
    seconds: options.seconds,
    ratePerSecond: Math.round(options.ratePerSecond),
    measuredThroughput: options.measuredThroughput,
    requests: result['2xx'] + result.non2xx,
    errors: result.errors + result.timeouts + result.resets,
    non2xx: result.non2xx,
    rssAfterWarmupMb: first.rssMb,
    rssAfterSoakMb: last.rssMb,
    rssMaxAfterWarmupMb: Math.max(...afterWarmup.map((s) => s.rssMb), first.rssMb),
    growthPercent: ((last.rssMb - first.rssMb) / first.rssMb) * 100,
    samples,
  };
}
