import { Logger } from '@nestjs/common';
import { applyLogLevel, type StartedApp } from '@switchboard/common/nest';
import { type AppConfig, ConfigError, loadConfig } from '@switchboard/config';
import { type Core, createCore } from '@switchboard/core';
import { processLoggerFor } from '@switchboard/telemetry';

/** What one process runs on top of its core: the gateway, the admin app, or both. */
export type AppsStarter = (core: Core) => Promise<StartedApp[]>;

export interface RunningProcess {
  readonly core: Core;
  readonly apps: StartedApp[];
  /** Closes the apps (in-flight requests get SHUTDOWN_GRACE_MS), then the core. Idempotent. */
  close(): Promise<void>;
}

/** Builds the core and starts the apps on it; on failure releases whatever was opened. No process handling. */
export async function startProcess(config: AppConfig, startApps: AppsStarter): Promise<RunningProcess> {
  const core = await createCore(config);
  let apps: StartedApp[];
  try {
    apps = await startApps(core);
  } catch (error) {
    await core.close().catch(() => undefined);
    throw error;
  }
  let closing: Promise<void> | undefined;
  return {
    core,
    apps,
    close: () =>
      (closing ??= (async () => {
        try {
          await Promise.all(apps.map((app) => app.close()));
        } finally {
          await core.close();
        }
      })()),
  };
}

/**
 * The entry-point shell shared by the three main.ts files: configuration (one clear line and exit 1 when
 * invalid), start-up, and graceful shutdown on SIGTERM/SIGINT (a second signal exits at once).
 */
export function runMain(name: string, startApps: AppsStarter): void {
  const logger = new Logger(name);
  let config: AppConfig;
  try {
    config = loadConfig();
    applyLogLevel(config.logLevel);
    Logger.overrideLogger(processLoggerFor(config));
  } catch (error) {
    console.error(error instanceof ConfigError ? error.message : `Invalid configuration: ${String(error)}`);
    process.exit(1);
  }
  startProcess(config, startApps).then(
    (running) => {
      logger.log(`Listening: ${running.apps.map((app) => app.boundUrl).join(', ')}`);
      let stopping = false;
      const stop = (signal: NodeJS.Signals) => {
        if (stopping) {
          logger.warn(`${signal} again: exiting now`);
          process.exit(1);
        }
        stopping = true;
        logger.log(`${signal}: shutting down`);
        running.close().then(
          () => process.exit(0),
          (error: unknown) => {
            logger.error(`Shutdown failed: ${(error as Error).message}`);
            process.exit(1);
          },
        );
      };
      process.on('SIGTERM', stop);
      process.on('SIGINT', stop);
    },
    (error: unknown) => {
      console.error(`${name} failed to start: ${(error as Error).message ?? String(error)}`);
      process.exit(1);
    },
  );
}
