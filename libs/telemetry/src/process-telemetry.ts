import { Logger } from '@nestjs/common';
import type { Core } from '@switchboard/core';
import { GatewayMetrics } from './metrics/gateway-metrics';
import { startMetricsServer, type MetricsServer } from './metrics/metrics-server';

/**
 * What one process has once, whichever apps it runs: the metrics registry and its /metrics listener. Both Nest
 * apps of `npm start` share it through their common Core; the listener opens with the first app and closes
 * with the last.
 */
export class ProcessTelemetry {
  readonly metrics = new GatewayMetrics();
  private server: Promise<MetricsServer> | undefined;
  private users = 0;

  constructor(private readonly core: Core) {}

  /** The /metrics listener's URL (once an app has started it). */
  async metricsUrl(): Promise<string> {
    if (this.server === undefined) throw new Error('the metrics listener is not started');
    return (await this.server).url;
  }

  async acquire(): Promise<void> {
    this.users++;
    const { metricsHost, metricsPort } = this.core.config;
    if (this.server === undefined) {
      this.server = startMetricsServer(this.metrics.registry, metricsHost, metricsPort);
      this.server.then(
        (server) => new Logger('Metrics').log(`Prometheus metrics: ${server.url}/metrics`),
        () => undefined,
      );
    }
    try {
      await this.server;
    } catch (error) {
      this.server = undefined;
      this.users--;
      throw new Error(`metrics listener on ${metricsHost}:${metricsPort}: ${(error as Error).message}`);
    }
  }

  async release(): Promise<void> {
    if (--this.users > 0 || this.server === undefined) return;
    const server = this.server;
    this.server = undefined;
    await (await server).close();
  }
}

const byCore = new WeakMap<Core, ProcessTelemetry>();

export function processTelemetry(core: Core): ProcessTelemetry {
  let telemetry = byCore.get(core);
  if (telemetry === undefined) {
    telemetry = new ProcessTelemetry(core);
    byCore.set(core, telemetry);
  }
  return telemetry;
}
