import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { databasePausedDuring } from './database-pause';

/** The state letter of /proc/<pid>/stat: T while stopped. */
function state(pid: number): string {
  const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
  return stat.slice(stat.lastIndexOf(')') + 2).split(' ')[0];
}

describe('databasePausedDuring', () => {
  it("stops the process's children during the load and continues them after it", async () => {
    const child = spawn(process.execPath, ['-e', 'setInterval(() => undefined, 10)'], { stdio: 'ignore' });
    try {
      await new Promise((resolve) => child.once('spawn', resolve));
      const pid = child.pid!;
      const seen = await databasePausedDuring(process.pid)(async () => state(pid));
      expect(seen).toBe('T');
      expect(state(pid)).not.toBe('T');
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
      expect(state(child.pid!)).not.toBe('T');
    } finally {
      child.kill('SIGKILL');
    }
  });
});
