import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { execFileSync } from 'node:child_process';
import type { RatioSummary } from '../stats/paired-ratios';
import type { ComparisonPath } from './comparison-paths';
import type { InterleavedResult } from './interleaved-cpu';

/** Issue 10: a restructure may cost at most 5 % CPU per request against the build before it. */
export const BUILD_AB_GOAL_RATIO = 1.05;

/** One build of the gateway: where its entry point is and which commit it was built from (when known). */
export interface GatewayBuild {
  dir: string;
  main: string;
  commit: string;
}

export interface BuildAbPath {
  id: string;
  label: string;
  runs: InterleavedResult['runs'];
  /** Candidate ÷ baseline CPU/request, median of the per-run ratios. */
  ratio: RatioSummary;
  baselineCpuUsMedian: number;
  candidateCpuUsMedian: number;
  problems: string[];
}

export interface BuildAbResult {
  loadGenerator: string;
  baseline: GatewayBuild;
  candidate: GatewayBuild;
  paths: BuildAbPath[];
}

const ENTRY = join('apps', 'switchboard', 'src', 'main.js');

/** A checkout (its `dist/`) or a dist directory itself, as given to `--baseline` / `--candidate`. */
export function gatewayBuild(dir: string): GatewayBuild {
  const root = resolve(dir);
  const main = [join(root, 'dist', ENTRY), join(root, ENTRY)].find((file) => existsSync(file));
  if (main === undefined)
    throw new Error(`no gateway build in ${root} (looked for dist/${ENTRY}): build it first`);
  return { dir: root, main, commit: commitOf(root) };
}

function commitOf(dir: string): string {
  try {
    return execFileSync('git', ['-C', dir, 'rev-parse', '--short', 'HEAD'], { encoding: 'utf8' }).trim();
  } catch {
    return 'unknown';
  }
}

export function buildAbPath(path: ComparisonPath, result: InterleavedResult): BuildAbPath {
  return {
    id: `build-${path.id}`,
    label: path.label,
    runs: result.runs,
    ratio: result.ratio,
    baselineCpuUsMedian: result.baselineCpuUsMedian,
    candidateCpuUsMedian: result.measuredCpuUsMedian,
    problems: result.problems,
  };
}
