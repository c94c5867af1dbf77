import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

export const REPO_ROOT = join(__dirname, '..', '..', '..');

/** Compiled entry points, as package.json's start scripts run them. */
export const ENTRY = {
  switchboard: 'dist/apps/switchboard/src/main.js',
  gateway: 'dist/apps/gateway/src/main.js',
  admin: 'dist/apps/admin/src/main.js',
  migrate: 'dist/libs/core/src/migrate.cli.js',
  embeddedDatabase: 'dist/libs/database/src/embedded/embedded-postgres.child.js',
} as const;

/** Builds dist/ once when it is missing (CI builds before testing; a fresh clone may not have). */
export function ensureBuilt(): void {
  if (Object.values(ENTRY).every((entry) => existsSync(join(REPO_ROOT, entry)))) return;
  execFileSync('npm', ['run', 'build'], { cwd: REPO_ROOT, stdio: 'ignore' });
}

/** A spawned compiled process with its output collected. */
export class CompiledProcess {
  readonly child: ChildProcess;
  stdout = '';
  stderr = '';
  readonly exited: Promise<number | null>;

  constructor(entry: string, env: Record<string, string>) {
    const { DATABASE_URL: _ignored, ...inherited } = process.env;
    this.child = spawn(process.execPath, [join(REPO_ROOT, entry)], {
      cwd: REPO_ROOT,
      env: { ...inherited, NO_COLOR: '1', METRICS_PORT: '0', ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    this.child.stdout!.on('data', (chunk: Buffer) => (this.stdout += chunk.toString()));
    this.child.stderr!.on('data', (chunk: Buffer) => (this.stderr += chunk.toString()));
    this.exited = new Promise((resolve) => this.child.on('exit', (code) => resolve(code)));
  }

  /** Resolves with the URLs from the "Listening: …" line; rejects if the process exits first. */
  async listening(timeoutMs = 90_000): Promise<string[]> {
    const deadline = Date.now() + timeoutMs;
    while (Date.now() < deadline) {
      const match = /Listening: ([^"\n]+)/.exec(this.stdout);
      if (match) return match[1].trim().split(', ');
      if (this.child.exitCode !== null) {
        throw new Error(`exited ${this.child.exitCode} before listening: ${this.stderr || this.stdout}`);
      }
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    throw new Error(`not listening after ${timeoutMs} ms: ${this.stdout}`);
  }

  /** SIGTERM, then the exit code. */
  async stop(): Promise<number | null> {
    if (this.child.exitCode === null) this.child.kill('SIGTERM');
    return this.exited;
  }
}

/** False once `pid` has exited (a zombie waiting to be reaped counts as exited). Linux /proc. */
export function isProcessRunning(pid: number): boolean {
  try {
    return !/^State:\s+Z/m.test(readFileSync(`/proc/${pid}/status`, 'utf8'));
  } catch {
    return false;
  }
}

/** The parent process id of `pid`, from /proc. */
export function parentPid(pid: number): number {
  return Number(/^PPid:\s+(\d+)$/m.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))![1]);
}

/** Polls `condition` every 50 ms; rejects naming `what` after `timeoutMs`. */
export async function waitUntil(condition: () => boolean, what: string, timeoutMs: number): Promise<void> {
  for (const deadline = Date.now() + timeoutMs; !condition();) {
    if (Date.now() > deadline) throw new Error(`still waiting for ${what} after ${timeoutMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}
