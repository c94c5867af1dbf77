import type { InstanceHealthRegistry } from '@switchboard/proxy/health/instance-health.registry';
import type { RequestRecord } from '@switchboard/proxy';
import type { RouteTable } from '@switchboard/routes';
import { Counter, Gauge, Histogram, Registry, collectDefaultMetrics } from 'prom-client';
import { DURATION_BUCKETS_S, TOKEN_BUCKETS, TTFT_BUCKETS_S } from './buckets';
import { RouteFacts, otelProviderName } from './route-facts';

const GENAI_LABELS = [
  'gen_ai_operation_name',
  'gen_ai_provider_name',
  'gen_ai_request_model',
  'gen_ai_response_model',
  'route',
  'instance',
] as const;

const BREAKER_STATE = { closed: 0, half_open: 1, open: 2 } as const;
const NO_ROUTE = 'none';

/** What the breaker and revision gauges read at scrape time (only a process that serves has them). */
export interface DataPlaneSources {
  routes: RouteTable;
  health: InstanceHealthRegistry;
}

/**
 * The process's Prometheus registry: OpenTelemetry GenAI histograms (names as the OTel→Prometheus mapping
 * renders them), the gateway's own counters and gauges, and prom-client's process/Node metrics. Labels only
 * take values from the route table, fixed enums or status codes: cardinality stays bounded.
 */
export class GatewayMetrics {
  readonly registry = new Registry();
  private facts = new RouteFacts(undefined);
  private sources: DataPlaneSources | undefined;

  private readonly requestDuration = new Histogram({
    name: 'gen_ai_server_request_duration_seconds',
    help: 'Client requests through the gateway, arrival to the response end (OTel gen_ai.server.request.duration).',
    labelNames: [...GENAI_LABELS, 'error_type'],
    buckets: [...DURATION_BUCKETS_S],
    registers: [this.registry],
  });
  private readonly timeToFirstToken = new Histogram({
    name: 'gen_ai_server_time_to_first_token_seconds',
    help: 'Successful streams: arrival to the first byte sent (OTel gen_ai.server.time_to_first_token).',
    labelNames: [...GENAI_LABELS],
    buckets: [...TTFT_BUCKETS_S],
    registers: [this.registry],
  });
  private readonly operationDuration = new Histogram({
    name: 'gen_ai_client_operation_duration_seconds',
    help: 'Each upstream attempt (OTel gen_ai.client.operation.duration).',
    labelNames: [...GENAI_LABELS, 'error_type', 'server_address'],
    buckets: [...DURATION_BUCKETS_S],
    registers: [this.registry],
  });
  private readonly tokenUsage = new Histogram({
    name: 'gen_ai_client_token_usage',
    help: 'Tokens per request by type (OTel gen_ai.client.token.usage).',
    labelNames: [...GENAI_LABELS, 'gen_ai_token_type'],
    buckets: [...TOKEN_BUCKETS],
    registers: [this.registry],
  });
  private readonly requests = new Counter({
    name: 'switchboard_requests_total',
    help: 'Data-plane requests by route, client protocol and status code sent.',
    labelNames: ['route', 'client_protocol', 'status_code'],
    registers: [this.registry],
  });
  private readonly attempts = new Counter({
    name: 'switchboard_upstream_attempts_total',
    help: 'Upstream attempts by route, instance and outcome.',
    labelNames: ['route', 'instance', 'outcome'],
    registers: [this.registry],
  });
  private readonly fallbacks = new Counter({
    name: 'switchboard_fallbacks_total',
    help: 'Upstream attempts after the first of a request.',
    labelNames: ['route'],
    registers: [this.registry],
  });
  readonly requestLogDropped = new Counter({
    name: 'switchboard_request_log_dropped_total',
    help: 'Request-log records dropped because the queue was full (database slow or down).',
    registers: [this.registry],
  });

  constructor() {
    collectDefaultMetrics({ register: this.registry });
    const sources = (): DataPlaneSources | undefined => this.sources;
    new Gauge({
      name: 'switchboard_circuit_breaker_state',
      help: 'Circuit breaker per route and instance: 0 closed, 1 half-open, 2 open.',
      labelNames: ['route', 'instance'],
      registers: [this.registry],
      collect() {
        this.reset();
        const plane = sources();
        if (plane === undefined) return;
        for (const route of plane.routes.all()) {
          const names = route.instances.map((instance) => instance.name);
          for (const view of plane.health.report(route.id, names)) {
            this.set({ route: route.name, instance: view.name }, BREAKER_STATE[view.state]);
          }
        }
      },
    });
    new Gauge({
      name: 'switchboard_route_table_revision',
      help: 'Revision of the route table this process serves (-1 before the first load).',
      registers: [this.registry],
      collect() {
        const plane = sources();
        if (plane !== undefined) this.set(plane.routes.currentRevision());
      },
    });
  }

  /** Called by the gateway app once its RouteTable exists. */
  attachDataPlane(sources: DataPlaneSources): void {
    this.sources = sources;
    this.facts = new RouteFacts(sources.routes);
  }

  observe(record: RequestRecord): void {
    const route = record.route ?? NO_ROUTE;
    this.requests.inc({
      route,
      client_protocol: record.client_protocol,
      status_code: String(record.status),
    });
    let sent = 0;
    for (const attempt of record.attempts) {
      this.attempts.inc({ route, instance: attempt.instance, outcome: attempt.outcome });
      if (attempt.outcome !== 'skipped') sent++;
    }
    if (sent > 1) this.fallbacks.inc({ route }, sent - 1);
    if (record.endpoint === 'count_tokens') return;
    this.observeGenAi(record, route);
  }

  private observeGenAi(record: RequestRecord, route: string): void {
    const facts = this.facts;
    const requestModel = facts.modelLabel(record.model);
    const answering = record.attempts.length > 0 ? record.attempts[record.attempts.length - 1] : undefined;
    const labels: Record<string, string> = {
      gen_ai_operation_name: 'chat',
      gen_ai_provider_name: answering === undefined ? '_OTHER' : otelProviderName(answering.provider),
      gen_ai_request_model: requestModel,
      route,
      instance: record.instance ?? NO_ROUTE,
    };
    if (record.upstream_model !== null)
      labels.gen_ai_response_model = facts.modelLabel(record.upstream_model);
    const failed = record.error !== null || record.status >= 400;
    this.requestDuration.observe(
      failed ? { ...labels, error_type: errorType(record) } : labels,
      record.duration_ms / 1000,
    );
    if (!failed && record.stream && record.ttfb_ms !== null) {
      this.timeToFirstToken.observe(labels, record.ttfb_ms / 1000);
    }
    if (record.usage !== null) {
      this.tokenUsage.observe({ ...labels, gen_ai_token_type: 'input' }, record.usage.input);
      this.tokenUsage.observe({ ...labels, gen_ai_token_type: 'output' }, record.usage.output);
    }
    for (const attempt of record.attempts) {
      if (attempt.outcome === 'skipped') continue;
      const attemptLabels: Record<string, string> = {
        gen_ai_operation_name: 'chat',
        gen_ai_provider_name: otelProviderName(attempt.provider),
        gen_ai_request_model: requestModel,
        route,
        instance: attempt.instance,
        server_address: facts.serverAddress(record.route_id, attempt.instance),
      };
      if (attempt.outcome === 'success') {
        if (labels.gen_ai_response_model !== undefined) {
          attemptLabels.gen_ai_response_model = labels.gen_ai_response_model;
        }
      } else {
        attemptLabels.error_type = attempt.error_code ?? attempt.outcome;
      }
      this.operationDuration.observe(attemptLabels, attempt.duration_ms / 1000);
    }
  }
}

/** OTel `error.type`: the gateway error code, else the status code. */
function errorType(record: RequestRecord): string {
  return record.error?.code ?? String(record.status);
}
