import type { UnknownModelCounter } from '@switchboard/catalogue';
import type { InstanceHealthRegistry } from '@switchboard/proxy/health/instance-health.registry';
import type { AttemptRecord, RequestRecord } from '@switchboard/proxy';
import type { RouteTable } from '@switchboard/routes';
import { Counter, Gauge, Registry, collectDefaultMetrics } from 'prom-client';
import { DURATION_BUCKETS_S, TOKEN_BUCKETS, TTFT_BUCKETS_S } from './buckets';
import { RouteFacts, otelProviderName } from './route-facts';
import { SummedCounter, SummedHistogram } from './summed-metrics';

const BREAKER_STATE = { closed: 0, half_open: 1, open: 2 } as const;
const NO_ROUTE = 'none';
/** In a series key: the label is not in the series (no label value is this). */
const ABSENT = '\u0001';

/** What the breaker and revision gauges read at scrape time (only a process that serves has them). */
export interface DataPlaneSources {
  routes: RouteTable;
  health: InstanceHealthRegistry;
  /** Attempts whose upstream model the catalogue does not know (the data plane counts them). */
  unknownModels?: UnknownModelCounter;
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

  // The per-request series are summed in plain Maps and handed to the registry at scrape time (summed-metrics.ts).
  private readonly requestDuration = new SummedHistogram(
    'gen_ai_server_request_duration_seconds',
    'Client requests through the gateway, arrival to the response end (OTel gen_ai.server.request.duration).',
    DURATION_BUCKETS_S,
    this.registry,
  );
  private readonly timeToFirstToken = new SummedHistogram(
    'gen_ai_server_time_to_first_token_seconds',
    'Successful streams: arrival to the first byte sent (OTel gen_ai.server.time_to_first_token).',
    TTFT_BUCKETS_S,
    this.registry,
  );
  private readonly operationDuration = new SummedHistogram(
    'gen_ai_client_operation_duration_seconds',
    'Each upstream attempt (OTel gen_ai.client.operation.duration).',
    DURATION_BUCKETS_S,
    this.registry,
  );
  private readonly tokenUsage = new SummedHistogram(
    'gen_ai_client_token_usage',
    'Tokens per request by type (OTel gen_ai.client.token.usage).',
    TOKEN_BUCKETS,
    this.registry,
  );
  private readonly requests = new SummedCounter(
    'switchboard_requests_total',
    'Data-plane requests by route, client protocol and status code sent.',
    this.registry,
  );
  private readonly attempts = new SummedCounter(
    'switchboard_upstream_attempts_total',
    'Upstream attempts by route, instance and outcome.',
    this.registry,
  );
  private readonly fallbacks = new SummedCounter(
    'switchboard_fallbacks_total',
    'Upstream attempts after the first of a request.',
    this.registry,
  );
  private readonly cost = new SummedCounter(
    'switchboard_cost_usd_total',
    'USD of priced requests (model catalogue prices) by route, instance, requested model and consumer key.',
    this.registry,
  );
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
    new Counter({
      name: 'switchboard_catalogue_unknown_model_total',
      help: 'Upstream attempts whose model is not in the model catalogue, by route and instance.',
      labelNames: ['route', 'instance'],
      registers: [this.registry],
      collect() {
        this.reset();
        for (const sample of sources()?.unknownModels?.snapshot() ?? [])
          this.inc(sample.labels, sample.value);
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
    const protocol = record.client_protocol;
    const requestsKey = `${route}\0${protocol}\0${record.status}`;
    if (!this.requests.add(requestsKey)) {
      this.requests.start(requestsKey, {
        route,
        client_protocol: protocol,
        status_code: String(record.status),
      });
    }
    let sent = 0;
    for (const attempt of record.attempts) {
      const key = `${route}\0${attempt.instance}\0${attempt.outcome}`;
      if (!this.attempts.add(key)) {
        this.attempts.start(key, { route, instance: attempt.instance, outcome: attempt.outcome });
      }
      if (attempt.outcome !== 'skipped') sent++;
    }
    if (sent > 1) this.fallbacks.inc(route, { route }, sent - 1);
    if (record.cost_usd !== null) {
      const instance = record.instance ?? NO_ROUTE;
      const model = this.facts.modelLabel(record.model);
      const key = record.key?.id ?? NO_ROUTE;
      const costKey = `${route}\0${instance}\0${model}\0${key}`;
      if (!this.cost.add(costKey, record.cost_usd)) {
        this.cost.start(costKey, { route, instance, model, key }, record.cost_usd);
      }
    }
    if (record.endpoint === 'count_tokens') return;
    this.observeGenAi(record, route);
  }

  private observeGenAi(record: RequestRecord, route: string): void {
    const facts = this.facts;
    const requestModel = facts.modelLabel(record.model);
    const answering = record.attempts.length > 0 ? record.attempts[record.attempts.length - 1] : undefined;
    const provider = answering === undefined ? '_OTHER' : otelProviderName(answering.provider);
    const instance = record.instance ?? NO_ROUTE;
    const responseModel =
      record.upstream_model === null ? undefined : facts.modelLabel(record.upstream_model);
    // A series key names every label value in the labels' order; ABSENT marks a label the series does not have.
    // Label objects are built only for a series' first observation.
    const key = `${provider}\0${requestModel}\0${route}\0${instance}\0${responseModel ?? ABSENT}`;
    let labels: Record<string, string> | undefined;
    const genAiLabels = (): Record<string, string> => {
      if (labels !== undefined) return labels;
      labels = {
        gen_ai_operation_name: 'chat',
        gen_ai_provider_name: provider,
        gen_ai_request_model: requestModel,
        route,
        instance,
      };
      if (responseModel !== undefined) labels.gen_ai_response_model = responseModel;
      return labels;
    };
    const failed = record.error !== null || record.status >= 400;
    const durationS = record.duration_ms / 1000;
    if (failed) {
      const error = errorType(record);
      const failedKey = `${key}\0${error}`;
      if (!this.requestDuration.observe(failedKey, durationS)) {
        this.requestDuration.start(failedKey, { ...genAiLabels(), error_type: error }, durationS);
      }
    } else if (!this.requestDuration.observe(key, durationS)) {
      this.requestDuration.start(key, genAiLabels(), durationS);
    }
    if (!failed && record.stream && record.ttfb_ms !== null) {
      const ttftS = record.ttfb_ms / 1000;
      if (!this.timeToFirstToken.observe(key, ttftS)) this.timeToFirstToken.start(key, genAiLabels(), ttftS);
    }
    const usage = record.usage;
    if (usage !== null) {
      const inputKey = `${key}\0input`;
      if (!this.tokenUsage.observe(inputKey, usage.input)) {
        this.tokenUsage.start(inputKey, { ...genAiLabels(), gen_ai_token_type: 'input' }, usage.input);
      }
      const outputKey = `${key}\0output`;
      if (!this.tokenUsage.observe(outputKey, usage.output)) {
        this.tokenUsage.start(outputKey, { ...genAiLabels(), gen_ai_token_type: 'output' }, usage.output);
      }
    }
    for (const attempt of record.attempts) {
      if (attempt.outcome === 'skipped') continue;
      this.observeAttempt(record, attempt, requestModel, route, responseModel);
    }
  }

  private observeAttempt(
    record: RequestRecord,
    attempt: AttemptRecord,
    requestModel: string,
    route: string,
    responseModel: string | undefined,
  ): void {
    const provider = otelProviderName(attempt.provider);
    const serverAddress = this.facts.serverAddress(record.route_id, attempt.instance);
    const success = attempt.outcome === 'success';
    const errorType = success ? undefined : (attempt.error_code ?? attempt.outcome);
    const extra =
      errorType !== undefined
        ? `error\0${errorType}`
        : responseModel !== undefined
          ? `model\0${responseModel}`
          : ABSENT;
    const key = `${provider}\0${requestModel}\0${route}\0${attempt.instance}\0${serverAddress}\0${extra}`;
    const durationS = attempt.duration_ms / 1000;
    if (this.operationDuration.observe(key, durationS)) return;
    const labels: Record<string, string> = {
      gen_ai_operation_name: 'chat',
      gen_ai_provider_name: provider,
      gen_ai_request_model: requestModel,
      route,
      instance: attempt.instance,
      server_address: serverAddress,
    };
    if (errorType !== undefined) labels.error_type = errorType;
    else if (responseModel !== undefined) labels.gen_ai_response_model = responseModel;
    this.operationDuration.start(key, labels, durationS);
  }
}

/** OTel `error.type`: the gateway error code, else the status code. */
function errorType(record: RequestRecord): string {
  return record.error?.code ?? String(record.status);
}
