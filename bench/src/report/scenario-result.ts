import type { LoadResult } from '../load/load-runner';
import type { ProbeResult } from '../probe/paired-probe';

export interface ScenarioResult {
  id: string;
  label: string;
  via: 'proxy' | 'gateway';
  stream: boolean;
  budgeted: boolean;
  proxyBaseline?: string;
  load: LoadResult;
  probe: ProbeResult;
  /** CPU time (user + system) of the measured process per completed request under load, µs. */
  cpuPerRequestUs: number;
  /** Peak RSS of the measured process during this scenario (VmHWM after a reset), MB. */
  peakRssMb: number;
  /** RSS when the scenario ended, MB. */
  rssMb: number;
  /** Requests the mock upstream received per completed client request, by mock path kind. */
  upstreamCallsPerRequest: Record<string, number>;
  /** Everything wrong with responses (probe validation, load errors, non-2xx, mock rejections). */
  problems: string[];
}

export interface SoakResult {
  seconds: number;
  rssAfterWarmupMb: number;
  rssAfterSoakMb: number;
  growthPercent: number;
}
