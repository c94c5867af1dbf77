import { randomUUID } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import {
  GatewayError,
  GatewayErrorCode,
  gatewayErrorStatus,
  isGatewayError,
} from '@switchboard/common/errors';
import type { Protocol } from '@switchboard/protocols';
import type { RouteTable } from '@switchboard/routes';
import { writeGatewayError, writeJson } from './errors/error.writer';
import { Exchange, type ExchangeDeps } from './exchange/exchange';
import { acceptableRequestId } from './http/header-value';
import { anthropicModelList, openAiModelList } from './http/models-response';
import { clientProtocolOf, resolveEndpoint } from './intake/endpoints';
import { intake } from './intake/intake';
import { admitConsumerKey, type KeyGate } from './intake/key-admission';
import { drainThen } from './intake/linger';
import { isDataPlanePath, originForm, unservedPathAnswer } from './intake/unserved-path';
import { publishRecord } from './record/request-record.builder';
import type { RequestRecordBus } from './record/request-record.bus';
import { newTrace, recordError, type RequestTrace } from './record/request-trace';
import type { RoutePlanCache } from './routing/route-plan.cache';
import { ResponsesTurn } from './responses/responses-turn';
import { answerStoredResponse, storedResponsePath } from './responses/stored-responses.endpoint';
import type { ResponsesStore } from '@switchboard/responses';

const noop = (): void => undefined;

export interface DataPlaneOptions {
  maxBodySize: number;
}

export interface DataPlaneDeps extends ExchangeDeps {
  readonly records: RequestRecordBus;
  readonly keys: KeyGate;
  /** Stored Responses API turns; without it, `previous_response_id` is always unknown and nothing is kept. */
  readonly responses?: ResponsesStore;
}

/**
 * The data-plane endpoints as a plain node request handler, mounted ahead of Express: no framework work per
 * request. Returns false for any other path so the Nest app answers it. Each generation request goes intake →
 * exchange, and ends by publishing its record.
 */
export class DataPlaneHandler {
  constructor(
    private readonly routes: RouteTable,
    private readonly plans: RoutePlanCache,
    private readonly deps: DataPlaneDeps,
    private readonly options: DataPlaneOptions,
  ) {}

  handle(req: IncomingMessage, res: ServerResponse): boolean {
    // An absolute-form target is served as its origin-form (here and by the Nest app behind).
    if (req.url !== undefined && !req.url.startsWith('/')) req.url = originForm(req.url);
    const spec = resolveEndpoint(req);
    if (spec === undefined) return this.handleStoredResponse(req, res) || this.answerUnserved(req, res);
    const protocol = clientProtocolOf(spec, req);
    const requestId = acceptableRequestId(req.headers['x-request-id']) ?? randomUUID();
    if (spec.endpoint === undefined && req.method === spec.method) {
      this.listModels(req, res, protocol, requestId).catch((error: unknown) => {
        const refusal = isGatewayError(error)
          ? error
          : new GatewayError(
              GatewayErrorCode.INTERNAL,
              `Internal gateway error: ${(error as Error)?.message}`,
            );
        this.refuse(res, protocol, refusal, requestId, undefined);
      });
      return true;
    }
    const trace =
      spec.endpoint === undefined
        ? undefined
        : newTrace(requestId, performance.now(), protocol, spec.endpoint);
    if (req.method !== spec.method) {
      req.resume();
      const error = new GatewayError(
        GatewayErrorCode.METHOD_NOT_ALLOWED,
        `Method ${req.method} is not allowed here; use ${spec.method}.`,
        { headers: { allow: spec.method } },
      );
      this.refuse(res, protocol, error, requestId, trace);
      return true;
    }
    this.generate(req, res, trace!).catch((error: unknown) => {
      const message = `Internal gateway error: ${(error as Error)?.message ?? String(error)}`;
      this.refuse(res, protocol, new GatewayError(GatewayErrorCode.INTERNAL, message), requestId, undefined);
      if (res.headersSent && !res.writableEnded) res.destroy();
    });
    return true;
  }

  /** GET/DELETE /v1/responses/{id}, GET …/input_items; false for any other path. */
  private handleStoredResponse(req: IncomingMessage, res: ServerResponse): boolean {
    const path = storedResponsePath(req);
    if (path === undefined) return false;
    const requestId = acceptableRequestId(req.headers['x-request-id']) ?? randomUUID();
    // A stored response belongs to the consumer key that created it: the caller must say who it is.
    let owner: string | null;
    try {
      owner = this.deps.keys.identify(req.headers)?.identity.id ?? null;
    } catch (error) {
      req.resume();
      if (!isGatewayError(error)) throw error;
      this.refuse(res, 'openai-responses', error, requestId, undefined);
      return true;
    }
    answerStoredResponse(req, res, path, this.deps.responses, owner, { 'x-request-id': requestId }).catch(
      () => {
        if (!res.writableEnded) res.destroy();
      },
    );
    return true;
  }

  /**
   * 404 for a path under /v1 that no endpoint serves (`/v1/chat/completions/`, `//v1/messages`, `/v1/unknown`),
   * in the shape of the API the path names; false for paths outside /v1 (the Nest app answers those).
   */
  private answerUnserved(req: IncomingMessage, res: ServerResponse): boolean {
    const target = req.url ?? '/';
    if (!isDataPlanePath(target)) return false;
    req.on('error', noop);
    const requestId = acceptableRequestId(req.headers['x-request-id']) ?? randomUUID();
    const { body } = unservedPathAnswer(req.method ?? 'GET', target, req.headers);
    const headers: Record<string, string> = { 'x-request-id': requestId };
    const hasBody =
      req.headers['transfer-encoding'] !== undefined || Number(req.headers['content-length']) > 0;
    if (hasBody && !req.complete) {
      // The upload is not read: the connection cannot carry another request; drain it (bounded) and close.
      headers.connection = 'close';
      writeJson(res, 404, JSON.stringify(body), headers, undefined, (end) => drainThen(req, end));
    } else {
      req.resume();
      writeJson(res, 404, JSON.stringify(body), headers);
    }
    return true;
  }

  /** The exact model names of the routes, only those the caller's consumer key may use. */
  private async listModels(
    req: IncomingMessage,
    res: ServerResponse,
    protocol: Protocol,
    requestId: string,
  ): Promise<void> {
    req.resume();
    const admission = await admitConsumerKey(this.deps.keys, req, res, null);
    const models = this.routes.exactModels().filter((model) => admission.allows(model));
    const body = protocol === 'anthropic-messages' ? anthropicModelList(models) : openAiModelList(models);
    writeJson(res, 200, JSON.stringify(body), { 'x-request-id': requestId });
  }

  private async generate(req: IncomingMessage, res: ServerResponse, trace: RequestTrace): Promise<void> {
    // A client that resets mid-upload must not become an unhandled 'error' event.
    req.on('error', noop);
    try {
      const { call, plan } = await intake(req, res, trace, {
        routes: this.routes,
        plans: this.plans,
        keys: this.deps.keys,
        maxBodySize: this.options.maxBodySize,
      });
      if (call.endpoint === 'responses') {
        // A stored response belongs to the consumer key that created it; another key gets 404.
        const owner = trace.key?.id ?? null;
        const begun = await ResponsesTurn.begin(call, this.deps.responses, owner, this.deps.clock);
        await new Exchange(this.deps, plan, begun.call, res, trace, begun.turn.capture).run();
        if (trace.status === 200) begun.turn.saveIfAnswered();
      } else {
        await new Exchange(this.deps, plan, call, res, trace).run();
      }
    } catch (error) {
      if (!isGatewayError(error)) throw error;
      if (error.code === GatewayErrorCode.CLIENT_CLOSED) {
        trace.status = gatewayErrorStatus(error);
        trace.error = recordError(error.code, error.message);
        if (!res.destroyed) res.destroy();
      } else {
        this.refuse(res, trace.protocol, error, trace.requestId, trace, req);
      }
    }
    publishRecord(this.deps.records, trace, res);
  }

  /** A refusal before any routing: the error in the client's protocol, recorded when there is a trace. */
  private refuse(
    res: ServerResponse,
    protocol: Protocol,
    error: GatewayError,
    requestId: string,
    trace: RequestTrace | undefined,
    req?: IncomingMessage,
  ): void {
    const headers: Record<string, string> = { 'x-request-id': requestId };
    if (protocol === 'anthropic-messages' && trace !== undefined) headers['request-id'] = requestId;
    // A refusal before the body was read (413, 415, bad headers) leaves the upload unread: the connection cannot
    // carry another request, so say so, and read and discard the rest (bounded) so the client reads the answer.
    let hold: ((end: () => void) => void) | undefined;
    if (req !== undefined && !req.complete) {
      headers.connection = 'close';
      hold = (end) => drainThen(req, end);
    }
    const status = writeGatewayError(res, protocol, error, headers, hold);
    if (trace === undefined) return;
    trace.status = status ?? 0;
    trace.error = recordError(error.code, error.message);
    trace.firstByteAt = performance.now();
    if (error.code === GatewayErrorCode.METHOD_NOT_ALLOWED) publishRecord(this.deps.records, trace, res);
  }
}
