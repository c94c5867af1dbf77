import { Logger, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import type { CatalogueState } from '@switchboard/catalogue';
import type { Core } from '@switchboard/core';
import type { RequestRecord, RequestRecordBus } from '@switchboard/proxy';
import type { RouteTable } from '@switchboard/routes';
import type { Subscription } from 'rxjs';
import { writeAccessLine } from './logging/access-log';
import { processLoggerFor } from './logging/pino-logger';
import type { ProcessTelemetry } from './process-telemetry';
import { newReplicaIdentity, writeHeartbeat, type ReplicaIdentity } from './replicas/replica-heartbeat';
import { RequestLogWriter } from './request-log/request-log.writer';
import { enforceRetentionExclusively } from './retention/retention.job';
import { UsageRollupAggregator } from './rollups/usage-rollup.aggregator';
import type { SqlRunner } from './sql';
import { gatewayVersion } from './version';

const RETENTION_INTERVAL_MS = 5 * 60_000;
const ERROR_LOG_INTERVAL_MS = 30_000;

/**
 * Everything that watches the data plane of one gateway app: per RequestRecord, the access line, the
 * metrics, the request-log queue and the rollup aggregate (all in memory, O(1)); on timers, the request-log
 * batches, the rollup upserts, the replica heartbeat and retention. Database trouble is logged (at most every
 * 30 s per kind) and never reaches the data plane.
 */
export class DataPlaneTelemetry implements OnApplicationBootstrap, OnApplicationShutdown {
  readonly requestLog: RequestLogWriter;
  readonly rollups: UsageRollupAggregator;
  readonly replica: ReplicaIdentity = newReplicaIdentity(gatewayVersion());
  private readonly logger = new Logger('Telemetry');
  private readonly lastErrorAt = new Map<string, number>();
  private readonly sql: SqlRunner;
  private subscription: Subscription | undefined;
  private timers: NodeJS.Timeout[] = [];
  private served = 0;

  constructor(
    private readonly core: Core,
    private readonly process: ProcessTelemetry,
    private readonly bus: RequestRecordBus,
    private readonly routes: RouteTable,
    private readonly catalogue?: CatalogueState,
  ) {
    this.sql = (text, parameters) => core.dataSource.query(text, parameters);
    this.requestLog = new RequestLogWriter(this.sql, {
      mode: core.config.requestLog,
      capacity: core.config.requestLogQueueSize,
      // At least every second (the bound); sooner when the telemetry interval is set shorter.
      flushIntervalMs: Math.min(1000, core.config.telemetryFlushIntervalMs),
      onDropped: (count) => process.metrics.requestLogDropped.inc(count),
      onError: (error) => this.warn('request-log', `request log: write failed, will retry`, error),
    });
    this.rollups = new UsageRollupAggregator(this.sql);
  }

  get requestsServed(): number {
    return this.served;
  }

  async onApplicationBootstrap(): Promise<void> {
    await this.process.acquire();
    this.process.metrics.attachDataPlane({
      routes: this.routes,
      health: this.core.instanceHealth,
      unknownModels: this.catalogue?.unknownModels,
    });
    const access = processLoggerFor(this.core.config).access;
    this.subscription = this.bus.records$.subscribe((record: RequestRecord) => {
      // A throw here would reach RxJS's unhandled-error path and kill the process: never let one escape.
      try {
        this.served++;
        writeAccessLine(access, record);
        this.process.metrics.observe(record);
        this.requestLog.enqueue(record);
        this.rollups.add(record);
      } catch (error) {
        this.warn('record', 'request record not observed', error);
      }
    });
    this.requestLog.start();
    const every = this.core.config.telemetryFlushIntervalMs;
    this.timers = [
      setInterval(() => void this.flushRollups(), every),
      setInterval(() => void this.heartbeat(), every),
      setInterval(() => void this.retention(), RETENTION_INTERVAL_MS),
    ];
    for (const timer of this.timers) timer.unref();
    void this.heartbeat();
    void this.retention();
  }

  async onApplicationShutdown(): Promise<void> {
    this.subscription?.unsubscribe();
    for (const timer of this.timers) clearInterval(timer);
    await Promise.allSettled([this.requestLog.close(), this.flushRollups()]);
    await this.sql(`DELETE FROM replicas WHERE id = $1`, [this.replica.id]).catch(() => undefined);
    await this.process.release();
  }

  /** Writes the rollups now (tests; shutdown). */
  async flushRollups(): Promise<void> {
    try {
      await this.rollups.flush();
    } catch (error) {
      this.warn('rollups', 'usage rollups: flush failed, kept for the next one', error);
    }
  }

  async heartbeat(): Promise<void> {
    try {
      await writeHeartbeat(this.sql, this.replica, {
        revision: this.routes.currentRevision(),
        requestsServed: this.served,
        breakers: this.core.instanceHealth.published(),
      });
    } catch (error) {
      this.warn('heartbeat', 'replica heartbeat failed', error);
    }
  }

  private async retention(): Promise<void> {
    try {
      await enforceRetentionExclusively(this.core.dataSource, {
        requestLogRetentionMs: this.core.config.requestLogRetentionMs,
        usageRetentionMs: this.core.config.usageRetentionMs,
      });
    } catch (error) {
      this.warn('retention', 'retention delete failed', error);
    }
  }

  private warn(kind: string, message: string, error: unknown): void {
    const now = Date.now();
    if (now - (this.lastErrorAt.get(kind) ?? 0) < ERROR_LOG_INTERVAL_MS) return;
    this.lastErrorAt.set(kind, now);
    this.logger.warn(`${message}: ${(error as Error)?.message ?? String(error)}`);
  }
}
