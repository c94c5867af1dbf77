import { execFile, execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { HttpTarget } from '../probe/http-target';
import { wrkLuaScript } from './wrk-lua';
import { parseWrkOutput, type WrkResult } from './wrk-output';

export interface WrkRun {
  target: HttpTarget;
  connections: number;
  durationS: number;
  /** CPUs wrk runs on (taskset list); '' for unpinned. */
  cpus: string;
}

/** The wrk binary on PATH, or undefined (the wrk section is then skipped). */
export function findWrk(): string | undefined {
  try {
    execFileSync('wrk', ['--version'], { stdio: 'ignore' });
    return 'wrk';
  } catch (error) {
    // wrk --version exits 1 after printing its usage: it is there.
    return (error as { status?: number }).status === 1 ? 'wrk' : undefined;
  }
}

/** One wrk run, one thread (one load core), keep-alive connections, --latency percentiles. */
export async function runWrk(run: WrkRun): Promise<WrkResult & { raw: string }> {
  const dir = mkdtempSync(join(tmpdir(), 'bench-wrk-'));
  const script = join(dir, 'post.lua');
  writeFileSync(script, wrkLuaScript(run.target));
  const wrkArgs = [
    '-t1',
    `-c${run.connections}`,
    `-d${run.durationS}s`,
    '--timeout',
    '30s',
    '--latency',
    '-s',
    script,
    `http://127.0.0.1:${run.target.port}${run.target.path}`,
  ];
  const [command, args] = run.cpus ? ['taskset', ['-c', run.cpus, 'wrk', ...wrkArgs]] : ['wrk', wrkArgs];
  try {
    const raw = await new Promise<string>((resolve, reject) =>
      execFile(command, args, { maxBuffer: 1 << 20 }, (error, stdout, stderr) =>
        error ? reject(new Error(`wrk failed: ${error.message}\n${stderr}`)) : resolve(stdout),
      ),
    );
    return { ...parseWrkOutput(raw), raw };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
