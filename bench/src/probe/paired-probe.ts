import { Agent } from 'node:http';
import { median, medianOfDifferences, percentile } from '../stats/percentiles';
import type { Validator } from '../validate/response-validators';
import type { HttpTarget } from './http-target';
import { timedRequest } from './timed-request';

export interface ProbePlan {
  /** Requests straight to the mock upstream: the baseline. */
  direct: HttpTarget;
  validateDirect: Validator;
  /** The same exchange through the gateway or proxy. */
  measured: HttpTarget;
  validateMeasured: Validator;
  warmup: number;
  iterations: number;
  /** Stops early once this much time has passed (ms). */
  maxDurationMs: number;
}

export interface ProbeResult {
  iterations: number;
  failures: number;
  firstFailures: string[];
  directP50Ms: number;
  measuredP50Ms: number;
  measuredP99Ms: number;
  /** Median over pairs of (measured - direct) end-to-end time, ms. */
  addedLatencyMs: number;
  directTtfbP50Ms: number;
  measuredTtfbP50Ms: number;
  /** Median over pairs of (measured - direct) time to first body byte, ms. */
  ttfbOverheadMs: number;
}

/**
 * One connection each, alternating direct and measured requests (which one goes first alternates too), so noise
 * from a shared machine hits both sides of a pair alike; every response is validated (warm-up ones too).
 */
export async function runPairedProbe(plan: ProbePlan): Promise<ProbeResult> {
  const directAgent = new Agent({ keepAlive: true, maxSockets: 1 });
  const measuredAgent = new Agent({ keepAlive: true, maxSockets: 1 });
  const directTotal: number[] = [];
  const measuredTotal: number[] = [];
  const directTtfb: number[] = [];
  const measuredTtfb: number[] = [];
  const firstFailures: string[] = [];
  let failures = 0;
  const note = (side: string, problem: string | undefined): void => {
    if (!problem) return;
    failures++;
    if (firstFailures.length < 5) firstFailures.push(`${side}: ${problem}`);
  };
  const deadline = Date.now() + plan.maxDurationMs;
  try {
    for (let i = 0; i < plan.warmup + plan.iterations && Date.now() < deadline; i++) {
      // Both orders in turn: the second request of a pair meets caches the first one's process has just used.
      const directFirst = i % 2 === 0;
      const first = await timedRequest(
        directFirst ? directAgent : measuredAgent,
        directFirst ? plan.direct : plan.measured,
      );
      const second = await timedRequest(
        directFirst ? measuredAgent : directAgent,
        directFirst ? plan.measured : plan.direct,
      );
      const [direct, measured] = directFirst ? [first, second] : [second, first];
      note('direct', plan.validateDirect(direct.response));
      note('measured', plan.validateMeasured(measured.response));
      if (i < plan.warmup) continue;
      directTotal.push(direct.totalMs);
      measuredTotal.push(measured.totalMs);
      directTtfb.push(direct.ttfbMs);
      measuredTtfb.push(measured.ttfbMs);
    }
  } catch (error) {
    failures++;
    firstFailures.push(`request failed: ${(error as Error).message}`);
  } finally {
    directAgent.destroy();
    measuredAgent.destroy();
  }
  return {
    iterations: measuredTotal.length,
    failures,
    firstFailures,
    directP50Ms: median(directTotal),
    measuredP50Ms: median(measuredTotal),
    measuredP99Ms: percentile(measuredTotal, 99),
    addedLatencyMs: medianOfDifferences(measuredTotal, directTotal),
    directTtfbP50Ms: median(directTtfb),
    measuredTtfbP50Ms: median(measuredTtfb),
    ttfbOverheadMs: medianOfDifferences(measuredTtfb, directTtfb),
  };
}
