/**
 * Entry of the embedded-database child process, forked by startEmbeddedPostgres with its options as the one
 * argument. It locks DATA_DIR, serves PGlite on 127.0.0.1 and reports the URL over IPC. The parent owns its
 * lifetime: it stops on the parent's `stop` message or when the IPC channel closes (the parent exited or was
 * killed), always closing PGlite cleanly and releasing the lock, so no orphan keeps DATA_DIR.
 */
import { DataDirLock } from '../data-dir.lock';
import { type ChildMessage, type ChildStartOptions, type ParentMessage } from './embedded-postgres.messages';
import { type PgliteServer, startPgliteServer } from './pglite-server';

/** After a SIGTERM (e.g. sent to the whole service group), give the parent this long to stop us itself. */
const SIGTERM_GRACE_MS = 5_000;

let lock: DataDirLock | undefined;
let server: PgliteServer | undefined;
let starting: Promise<unknown> = Promise.resolve();
let stopping: Promise<void> | undefined;

function send(message: ChildMessage): Promise<void> {
  return new Promise((resolve) => {
    if (!process.connected) return resolve();
    process.send!(message, undefined, {}, () => resolve());
  });
}

function shutdown(code: number): Promise<void> {
  return (stopping ??= (async () => {
    try {
      // Never exit while PGlite is still creating its files: a half-initialised DATA_DIR would not open again.
      await starting.catch(() => undefined);
      await server?.stop();
    } catch (error) {
      console.error(`embedded database: closing PGlite failed: ${(error as Error).message}`);
      code = 1;
    } finally {
      lock?.release();
    }
    process.exit(code);
  })());
}

async function main(): Promise<void> {
  if (!process.send) {
    console.error(
      'embedded database: this entry is started by startEmbeddedPostgres (it needs an IPC channel)',
    );
    process.exit(2);
  }
  process.title = 'switchboard-embedded-postgres';
  // The parent may be gone (SIGKILL) while we still write: never let an EPIPE kill us before PGlite is closed.
  process.stdout.on('error', () => undefined);
  process.stderr.on('error', () => undefined);
  process.on('disconnect', () => void shutdown(0));
  process.on('message', (message: ParentMessage) => {
    if (message?.type === 'stop') void shutdown(0);
  });
  // Ctrl-C reaches the whole terminal process group: the parent drains its requests, then stops us.
  process.on('SIGINT', () => undefined);
  process.on('SIGTERM', () => {
    if (!process.connected) return void shutdown(0);
    setTimeout(() => void shutdown(0), SIGTERM_GRACE_MS).unref();
  });

  const options = JSON.parse(process.argv[2] ?? '{}') as ChildStartOptions;
  try {
    if (options.directory) lock = DataDirLock.acquire(options.directory, 'the embedded database');
    const start = startPgliteServer(options);
    starting = start;
    server = await start;
  } catch (error) {
    lock?.release();
    await send({ type: 'failed', message: (error as Error).message ?? String(error) });
    process.exit(1);
  }
  if (!process.connected || stopping) return void shutdown(0);
  await send({ type: 'listening', url: server.url });
}

void main();
