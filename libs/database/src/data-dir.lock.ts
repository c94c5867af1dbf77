import { closeSync, mkdirSync, openSync, readFileSync, rmSync, writeSync } from 'node:fs';
import { join } from 'node:path';

/**
 * An exclusive, PID-stamped lock on a data directory. PGlite has no postmaster lock of its own, so two
 * processes opening the same directory would corrupt it: the second one must fail instead. A lock left by a
 * dead process (crash, kill -9) is taken over.
 */
export class DataDirLock {
  private constructor(private readonly path: string) {}

  static acquire(directory: string, purpose: string): DataDirLock {
    mkdirSync(directory, { recursive: true });
    const path = join(directory, 'switchboard.lock');
    for (let attempt = 0; attempt < 2; attempt++) {
      try {
        const fd = openSync(path, 'wx', 0o600);
        writeSync(fd, String(process.pid));
        closeSync(fd);
        return new DataDirLock(path);
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
        const owner = Number.parseInt(readFileSync(path, 'utf8'), 10);
        if (Number.isInteger(owner) && isAlive(owner)) {
          throw new Error(
            `${purpose} in ${directory} is already in use by process ${owner}${owner === process.pid ? ' (this process)' : ''}; ` +
              'stop it first, or set DATABASE_URL to share one PostgreSQL between processes',
          );
        }
        rmSync(path, { force: true });
      }
    }
    throw new Error(`could not lock ${directory}`);
  }

  release(): void {
    rmSync(this.path, { force: true });
  }
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}
