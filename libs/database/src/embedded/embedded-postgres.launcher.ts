import { type ChildProcess, fork } from 'node:child_process';
import { join } from 'node:path';
import { type ChildMessage, type ChildStartOptions } from './embedded-postgres.messages';

/** A started embedded-database child process. */
export interface LaunchedChild {
  readonly process: ChildProcess;
  /** `postgres://postgres@127.0.0.1:<port>/postgres` */
  readonly url: string;
  /** Resolves when the child has exited, however. */
  readonly exited: Promise<void>;
}

/** The compiled child next to this file; from TypeScript sources (jest), the .ts entry through an swc hook. */
function childCommand(): { entry: string; execArgv: string[] } {
  if (__filename.endsWith('.js')) {
    return { entry: join(__dirname, 'embedded-postgres.child.js'), execArgv: [] };
  }
  return {
    entry: join(__dirname, 'embedded-postgres.child.ts'),
    execArgv: ['-r', join(__dirname, 'ts-require-hook.js')],
  };
}

/**
 * Forks the child and resolves once it listens. Rejects, with the child's own reason or the tail of its
 * stderr, when it fails, exits or is not listening within `timeoutMs`; in every rejection the child is gone.
 * The child's stderr is forwarded to ours throughout.
 */
export function launchChild(options: ChildStartOptions, timeoutMs: number): Promise<LaunchedChild> {
  const { entry, execArgv } = childCommand();
  // execArgv set explicitly: the parent's flags (--cpu-prof, --inspect…) are not the database's.
  const child = fork(entry, [JSON.stringify(options)], {
    execArgv,
    stdio: ['ignore', 'inherit', 'pipe', 'ipc'],
  });
  let stderrTail = '';
  child.stderr!.on('data', (chunk: Buffer) => {
    process.stderr.write(chunk);
    stderrTail = (stderrTail + chunk.toString()).slice(-2000);
  });
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const describe = () => `the embedded database process${child.pid ? ` ${child.pid}` : ''}`;
  const tail = () => (stderrTail.trim() ? `; its stderr: ${stderrTail.trim()}` : '');

  return new Promise((resolve, reject) => {
    let reason: string | undefined;
    const timer = setTimeout(() => {
      reason = `${describe()} did not listen within ${timeoutMs} ms${tail()}`;
      child.kill('SIGKILL');
    }, timeoutMs);
    const settle = () => {
      clearTimeout(timer);
      child.off('message', onMessage);
      child.off('exit', onExit);
      child.off('error', onError);
    };
    const onMessage = (message: ChildMessage) => {
      if (message.type === 'listening') {
        settle();
        resolve({ process: child, url: message.url, exited });
      } else if (message.type === 'failed') {
        reason = message.message;
      }
    };
    const onExit = (code: number | null, signal: NodeJS.Signals | null) => {
      settle();
      reject(
        new Error(reason ?? `${describe()} exited (${signal ?? `code ${code}`}) before listening${tail()}`),
      );
    };
    const onError = (error: Error) => {
      if (child.pid === undefined) {
        settle();
        return reject(new Error(`could not start ${describe()}: ${error.message}`));
      }
      reason ??= `could not start ${describe()}: ${error.message}`;
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
    };
    child.on('message', onMessage);
    child.on('exit', onExit);
    child.on('error', onError);
  });
}

/** Asks the child to close PGlite and exit; SIGKILL after `timeoutMs`. Resolves once it has exited. */
export async function stopChild(child: LaunchedChild, timeoutMs: number): Promise<void> {
  const running = child.process.exitCode === null && child.process.signalCode === null;
  if (!running) return;
  if (child.process.connected) child.process.send({ type: 'stop' });
  else child.process.kill('SIGTERM');
  const timer = setTimeout(() => child.process.kill('SIGKILL'), timeoutMs);
  try {
    await child.exited;
  } finally {
    clearTimeout(timer);
  }
}
