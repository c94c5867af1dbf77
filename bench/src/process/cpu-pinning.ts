import { execFileSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';

/**
 * Where each process runs: the measured process (gateway or proxy) alone on core 0, the harness (load
 * generator, probe) and the mock upstream on the other cores, so the measured process is "one core" and the
 * gateway and the proxy see the same conditions. Without taskset or with one core nothing is pinned.
 */
export interface CpuPlan {
  pinned: boolean;
  measuredCpus: string;
  loadCpus: string;
  description: string;
}

export function planCpus(disabled: boolean): CpuPlan {
  const allowed = allowedCpus();
  if (disabled || allowed.length < 2 || !hasTaskset()) {
    const why = disabled
      ? 'disabled by --no-pin'
      : allowed.length < 2
        ? 'only one CPU allowed'
        : 'taskset not found';
    return { pinned: false, measuredCpus: '', loadCpus: '', description: `not pinned (${why})` };
  }
  const measuredCpus = String(allowed[0]);
  const loadCpus = allowed.slice(1).join(',');
  return {
    pinned: true,
    measuredCpus,
    loadCpus,
    description: `measured process on CPU ${measuredCpus} (taskset -c ${measuredCpus}); harness, load generator and mock upstream on CPU ${loadCpus}`,
  };
}

/** Expands a kernel CPU list ("0-3,6") into CPU numbers. */
export function parseCpuList(list: string): number[] {
  const cpus: number[] = [];
  for (const part of list.trim().split(',')) {
    if (part === '') continue;
    const [first, last] = part.split('-').map(Number);
    for (let cpu = first; cpu <= (last ?? first); cpu++) cpus.push(cpu);
  }
  return cpus;
}

/** The CPUs this process may run on (cgroup/cpuset aware), from /proc/self/status; [] when unknown. */
function allowedCpus(): number[] {
  try {
    const match = /^Cpus_allowed_list:\s*(\S+)/m.exec(readFileSync('/proc/self/status', 'utf8'));
    return match ? parseCpuList(match[1]) : [];
  } catch {
    return [];
  }
}

function hasTaskset(): boolean {
  try {
    execFileSync('taskset', ['-V'], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
}

/** Command + args that run `node <args>` on the given CPUs (taskset execs, so the pid is node's). */
export function pinnedNode(cpus: string, nodeArgs: string[]): { command: string; args: string[] } {
  if (!cpus) return { command: process.execPath, args: nodeArgs };
  return { command: 'taskset', args: ['-c', cpus, process.execPath, ...nodeArgs] };
}

export function pinSelf(cpus: string): void {
  if (!cpus) return;
  execFileSync('taskset', ['-pc', cpus, String(process.pid)], { stdio: 'ignore' });
}

/**
 * Moves every child process of `pid` (all their threads) to `cpus`; returns the pids moved. The gateway's
 * embedded database is such a child: left on the gateway's core it would compete with the measured process
 * for that core and its caches, which an external PostgreSQL never does.
 */
export function pinChildren(pid: number, cpus: string): number[] {
  if (!cpus) return [];
  const children = childPids(pid);
  for (const child of children) execFileSync('taskset', ['-apc', cpus, String(child)], { stdio: 'ignore' });
  return children;
}

/**
 * Pins the children of `pid` to `cpus` now and, every second, any child that appears later: an embedded database
 * the gateway restarts (it supervises its child) starts on the gateway's own core, where it would take CPU from
 * the measured process for the rest of the bench. `onNewChild` is told of each later one. Returns a stop function.
 */
export function keepChildrenPinned(
  pid: number,
  cpus: string,
  onNewChild: (child: number) => void,
): () => void {
  if (!cpus) return () => undefined;
  const pinned = new Set(pinChildren(pid, cpus));
  const timer = setInterval(() => {
    let children: number[];
    try {
      children = childPids(pid);
    } catch {
      return; // the process has exited
    }
    for (const child of children.filter((candidate) => !pinned.has(candidate))) {
      pinned.add(child);
      try {
        execFileSync('taskset', ['-apc', cpus, String(child)], { stdio: 'ignore' });
        onNewChild(child);
      } catch {
        // gone again before it could be moved
      }
    }
  }, 1000);
  timer.unref();
  return () => clearInterval(timer);
}

/** The pids of `pid`'s child processes (all its threads' children). */
export function childPids(pid: number): number[] {
  const pids = new Set<number>();
  for (const task of readdirSync(`/proc/${pid}/task`)) {
    const list = readFileSync(`/proc/${pid}/task/${task}/children`, 'utf8').trim();
    for (const child of list.split(/\s+/).filter(Boolean)) pids.add(Number(child));
  }
  return [...pids];
}
