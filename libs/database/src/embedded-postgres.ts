import { join } from 'node:path';
import type * as PGliteModule from '@electric-sql/pglite';
import type * as PGliteSocketModule from '@electric-sql/pglite-socket';
import { DataDirLock } from './data-dir.lock';
import { nativeRequire } from './native-require';

const { PGlite } = nativeRequire<typeof PGliteModule>('@electric-sql/pglite');
const { PGLiteSocketServer } = nativeRequire<typeof PGliteSocketModule>('@electric-sql/pglite-socket');
type PGlite = PGliteModule.PGlite;

/** A PGlite database in `directory` (or in memory), served over the PostgreSQL wire protocol on 127.0.0.1. */
export interface EmbeddedPostgres {
  /** `postgres://postgres@127.0.0.1:<port>/postgres` */
  readonly url: string;
  stop(): Promise<void>;
}

export interface EmbeddedPostgresOptions {
  /** Where PGlite keeps its files; omitted → in memory (tests). */
  directory?: string;
  /** Port to listen on; 0 (default) → random. */
  port?: number;
  /** Concurrent client connections the socket server accepts (queries still run one at a time). */
  maxConnections?: number;
}

/**
 * Starts PGlite and its socket server. PGlite is ONE backend: the socket server multiplexes connections at
 * the message level, so each client should use a pool of one connection (createDataSource does).
 */
export async function startEmbeddedPostgres(
  options: EmbeddedPostgresOptions = {},
): Promise<EmbeddedPostgres> {
  const lock = options.directory
    ? DataDirLock.acquire(options.directory, 'the embedded database')
    : undefined;
  let db: PGlite | undefined;
  try {
    db = await PGlite.create(options.directory ? join(options.directory, 'pglite') : undefined);
    const server = new PGLiteSocketServer({
      db,
      host: '127.0.0.1',
      port: options.port ?? 0,
      maxConnections: options.maxConnections ?? 16,
    });
    await server.start();
    const url = `postgres://postgres@${server.getServerConn()}/postgres`;
    const pglite = db;
    let stopped: Promise<void> | undefined;
    return {
      url,
      stop: () =>
        (stopped ??= (async () => {
          try {
            await server.stop();
            await pglite.close();
          } finally {
            lock?.release();
          }
        })()),
    };
  } catch (error) {
    await db?.close().catch(() => undefined);
    lock?.release();
    throw error;
  }
}
