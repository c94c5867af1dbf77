import type { BuildAbResult } from '../compare/build-ab';
import type { PathComparison } from '../compare/wrk-comparison';
import type { TelemetryAbResult } from '../compare/telemetry-ab';
import type { ManyRoutesResult } from '../scale/many-routes';
import type { RateSoakResult } from '../scale/rate-soak';
import type { RouteMatchResult } from '../scale/route-match-bench';
import type { SlowStreamsResult } from '../scale/slow-streams';

/** Everything the issue-17 sections measured (absent: not run; `skipped` says why). */
export interface Issue17Results {
  wrk?: {
    loadGenerator: string;
    connections: number;
    durationS: number;
    runs: number;
    paths: PathComparison[];
  };
  wrkSkipped?: string;
  telemetry?: { loadGenerator: string; paths: TelemetryAbResult[] };
  slowStreams?: SlowStreamsResult;
  routeMatch?: RouteMatchResult;
  manyRoutes?: ManyRoutesResult;
  manyRoutesSkipped?: string;
  soak?: RateSoakResult;
  builds?: BuildAbResult;
}
