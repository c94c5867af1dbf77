/** Self time per function and per code area from a V8 .cpuprofile (the format `node --cpu-prof` writes). */
export interface CpuProfile {
  nodes: Array<{
    id: number;
    callFrame: { functionName: string; url: string; lineNumber: number; columnNumber?: number };
    hitCount?: number;
  }>;
  samples: number[];
  timeDeltas: number[];
}

export interface ProfileLine {
  name: string;
  selfMs: number;
  percent: number;
}

export interface ProfileSummary {
  totalMs: number;
  /** Share of samples where the process was idle (waiting for I/O). */
  idlePercent: number;
  functions: ProfileLine[];
  areas: ProfileLine[];
}

const SPECIAL = new Set(['(idle)', '(program)', '(garbage collector)', '(root)']);

/** Groups a script URL into an area: a package, a Switchboard lib/app, or Node internals. */
export function areaOf(url: string, functionName: string): string {
  if (SPECIAL.has(functionName) || url === '')
    return SPECIAL.has(functionName) ? functionName : '(native/V8)';
  const packageMatch = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(url);
  if (packageMatch) return packageMatch[1];
  const ownMatch = /(?:dist\/)?((?:apps|libs)\/[^/]+)/.exec(url);
  if (ownMatch) return ownMatch[1];
  if (url.startsWith('node:')) return 'node:' + url.slice(5).split('/')[0];
  return url;
}

function shortUrl(url: string): string {
  const cut = url.search(/(node_modules|dist|apps|libs)\//);
  return cut >= 0 ? url.slice(cut) : url.replace(/^file:\/\//, '');
}

export function summarizeProfile(profile: CpuProfile, top = 15): ProfileSummary {
  const nodesById = new Map(profile.nodes.map((node) => [node.id, node]));
  const selfByFunction = new Map<string, number>();
  const selfByArea = new Map<string, number>();
  // Samples are counted rather than weighted by their time delta: on a shared machine a descheduled process
  // shows up as one sample with a huge delta, which says nothing about where its CPU time went.
  const intervalUs = medianInterval(profile.timeDeltas);
  let totalUs = 0;
  let idleUs = 0;
  for (const sample of profile.samples) {
    const node = nodesById.get(sample);
    if (!node) continue;
    const { functionName, url, lineNumber } = node.callFrame;
    totalUs += intervalUs;
    if (functionName === '(idle)') {
      idleUs += intervalUs;
      continue;
    }
    const name = SPECIAL.has(functionName)
      ? functionName
      : `${functionName || '(anonymous)'} ${url ? `${shortUrl(url)}:${lineNumber + 1}` : '(native)'}`;
    selfByFunction.set(name, (selfByFunction.get(name) ?? 0) + intervalUs);
    const area = areaOf(url, functionName);
    selfByArea.set(area, (selfByArea.get(area) ?? 0) + intervalUs);
  }
  const busyUs = totalUs - idleUs;
  const lines = (map: Map<string, number>): ProfileLine[] =>
    [...map.entries()]
      .sort((a, b) => b[1] - a[1])
      .slice(0, top)
      .map(([name, us]) => ({ name, selfMs: us / 1000, percent: busyUs > 0 ? (100 * us) / busyUs : 0 }));
  return {
    totalMs: totalUs / 1000,
    idlePercent: totalUs > 0 ? (100 * idleUs) / totalUs : 0,
    functions: lines(selfByFunction),
    areas: lines(selfByArea),
  };
}

function medianInterval(deltas: readonly number[]): number {
  const positive = deltas.filter((delta) => delta > 0).sort((a, b) => a - b);
  return positive.length > 0 ? positive[Math.floor(positive.length / 2)] : 0;
}
