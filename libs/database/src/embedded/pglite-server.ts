import { join } from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { PGLiteSocketServer } from '@electric-sql/pglite-socket';

export interface PgliteServerOptions {
  /** Where PGlite keeps its files (`<directory>/pglite`); omitted → in memory. */
  directory?: string;
  /** 0 → random. */
  port: number;
  maxConnections: number;
}

export interface PgliteServer {
  /** `postgres://postgres@127.0.0.1:<port>/postgres` */
  readonly url: string;
  /** Stops accepting connections, then closes PGlite (flushes its files). */
  stop(): Promise<void>;
}

/**
 * PGlite and its wire-protocol socket server IN THIS PROCESS. Only the embedded-database child process runs
 * this (PGlite needs hundreds of MB and its own event loop); everything else calls startEmbeddedPostgres.
 */
export async function startPgliteServer(options: PgliteServerOptions): Promise<PgliteServer> {
  const db = await PGlite.create(options.directory ? join(options.directory, 'pglite') : undefined);
  try {
    const server = new PGLiteSocketServer({
      db,
      host: '127.0.0.1',
      port: options.port,
      maxConnections: options.maxConnections,
    });
    await server.start();
    return {
      url: `postgres://postgres@${server.getServerConn()}/postgres`,
      stop: async () => {
        try {
          await server.stop();
        } finally {
          await db.close();
        }
      },
    };
  } catch (error) {
    await db.close().catch(() => undefined);
    throw error;
  }
}
