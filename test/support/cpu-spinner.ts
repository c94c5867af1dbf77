import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';

/** A process that spins for the milliseconds it is sent, then answers: CPU on demand, visible in /proc. */
const SPINNER = `process.on('message', (ms) => {
  const end = performance.now() + ms;
  while (performance.now() < end);
  process.send('done');
});`;

export function cpuSpinner(): ChildProcess {
  return spawn(process.execPath, ['-e', SPINNER], { stdio: ['ignore', 'ignore', 'inherit', 'ipc'] });
}

/** Makes `child` spin for `ms` of CPU; resolves when it has. */
export function spin(child: ChildProcess, ms: number): Promise<void> {
  const done = once(child, 'message').then(() => undefined);
  child.send(ms);
  return done;
}
