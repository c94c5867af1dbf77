import { spawn, type ChildProcess } from 'node:child_process';
import { READY_PREFIX } from './child-args';
import { pinnedNode } from './cpu-pinning';

/** A child Node process the harness measures and stops; keeps the last output lines for error messages. */
export class BenchChild {
  private readonly output: string[] = [];
  private exited = false;
  readonly exitPromise: Promise<number | null>;

  private constructor(
    readonly name: string,
    readonly process: ChildProcess,
  ) {
    const keep = (chunk: Buffer): void => {
      this.output.push(chunk.toString());
      if (this.output.length > 200) this.output.shift();
    };
    process.stdout?.on('data', keep);
    process.stderr?.on('data', keep);
    this.exitPromise = new Promise((resolve) =>
      process.once('exit', (code) => {
        this.exited = true;
        resolve(code);
      }),
    );
  }

  static start(
    name: string,
    cpus: string,
    nodeArgs: string[],
    env: NodeJS.ProcessEnv = process.env,
  ): BenchChild {
    const { command, args } = pinnedNode(cpus, nodeArgs);
    const child = spawn(command, args, { env, stdio: ['ignore', 'pipe', 'pipe'] });
    return new BenchChild(name, child);
  }

  get pid(): number {
    if (this.process.pid === undefined) throw new Error(`${this.name} did not start`);
    return this.process.pid;
  }

  get isRunning(): boolean {
    return !this.exited;
  }

  recentOutput(): string {
    return this.output.join('').split('\n').slice(-40).join('\n');
  }

  /** Resolves with the port a bench child (mock, proxy) announces on stdout. */
  waitForAnnouncedPort(timeoutMs = 15_000): Promise<number> {
    return new Promise((resolve, reject) => {
      let buffered = '';
      const timer = setTimeout(
        () => reject(new Error(`${this.name} did not start:\n${this.recentOutput()}`)),
        timeoutMs,
      );
      const onData = (chunk: Buffer): void => {
        buffered += chunk.toString();
        const line = buffered.split('\n').find((candidate) => candidate.startsWith(READY_PREFIX));
        if (line) {
          clearTimeout(timer);
          this.process.stdout?.off('data', onData);
          resolve(Number(line.slice(READY_PREFIX.length)));
        }
      };
      this.process.stdout?.on('data', onData);
      void this.exitPromise.then((code) => {
        clearTimeout(timer);
        reject(new Error(`${this.name} exited with ${code}:\n${this.recentOutput()}`));
      });
    });
  }

  signal(signal: NodeJS.Signals): void {
    if (!this.exited) this.process.kill(signal);
  }

  async stop(graceMs = 5_000): Promise<void> {
    if (this.exited) return;
    this.process.kill('SIGTERM');
    const timer = setTimeout(() => this.process.kill('SIGKILL'), graceMs);
    await this.exitPromise;
    clearTimeout(timer);
  }
}
