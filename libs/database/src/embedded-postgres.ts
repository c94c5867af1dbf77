import { setTimeout as sleep } from 'node:timers/promises';
import { Logger } from '@nestjs/common';
import { type LaunchedChild, launchChild, stopChild } from './embedded/embedded-postgres.launcher';

/**
 * A PGlite database in `directory` (or in memory), served over the PostgreSQL wire protocol on 127.0.0.1 by
 * a CHILD PROCESS that this process owns (PGlite needs hundreds of MB and CPU for its GC: kept away from the
 * data plane's heap and event loop).
 */
export interface EmbeddedPostgres {
  /** `postgres://postgres@127.0.0.1:<port>/postgres`; the same after a restart of the child. */
  readonly url: string;
  /** Process id of the child serving the database now. */
  readonly pid: number;
  /** Stops the child gracefully (PGlite closed, files flushed, DATA_DIR unlocked). Idempotent. */
  stop(): Promise<void>;
}

export interface EmbeddedPostgresOptions {
  /** Where PGlite keeps its files (`<directory>/pglite`, locked by `<directory>/switchboard.lock`); omitted → in memory (tests). */
  directory?: string;
  /** Port to listen on; 0 (default) → random. */
  port?: number;
  /** Concurrent client connections the socket server accepts (queries still run one at a time). */
  maxConnections?: number;
  /** How long the child may take to listen; default 60 s (a first start creates the database files). */
  startTimeoutMs?: number;
}

const STOP_TIMEOUT_MS = 15_000;
const RESTART_DELAYS_MS = [500, 1_000, 2_000, 4_000, 8_000];

/**
 * Forks the embedded-database child and resolves once it listens. PGlite is ONE backend: the socket server
 * multiplexes connections at the message level, so each client should use a pool of one connection
 * (createDataSource does). When the child dies unexpectedly, it is logged and, for a database in a directory,
 * restarted on the same port (so pooled clients reconnect to the same URL); meanwhile queries fail and the
 * gateway keeps serving the route table it loaded last.
 */
export async function startEmbeddedPostgres(
  options: EmbeddedPostgresOptions = {},
): Promise<EmbeddedPostgres> {
  const timeoutMs = options.startTimeoutMs ?? 60_000;
  const maxConnections = options.maxConnections ?? 16;
  const first = await launchChild(
    { directory: options.directory, port: options.port ?? 0, maxConnections },
    timeoutMs,
  );
  const port = Number(new URL(first.url).port);
  const logger = new Logger('EmbeddedDatabase');
  let current: LaunchedChild | undefined = first;
  let restarting: Promise<void> | undefined;
  let stopped: Promise<void> | undefined;
  const stopSignal = new AbortController();

  const watch = (child: LaunchedChild) =>
    child.process.once('exit', (code, signal) => {
      if (stopped || current !== child) return;
      current = undefined;
      const how = signal ?? `code ${code}`;
      if (!options.directory) {
        logger.error(`The in-memory embedded database (process ${child.process.pid}) exited (${how})`);
        return;
      }
      logger.error(
        `The embedded database process ${child.process.pid} exited unexpectedly (${how}); restarting it on port ${port}. ` +
          'Until then the gateway serves the route table it loaded last and admin calls fail.',
      );
      restarting = restart();
    });

  const restart = async () => {
    for (const delay of RESTART_DELAYS_MS) {
      await sleep(delay, undefined, { signal: stopSignal.signal }).catch(() => undefined);
      if (stopped) return;
      try {
        const child = await launchChild({ directory: options.directory, port, maxConnections }, timeoutMs);
        if (stopped) return void (await stopChild(child, STOP_TIMEOUT_MS));
        current = child;
        watch(child);
        logger.log(`The embedded database is back (process ${child.process.pid}, port ${port})`);
        return;
      } catch (error) {
        logger.error(`Restarting the embedded database failed: ${(error as Error).message}`);
      }
    }
    logger.error(
      `The embedded database stays down after ${RESTART_DELAYS_MS.length} attempts: restart Switchboard`,
    );
  };

  watch(first);
  return {
    url: first.url,
    get pid() {
      return (current ?? first).process.pid!;
    },
    stop: () =>
      (stopped ??= (async () => {
        stopSignal.abort();
        await restarting;
        if (current) await stopChild(current, STOP_TIMEOUT_MS);
      })()),
  };
}
