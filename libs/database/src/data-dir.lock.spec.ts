import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DataDirLock } from './data-dir.lock';

describe('DataDirLock', () => {
  let directory: string;
  beforeEach(() => {
    directory = mkdtempSync(join(tmpdir(), 'sb-lock-'));
  });
  afterEach(() => rmSync(directory, { recursive: true, force: true }));

  it('is exclusive while held and free after release', () => {
    const lock = DataDirLock.acquire(directory, 'the embedded database');
    expect(readFileSync(join(directory, 'switchboard.lock'), 'utf8')).toBe(String(process.pid));
    expect(() => DataDirLock.acquire(directory, 'the embedded database')).toThrow(
      `the embedded database in ${directory} is already in use by process ${process.pid} (this process)`,
    );
    lock.release();
    expect(existsSync(join(directory, 'switchboard.lock'))).toBe(false);
    DataDirLock.acquire(directory, 'the embedded database').release();
  });

  it('takes over a lock left by a process that no longer runs', () => {
    const dead = spawnSync(process.execPath, [
      '-e',
      'process.stdout.write(String(process.pid))',
    ]).stdout.toString();
    writeFileSync(join(directory, 'switchboard.lock'), dead);
    const lock = DataDirLock.acquire(directory, 'the embedded database');
    expect(readFileSync(join(directory, 'switchboard.lock'), 'utf8')).toBe(String(process.pid));
    lock.release();
  });

  it('creates the directory when missing', () => {
    const nested = join(directory, 'a', 'b');
    DataDirLock.acquire(nested, 'the embedded database').release();
    expect(existsSync(nested)).toBe(true);
  });
});
