import { execFileSync } from 'node:child_process';
import { availableParallelism } from 'node:os';

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
  const cores = availableParallelism();
  if (disabled || cores < 2 || !hasTaskset()) {
    const why = disabled ? 'disabled by --no-pin' : cores < 2 ? 'only one core' : 'taskset not found';
    return { pinned: false, measuredCpus: '', loadCpus: '', description: `not pinned (${why})` };
  }
  const loadCpus = cores === 2 ? '1' : `1-${cores - 1}`;
  return {
    pinned: true,
    measuredCpus: '0',
    loadCpus,
    description: `measured process on CPU 0 (taskset -c 0); harness, load generator and mock upstream on CPU ${loadCpus}`,
  };
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
