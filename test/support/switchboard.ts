/**
 * startSwitchboard(): both apps (gateway + admin) in THIS process, on random 127.0.0.1 ports, through the same
 * code as `npm start` (loadConfig → createCore → startBothApps).
 *
 *   const sb = await startSwitchboard();                 // fresh database, temp DATA_DIR, generated token
 *   await fetch(`${sb.adminUrl}/admin/routes`, { headers: { authorization: `Bearer ${sb.adminToken}` } });
 *   sb.core.dataSource / sb.core.routeChanges / sb.core.config
 *   await sb.close();                                    // in afterAll: apps, core, test database, temp dir
 *
 * Options:
 *   env      extra environment (e.g. { ROUTE_REFRESH_INTERVAL_MS: '100' }); wins over the defaults below.
 *            With env.DATABASE_URL, that database is used as is (not created, not dropped).
 *   dataDir  DATA_DIR to use and keep (not deleted by close()); without env.DATABASE_URL the app then runs the
 *            EMBEDDED database in it, exactly like production: start twice on one dir to test restarts.
 * Defaults: GATEWAY/ADMIN_HOST 127.0.0.1, ports 0, LOG_LEVEL warn, DATA_DIR a temp dir, ADMIN_TOKEN unset (so
 * the admin app generates DATA_DIR/admin-token; `adminToken` returns it). process.env is NOT read.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { INestApplication } from '@nestjs/common';
import { loadConfig } from '@switchboard/config';
import { type Core } from '@switchboard/core';
import { type StartedAdmin } from '../../apps/admin/src/admin.bootstrap';
import { startProcess } from '../../apps/switchboard/src/run-process';
import { startBothApps } from '../../apps/switchboard/src/switchboard.bootstrap';
import { createTestDatabase, type TestDatabase } from './database';

export interface StartSwitchboardOptions {
  env?: Record<string, string>;
  dataDir?: string;
}

export interface RunningSwitchboard {
  /** e.g. http://127.0.0.1:41234 */
  gatewayUrl: string;
  adminUrl: string;
  adminToken: string;
  core: Core;
  /** The gateway's Nest app, to reach its providers (e.g. `gatewayApp.get(RequestRecordBus)`). */
  gatewayApp: INestApplication;
  /** Data directory in use (temp unless given). */
  dataDir: string;
  close(): Promise<void>;
}

export async function startSwitchboard(options: StartSwitchboardOptions = {}): Promise<RunningSwitchboard> {
  const ownDataDir =
    options.dataDir === undefined ? mkdtempSync(join(tmpdir(), 'switchboard-test-')) : undefined;
  const dataDir = options.dataDir ?? ownDataDir!;
  const useEmbeddedInDataDir = options.dataDir !== undefined && !options.env?.DATABASE_URL;
  let database: TestDatabase | undefined;
  try {
    if (!options.env?.DATABASE_URL && !useEmbeddedInDataDir) database = await createTestDatabase();
    const env: Record<string, string> = {
      GATEWAY_HOST: '127.0.0.1',
      GATEWAY_PORT: '0',
      ADMIN_HOST: '127.0.0.1',
      ADMIN_PORT: '0',
      LOG_LEVEL: 'warn',
      METRICS_PORT: '0',
      SHUTDOWN_GRACE_MS: '1000',
      DATA_DIR: dataDir,
      ...(database ? { DATABASE_URL: database.url } : {}),
      ...(database?.embedded ? { DB_POOL_SIZE: '1' } : {}),
      ...options.env,
    };
    const running = await startProcess(loadConfig(env), startBothApps);
    const [gateway, admin] = running.apps as [StartedAdmin, StartedAdmin];
    let closing: Promise<void> | undefined;
    return {
      gatewayUrl: gateway.url,
      adminUrl: admin.url,
      adminToken: admin.adminToken,
      core: running.core,
      gatewayApp: gateway.app,
      dataDir,
      close: () => (closing ??= running.close().finally(() => cleanUp(database, ownDataDir))),
    };
  } catch (error) {
    await cleanUp(database, ownDataDir);
    throw error;
  }
}

async function cleanUp(database: TestDatabase | undefined, ownDataDir: string | undefined): Promise<void> {
  try {
    await database?.drop();
  } finally {
    if (ownDataDir) rmSync(ownDataDir, { recursive: true, force: true });
  }
}
