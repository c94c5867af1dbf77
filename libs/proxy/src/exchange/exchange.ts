import type { ServerResponse } from 'node:http';
import { GatewayError, GatewayErrorCode, gatewayErrorStatus } from '@switchboard/common/errors';
import type { CatalogueState } from '@switchboard/catalogue';
import { findConverter, type ConversionClock, type ResponseHooks } from '@switchboard/converters';
import { requestCost } from '../catalogue/request-cost';
import { writeGatewayError, writeJson } from '../errors/error.writer';
import { finalFailure, noInstanceError, type TriedInstance } from '../errors/final-failure';
import { shuttingDownError, streamErrorCode } from '../errors/stream-failure';
import { upstreamErrorAnswer } from '../errors/upstream-error-answer';
import type { AttemptFailure } from '../fallback/attempt-failure';
import { isFallbackTrigger } from '../fallback/fallback-policy';
import type { ClientCall } from '../intake/client-call';
import { recordError, type AttemptEntry, type RequestTrace } from '../record/request-trace';
import type { PlannedInstance, RoutePlan } from '../routing/route-plan';
import type { AbortCause } from '../upstream/classify-upstream-error';
import { UpstreamAbort } from '../upstream/upstream-abort';
import type { UpstreamClient } from '../upstream/upstream-client';
import { AttemptLedger } from './attempt-ledger';
import { CapabilitySkips } from './capability-skips';
import type { CuttableExchange, LiveExchanges } from './live-exchanges';
import { runAttempt, type AttemptInFlight, type AttemptResult, type AttemptSetup } from './attempt';
import { routeHeaders, streamHead } from './response-head';
import type { ResponseCapture } from '../responses/response-capture';
import { sentModel } from './upstream-body';
import type { StreamAttemptEnd, RequestAbort } from './stream-attempt';
import type { AttemptContext } from './upstream-attempt';

const noop = (): void => undefined;

export interface ExchangeDeps {
  readonly client: UpstreamClient;
  readonly clock: ConversionClock;
  /** The model catalogue (max_tokens, capability routing, cost); without it, none of them apply. */
  readonly catalogue?: CatalogueState;
  /** The process's exchanges in flight, for a shutdown that must end them in the client's protocol. */
  readonly live?: LiveExchanges;
}

/**
 * The fallback loop of one routed request: pick an instance, run one attempt, read its result, and either stop
 * (answered, a non-trigger failure, the client gone) or move on, until no instance is left.
 */
export class Exchange implements CuttableExchange {
  private readonly ledger: AttemptLedger;
  private readonly setup: AttemptSetup;
  private readonly capabilities: CapabilitySkips | undefined;
  private readonly catalogue: CatalogueState | undefined;
  private readonly tried: TriedInstance[] = [];
  private readonly triedIndexes = new Set<number>();
  private readonly abortState: RequestAbort = { cause: undefined };
  private inFlight: AttemptInFlight | undefined;
  private lastInstance: PlannedInstance | undefined;
  private totalTimer: NodeJS.Timeout | undefined;

  private readonly live: LiveExchanges | undefined;

  constructor(
    deps: ExchangeDeps,
    private readonly plan: RoutePlan,
    private readonly call: ClientCall,
    private readonly res: ServerResponse,
    private readonly trace: RequestTrace,
    capture?: ResponseCapture,
  ) {
    this.catalogue = deps.catalogue;
    this.live = deps.live;
    this.ledger = new AttemptLedger(trace.attempts, plan.policy, plan.breakerSettings);
    const context: AttemptContext = {
      client: deps.client,
      clock: deps.clock,
      call,
      timeout: plan.timeout,
      firstByteTimeout: plan.firstByteTimeout,
      abort: this.abortState,
      route: plan.name,
      catalogue: deps.catalogue,
    };
    this.capabilities = CapabilitySkips.forRequest(deps.catalogue, plan, call, this.ledger);
    const hooks: ResponseHooks = {
      onUsage: (usage) => (trace.usage = usage),
      onModel: (model) => (trace.upstreamModel = model),
    };
    this.setup = { context, res, ledger: this.ledger, hooks, capture };
  }

  async run(): Promise<void> {
    this.res.once('close', this.onResponseClose);
    // A write racing a client disconnect must never become an unhandled 'error' event.
    this.res.on('error', noop);
    if (this.plan.totalTimeout !== null) {
      this.totalTimer = setTimeout(() => this.abort('total'), this.plan.totalTimeout);
    }
    const liveSlot = this.live?.add(this);
    try {
      await this.tryInstances();
    } catch (error) {
      const message = `Internal gateway error: ${(error as Error)?.message ?? String(error)}`;
      this.fail(new GatewayError(GatewayErrorCode.INTERNAL, message, { cause: error }));
    } finally {
      if (liveSlot !== undefined) this.live?.delete(liveSlot);
      if (this.totalTimer !== undefined) clearTimeout(this.totalTimer);
      this.priceUsage();
      if (this.abortState.cause === 'client' && !this.res.writableFinished) {
        const closed = new GatewayError(GatewayErrorCode.CLIENT_CLOSED, 'The client closed the connection.');
        this.trace.status = gatewayErrorStatus(closed);
        this.trace.error ??= recordError(closed.code, closed.message);
      }
    }
  }

  private readonly onResponseClose = (): void => {
    if (this.res.writableFinished) return;
    this.abort('client');
  };

  shutdown(): void {
    this.abort('shutdown');
  }

  private abort(cause: AbortCause): void {
    this.abortState.cause ??= cause;
    if (cause === 'client') this.inFlight?.stream?.stop();
    this.inFlight?.controller.abort();
  }

  private async tryInstances(): Promise<void> {
    const { plan, call, abortState } = this;
    const accept =
      call.endpoint === 'count_tokens'
        ? (instance: PlannedInstance) => instance.config.protocol === 'anthropic-messages'
        : this.capabilities?.accept;
    while (this.tried.length < plan.policy.maxAttempts && abortState.cause === undefined) {
      const instance = plan.pick(this.triedIndexes, call.hashKey, accept);
      if (instance === undefined) break;
      this.triedIndexes.add(instance.index);
      this.lastInstance = instance;
      this.trace.instance = instance.name;
      this.trace.upstreamModel = sentModel(instance, call.model);
      const entry = this.ledger.begin(instance, performance.now());
      const inFlight: AttemptInFlight = { controller: new UpstreamAbort() };
      this.inFlight = inFlight;
      const head = call.stream ? streamHead(call, plan, this.ledger.count, instance) : undefined;
      const result = await runAttempt(this.setup, instance, entry, inFlight, head);
      this.inFlight = undefined;
      if (result.kind !== 'failed') {
        this.settle(result, entry);
        return;
      }
      const failure = result.failure;
      this.tried.push({ name: instance.name, failure });
      this.ledger.failed(entry, failure, gatewayCut(abortState.cause));
      if (abortState.cause === 'client') return;
      if (!isFallbackTrigger(plan.policy, failure)) {
        this.ledger.answeredWithError(entry);
        this.answerNonTrigger(instance, failure);
        return;
      }
    }
    if (abortState.cause === 'client') return;
    if (abortState.cause === 'shutdown') {
      this.fail(shuttingDownError());
      return;
    }
    this.fail(
      this.tried.length === 0
        ? (this.capabilities?.noneCapable(plan.name) ??
            noInstanceError(plan.name, call.endpoint, plan.unreadableSecrets))
        : finalFailure(this.tried, call.protocol),
    );
  }

  /** An attempt that answered (or was refused, or abandoned): record it and finish the response. */
  private settle(result: Exclude<AttemptResult, { kind: 'failed' }>, entry: AttemptEntry): void {
    const trace = this.trace;
    switch (result.kind) {
      case 'refused':
        this.ledger.refused(entry, result.error.code);
        this.fail(result.error);
        return;
      case 'payload':
        if (this.abortState.cause === 'client') {
          this.ledger.abandoned(entry, false);
          return;
        }
        this.ledger.ended(entry);
        this.ledger.succeeded(entry, 200);
        trace.firstByteAt = performance.now();
        if (writeJson(this.res, 200, result.payload, this.headers(), result.headers)) {
          trace.status = 200;
          this.setup.capture?.fromPayload(result.payload);
        }
        return;
      case 'streamed':
        trace.firstByteAt = result.committedAt;
        this.settleStream(result.end, entry);
    }
  }

  private settleStream(end: StreamAttemptEnd, entry: AttemptEntry): void {
    if (end.kind === 'abandoned') {
      this.ledger.abandoned(entry, end.committed);
      return;
    }
    this.trace.status = 200;
    if (end.kind === 'broken') {
      const atFault = end.cause === undefined || end.cause === 'first_byte';
      const code = streamErrorCode(end.error);
      this.ledger.streamBroke(entry, code, atFault);
      this.trace.error = recordError(code, (end.error as Error)?.message ?? String(end.error));
      return;
    }
    if (end.kind === 'completed') this.ledger.ended(entry);
  }

  private answerNonTrigger(instance: PlannedInstance, failure: AttemptFailure): void {
    if (failure.kind !== 'status') {
      this.fail(finalFailure(this.tried, this.call.protocol));
      return;
    }
    const upstream = instance.upstream;
    const converter =
      upstream === undefined ? undefined : findConverter(this.call.protocol, upstream.protocol);
    const answer = upstreamErrorAnswer(failure, instance.name, converter);
    if (answer instanceof GatewayError) {
      this.fail(answer);
      return;
    }
    this.trace.error = recordError(GatewayErrorCode.UPSTREAM_ERROR, answer.payload);
    this.trace.firstByteAt = performance.now();
    if (writeJson(this.res, answer.status, answer.payload, this.headers(), answer.headers)) {
      this.trace.status = answer.status;
    }
  }

  /** The cost of the usage the answering instance reported, priced by the catalogue. */
  private priceUsage(): void {
    const { catalogue, lastInstance, trace } = this;
    if (catalogue === undefined || lastInstance === undefined || trace.usage === undefined) return;
    trace.costUsd = requestCost(catalogue, lastInstance, this.call.model, trace.upstreamModel, trace.usage);
  }

  private fail(error: GatewayError): void {
    this.trace.error = recordError(error.code, error.message);
    this.trace.firstByteAt = performance.now();
    const status = writeGatewayError(this.res, this.call.protocol, error, this.headers());
    if (status !== undefined) this.trace.status = status;
  }

  private headers(): Record<string, string> {
    return routeHeaders(this.call, this.plan, this.ledger.count, this.lastInstance);
  }
}

/** The gateway itself ended the attempt (client gone, shutdown): never the instance's fault. */
function gatewayCut(cause: AbortCause | undefined): 'client' | 'shutdown' | undefined {
  return cause === 'client' || cause === 'shutdown' ? cause : undefined;
}
