import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { databasePausedDuring } from './database-pause';

/** The state letter of /proc/<pid>/stat: T while stopped. */
function state(pid: number): string {
  const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
  return stat.slice(stat.lastIndexOf(')') + 2).split(' ')[0];
}

/** Signals are delivered asynchronously: waits (up to a second) until the state is or is not T. */
async function settledState(pid: number, stopped: boolean): Promise<string> {
  for (let tries = 0; tries < 100; tries++) {
    const current = state(pid);
    if ((current === 'T') === stopped) return current;
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
  return state(pid);
}

describe('databasePausedDuring', () => {
  it("stops the process's children during the load and continues them after it", async () => {
    const child = spawn(process.execPath, ['-e', 'setInterval(() => undefined, 10)'], { stdio: 'ignore' });
    try {
      await new Promise((resolve) => child.once('spawn', resolve));
      const pid = child.pid!;
      const seen = await databasePausedDuring(process.pid)(() => settledState(pid, true));
      expect(seen).toBe('T');
      expect(await settledState(pid, false)).not.toBe('T');
    } finally {
      child.kill('SIGKILL');
    }
  });

  it('continues them when the load fails', async () => {
    const child = spawn(process.execPath, ['-e', 'setInterval(() => undefined, 10)'], { stdio: 'ignore' });
    try {
      await new Promise((resolve) => child.once('spawn', resolve));
      await expect(
        databasePausedDuring(process.pid)(() => Promise.reject(new Error('load failed'))),
      ).rejects.toThrow('load failed');
      expect(await settledState(child.pid!, false)).not.toBe('T');
    } finally {
      child.kill('SIGKILL');
    }
  });
});
