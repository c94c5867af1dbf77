import type { ServerResponse } from 'node:http';
import type { Readable } from 'node:stream';
import { GatewayError, GatewayErrorCode, isGatewayError } from '@switchboard/common/errors';
import {
  droppedToolsOf,
  findConverter,
  type ConversionClock,
  type ConversionMemo,
  type Converter,
  type ResponseHooks,
  type TokenUsage,
} from '@switchboard/converters';
import { buildUpstreamHeaders } from '@switchboard/providers';
import type { Protocol } from '@switchboard/protocols';
import type { AttemptFailure } from '../fallback/attempt-failure';
import { countsAsInstanceFailure, isFallbackTrigger } from '../fallback/fallback-policy';
import { finalFailure, type TriedInstance } from '../fallback/final-failure';
import { gatewayErrorBody } from '../http/error-response';
import type { PlannedInstance, RoutePlan } from '../routing/route-plan';
import { classifyUpstreamError, type AbortCause } from '../upstream/classify-upstream-error';
import { readStream } from '../upstream/read-stream';
import { UpstreamAbort } from '../upstream/upstream-abort';
import type { UpstreamClient } from '../upstream/upstream-client';
import type { UsageAttempt, UsageRecord } from '../usage/usage-record';
import type { UsageStream } from '../usage/usage.stream';
import type { ClientCall } from './client-call';
import { countTokensBody, upstreamBody } from './upstream-body';
import { statusForStreamErrorType } from './stream-error-events';
import { StreamRelay } from './stream-relay';
import { outcomeOf } from '../fallback/attempt-outcome';
import { parseMaybeJson } from '../upstream/parse-maybe-json';

const ERROR_BODY_LIMIT = 1 << 20;
const noop = (): void => undefined;

export interface ExchangeDeps {
  readonly client: UpstreamClient;
  readonly usage: UsageStream;
  readonly clock: ConversionClock;
}

/** Settles one attempt: undefined when a response was written, else why the instance failed. */
type AttemptResult = AttemptFailure | undefined;

/**
 * One client request through a route: pick an instance, convert, send, and either relay the answer (JSON or
 * SSE) or fall back to the next instance, until one answers, a non-trigger status ends it, or none is left.
 */
export class ProxyExchange {
  private readonly tried: TriedInstance[] = [];
  private readonly triedIndexes = new Set<number>();
  private readonly attempts: UsageAttempt[] = [];
  private lastInstance: PlannedInstance | undefined;
  /** Built-in tools the last conversion removed (Responses clients), sent as `x-switchboard-dropped-tools`. */
  private droppedTools: string[] = [];
  private converter: Converter | undefined;
  private controller: UpstreamAbort | undefined;
  /** Request-wide: the total deadline passed, or the client went away. */
  private abortCause: AbortCause | undefined;
  /** Attempt-wide: the first-byte deadline passed while waiting for a stream's first chunk. */
  private attemptAbortCause: AbortCause | undefined;
  private totalTimer: NodeJS.Timeout | undefined;
  private relay: StreamRelay | undefined;
  private settleStream: (() => void) | undefined;
  private committed = false;
  private status = 0;
  private streamError: string | undefined;
  private tokenUsage: TokenUsage | undefined;
  private firstTokenAt: number | undefined;
  private readonly hooks: ResponseHooks = {
    onUsage: (usage) => (this.tokenUsage = usage),
    onFirstToken: () => (this.firstTokenAt ??= performance.now()),
  };

  constructor(
    private readonly deps: ExchangeDeps,
    private readonly plan: RoutePlan,
    private readonly call: ClientCall,
    private readonly res: ServerResponse,
  ) {}

  async run(): Promise<void> {
    this.res.once('close', this.onResponseClose);
    // A write racing a client disconnect must never become an unhandled 'error' event.
    this.res.on('error', noop);
    if (this.plan.totalTimeout !== null) {
      this.totalTimer = setTimeout(() => this.abort('total'), this.plan.totalTimeout);
    }
    try {
      await this.tryInstances();
    } catch (error) {
      this.writeGatewayError(500, `Internal gateway error: ${(error as Error)?.message ?? String(error)}`);
    } finally {
      if (this.totalTimer !== undefined) clearTimeout(this.totalTimer);
      if (this.deps.usage.observed) this.deps.usage.publish(this.usageRecord());
    }
  }

  private readonly onResponseClose = (): void => {
    if (this.res.writableFinished) return;
    this.abort('client');
  };

  private abort(cause: AbortCause): void {
    if (this.abortCause === undefined) this.abortCause = cause;
    if (cause === 'client') {
      this.relay?.stop();
      this.settleStream?.();
    }
    this.controller?.abort();
  }

  private async tryInstances(): Promise<void> {
    const plan = this.plan;
    const accept =
      this.call.endpoint === 'count_tokens'
        ? (instance: PlannedInstance) => instance.config.protocol === 'anthropic-messages'
        : undefined;
    while (this.tried.length < plan.policy.maxAttempts && this.abortCause === undefined) {
      const instance = plan.pick(this.triedIndexes, this.call.hashKey, accept);
      if (instance === undefined) break;
      this.triedIndexes.add(instance.index);
      this.lastInstance = instance;
      const attemptStart = performance.now();
      const failure = await this.attempt(instance, attemptStart);
      if (failure === undefined) return;
      this.tried.push({ name: instance.name, failure });
      this.recordFailure(instance, failure, attemptStart);
      if (this.abortCause === 'client') return;
      if (!isFallbackTrigger(plan.policy, failure)) {
        this.writeNonTrigger(instance, failure);
        return;
      }
    }
    if (this.abortCause === 'client') return;
    if (this.tried.length === 0) {
      if (this.call.endpoint === 'count_tokens') {
        this.writeGatewayError(
          400,
          `Route '${plan.name}' has no anthropic-messages instance to count tokens with.`,
        );
      } else {
        this.writeGatewayError(503, `Route '${plan.name}' has no instance that can take traffic.`);
      }
      return;
    }
    const final = finalFailure(this.tried, this.call.protocol);
    this.writeGatewayError(
      final.status,
      final.message,
      final.retryAfter === undefined ? undefined : { 'retry-after': final.retryAfter },
    );
  }

  private async attempt(instance: PlannedInstance, attemptStart: number): Promise<AttemptResult> {
    const upstream = instance.upstream;
    if (upstream === undefined) {
      return { kind: 'misconfigured', message: instance.compileError ?? 'instance is misconfigured' };
    }
    const call = this.call;
    const isCount = call.endpoint === 'count_tokens';
    let memo: ConversionMemo = {};
    let body: string;
    try {
      const converter = findConverter(call.protocol, upstream.protocol);
      this.converter = converter;
      if (isCount) {
        body = countTokensBody(call.body, instance);
      } else {
        const converted = converter.convertRequest(call.body, instance.target, this.deps.clock);
        memo = converted.memo;
        this.droppedTools = droppedToolsOf(memo);
        body = upstreamBody(converted.body, instance);
      }
    } catch (error) {
      return this.conversionFailure(instance, error);
    }

    const controller = new UpstreamAbort();
    this.controller = controller;
    this.attemptAbortCause = undefined;
    const path = isCount ? upstream.endpoint.countTokensPath : upstream.endpoint.path;
    if (path === undefined) return { kind: 'misconfigured', message: 'endpoint has no /messages path' };

    let status: number;
    let responseBody: Readable;
    let retryAfter: string | string[] | undefined;
    try {
      const response = await this.deps.client.send({
        origin: upstream.endpoint.origin,
        path,
        headers: buildUpstreamHeaders(upstream.headers, {
          clientProtocol: call.protocol,
          requestId: call.requestId,
          stream: call.stream && !isCount,
          anthropicVersion: call.anthropicVersion,
          anthropicBeta: call.anthropicBeta,
        }),
        body,
        signal: controller,
        timeout: this.plan.timeout,
        headersTimeout: this.plan.firstByteTimeout,
      });
      status = response.status;
      responseBody = response.body;
      retryAfter = response.headers['retry-after'];
    } catch (error) {
      return classifyUpstreamError(error, this.abortCause ?? this.attemptAbortCause);
    }
    // An abort after the handlers are gone must not surface as an unhandled 'error' event.
    responseBody.on('error', noop);

    if (status < 200 || status >= 300) {
      let raw: Buffer | undefined;
      try {
        raw = await readStream(responseBody, ERROR_BODY_LIMIT);
      } catch {
        responseBody.destroy();
      }
      return {
        kind: 'status',
        status,
        body: parseMaybeJson(raw),
        retryAfter: Array.isArray(retryAfter) ? retryAfter[0] : retryAfter,
      };
    }
    if (!call.stream || isCount) return this.relayJson(instance, responseBody, memo, attemptStart);
    return this.relayStream(instance, responseBody, memo, attemptStart);
  }

  private conversionFailure(instance: PlannedInstance, error: unknown): AttemptResult {
    if (
      isGatewayError(error) &&
      (error.code === GatewayErrorCode.INVALID_REQUEST ||
        error.code === GatewayErrorCode.UNSUPPORTED_CONVERSION)
    ) {
      // The client's request cannot be expressed for this instance: the client's fault, no fallback.
      this.lastInstance = instance;
      instance.breaker.release();
      this.attempts.push({ instance: instance.name, outcome: 'upstream_error', latency_ms: 0 });
      this.writeGatewayError(400, error.message);
      return undefined;
    }
    return { kind: 'misconfigured', message: `request conversion failed: ${(error as Error)?.message}` };
  }

  private async relayJson(
    instance: PlannedInstance,
    responseBody: Readable,
    memo: ConversionMemo,
    attemptStart: number,
  ): Promise<AttemptResult> {
    let raw: Buffer;
    try {
      raw = await readStream(responseBody);
    } catch (error) {
      return classifyUpstreamError(error, this.abortCause ?? this.attemptAbortCause);
    }
    let parsed: unknown;
    try {
      parsed = JSON.parse(raw.toString('utf8'));
    } catch {
      return { kind: 'network', reason: 'other', message: 'upstream answered invalid JSON' };
    }
    const converter = this.converter!;
    let payload: string | Buffer;
    try {
      if (this.call.endpoint === 'count_tokens') {
        payload = raw;
      } else {
        const converted = converter.convertResponse(parsed, memo, this.deps.clock, this.hooks);
        // Passthrough returns the body untouched: send the upstream bytes instead of re-serialising them.
        payload = converter.passthrough === true && converted === parsed ? raw : JSON.stringify(converted);
      }
    } catch (error) {
      return {
        kind: 'network',
        reason: 'other',
        message: `upstream response not convertible: ${(error as Error)?.message}`,
      };
    }
    if (this.abortCause === 'client') return undefined;
    this.firstTokenAt ??= performance.now();
    this.succeeded(instance, attemptStart);
    this.writeJson(200, payload);
    return undefined;
  }

  private relayStream(
    instance: PlannedInstance,
    responseBody: Readable,
    memo: ConversionMemo,
    attemptStart: number,
  ): Promise<AttemptResult> {
    const converter = this.converter!;
    return new Promise<AttemptResult>((resolve) => {
      let settled = false;
      const remaining = Math.max(1, this.plan.firstByteTimeout - (performance.now() - attemptStart));
      const firstByteTimer = setTimeout(() => {
        this.attemptAbortCause = 'first_byte';
        this.controller?.abort();
      }, remaining);

      const settle = (result: AttemptResult): void => {
        if (settled) return;
        settled = true;
        clearTimeout(firstByteTimer);
        this.settleStream = undefined;
        resolve(result);
      };
      this.settleStream = () => {
        if (!this.committed) instance.breaker.release();
        settle(undefined);
      };

      const relay = new StreamRelay(
        this.res,
        responseBody,
        this.call.protocol,
        converter.convertStream(memo, this.deps.clock, this.hooks),
        {
          firstByte: () => clearTimeout(firstByteTimer),
          sourceError: (error) => this.streamSourceError(error),
          commit: () => this.commitStream(instance, attemptStart),
          // Nothing reached the client yet: this instance failed, the next one may answer.
          failedBeforeCommit: (error) => settle(this.preCommitFailure(error)),
          failedAfterCommit: (error) => this.streamFailedAfterCommit(instance, error),
          ended: () => settle(undefined),
        },
      );
      this.relay = relay;
      relay.start();
    });
  }

  private streamFailedAfterCommit(instance: PlannedInstance, error: unknown): void {
    this.streamError = isGatewayError(error) ? error.message : String(error);
    this.attempts[this.attempts.length - 1].outcome =
      this.abortCause === 'client' ? 'client_aborted' : 'stream_error';
    if (this.abortCause !== 'client' && this.abortCause !== 'total') {
      instance.breaker.onFailure(Date.now(), this.plan.breakerSettings);
    }
  }

  /** A stream that failed before its first event reached the client counts as an ordinary attempt failure. */
  private preCommitFailure(error: unknown): AttemptFailure {
    const cause = isGatewayError(error) ? error.cause : error;
    if (this.abortCause !== undefined || this.attemptAbortCause !== undefined || !isGatewayError(error)) {
      return classifyUpstreamError(cause ?? error, this.abortCause ?? this.attemptAbortCause);
    }
    if (error.code === GatewayErrorCode.UPSTREAM_ERROR) {
      // The upstream's own in-stream error before any content: as if it had answered that status.
      return {
        kind: 'status',
        status: error.upstreamStatus ?? statusForStreamErrorType(error.upstreamType),
        body: { error: { message: error.message, type: error.upstreamType ?? 'api_error' } },
      };
    }
    if (error.code === GatewayErrorCode.UPSTREAM_TIMEOUT) {
      return { kind: 'timeout', phase: 'idle', message: error.message };
    }
    if (cause !== undefined) return classifyUpstreamError(cause, undefined);
    return { kind: 'network', reason: 'other', message: error.message };
  }

  /** The error the converter sees when the upstream body fails mid-stream. */
  private streamSourceError(error: unknown): GatewayError {
    const cause = this.abortCause ?? this.attemptAbortCause;
    const failure = classifyUpstreamError(error, cause);
    if (failure.kind === 'timeout') {
      const what =
        failure.phase === 'total' ? 'the request exceeded its total timeout' : `${failure.phase} timeout`;
      return new GatewayError(GatewayErrorCode.UPSTREAM_TIMEOUT, `The upstream stream stopped: ${what}.`, {
        cause: error,
      });
    }
    return new GatewayError(
      GatewayErrorCode.UPSTREAM_STREAM_CUT,
      `The upstream stream broke: ${failure.kind === 'network' ? failure.message : 'error'}.`,
      {
        cause: error,
      },
    );
  }

  private commitStream(instance: PlannedInstance, attemptStart: number): void {
    this.committed = true;
    this.succeeded(instance, attemptStart);
    this.status = 200;
    const headers = this.routeHeaders();
    headers['content-type'] = 'text/event-stream; charset=utf-8';
    headers['cache-control'] = 'no-cache';
    headers['x-accel-buffering'] = 'no';
    this.res.socket?.setNoDelay(true);
    this.res.writeHead(200, headers);
  }

  private succeeded(instance: PlannedInstance, attemptStart: number): void {
    instance.breaker.onSuccess();
    this.lastInstance = instance;
    this.attempts.push({
      instance: instance.name,
      outcome: 'success',
      latency_ms: performance.now() - attemptStart,
    });
  }

  private recordFailure(instance: PlannedInstance, failure: AttemptFailure, attemptStart: number): void {
    const now = Date.now();
    if (this.abortCause === 'client') instance.breaker.release();
    else if (countsAsInstanceFailure(this.plan.policy, failure))
      instance.breaker.onFailure(now, this.plan.breakerSettings);
    else if (failure.kind === 'status') instance.breaker.onSuccess();
    else instance.breaker.release();
    this.attempts.push({
      instance: instance.name,
      outcome:
        this.abortCause === 'client'
          ? 'client_aborted'
          : outcomeOf(failure, isFallbackTrigger(this.plan.policy, failure)),
      status: failure.kind === 'status' ? failure.status : undefined,
      latency_ms: performance.now() - attemptStart,
    });
  }

  /** A status outside the fallback triggers goes back to the client, converted; 401/403 become 502. */
  private writeNonTrigger(instance: PlannedInstance, failure: AttemptFailure): void {
    this.attempts[this.attempts.length - 1].outcome = 'upstream_error';
    if (failure.kind !== 'status') {
      const final = finalFailure(this.tried, this.call.protocol);
      this.writeGatewayError(final.status, final.message);
      return;
    }
    if (failure.status === 401 || failure.status === 403) {
      this.writeGatewayError(
        502,
        `Upstream instance '${instance.name}' rejected the gateway's credentials (HTTP ${failure.status}); check the instance's auth configuration.`,
      );
      return;
    }
    const converter = this.converter;
    let status = failure.status;
    let body: unknown;
    try {
      if (converter === undefined) throw new Error('no converter');
      const converted = converter.convertError(failure.status, failure.body);
      status = converted.status;
      body = converted.body;
    } catch {
      body = gatewayErrorBody(
        this.call.protocol,
        status,
        `Upstream instance '${instance.name}' answered HTTP ${status}.`,
      );
    }
    const extra = failure.retryAfter === undefined ? undefined : { 'retry-after': failure.retryAfter };
    this.writeJson(status, JSON.stringify(body), extra);
  }

  private writeGatewayError(status: number, message: string, extra?: Record<string, string>): void {
    const openAiCode = status === 503 && this.tried.length === 0 ? 'no_available_instance' : undefined;
    this.writeJson(
      status,
      JSON.stringify(gatewayErrorBody(this.call.protocol, status, message, openAiCode)),
      extra,
    );
  }

  private writeJson(status: number, payload: string | Buffer, extra?: Record<string, string>): void {
    const res = this.res;
    if (res.headersSent || res.destroyed) return;
    this.status = status;
    const headers = this.routeHeaders();
    headers['content-type'] = 'application/json';
    headers['content-length'] = String(
      typeof payload === 'string' ? Buffer.byteLength(payload) : payload.length,
    );
    if (extra !== undefined) Object.assign(headers, extra);
    res.writeHead(status, headers);
    res.end(payload);
  }

  private routeHeaders(): Record<string, string> {
    const headers: Record<string, string> = {
      'x-request-id': this.call.requestId,
      'x-switchboard-route': this.plan.headerName,
      'x-switchboard-attempts': String(this.attempts.length),
    };
    if (this.lastInstance !== undefined) headers['x-switchboard-instance'] = this.lastInstance.headerName;
    if (this.call.protocol === 'anthropic-messages') headers['request-id'] = this.call.requestId;
    if (this.droppedTools.length > 0) headers['x-switchboard-dropped-tools'] = this.droppedTools.join(', ');
    return headers;
  }

  private usageRecord(): UsageRecord {
    const call = this.call;
    const now = performance.now();
    const usage = this.tokenUsage;
    return {
      request_id: call.requestId,
      route_id: this.plan.id,
      route: this.plan.name,
      instance: this.lastInstance?.name ?? null,
      attempts: this.attempts,
      client_protocol: call.protocol,
      upstream_protocol: (this.lastInstance?.config.protocol as Protocol | undefined) ?? null,
      endpoint: call.endpoint,
      model: call.model,
      stream: call.stream,
      status: this.abortCause === 'client' && !this.res.writableFinished ? 499 : this.status,
      error: this.streamError,
      started_at: new Date(Date.now() - (now - call.startedAt)).toISOString(),
      latency_ms: now - call.startedAt,
      ttft_ms: this.firstTokenAt === undefined ? null : this.firstTokenAt - call.startedAt,
      input_tokens: usage?.input_tokens ?? null,
      output_tokens: usage?.output_tokens ?? null,
      cache_read_input_tokens: usage?.cache_read_input_tokens ?? null,
      cache_creation_input_tokens: usage?.cache_creation_input_tokens ?? null,
    };
  }
}
