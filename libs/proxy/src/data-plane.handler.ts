import { randomUUID } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Protocol } from '@switchboard/protocols';
import type { RouteTable } from '@switchboard/routes';
import { ClientError } from './http/client-error';
import { gatewayErrorBody } from './http/error-response';
import { acceptableRequestId } from './http/header-value';
import { anthropicModelList, openAiModelList } from './http/models-response';
import { readClientJson } from './http/read-client-json';
import type { ClientCall, DataPlaneEndpoint } from './pipeline/client-call';
import { ProxyExchange, type ExchangeDeps } from './pipeline/proxy-exchange';
import type { RoutePlanCache } from './routing/route-plan.cache';
import type { UsageRecord } from './usage/usage-record';

const noop = (): void => undefined;

export interface DataPlaneOptions {
  maxBodySize: number;
}

interface EndpointSpec {
  method: 'POST' | 'GET';
  protocol: Protocol;
  endpoint?: DataPlaneEndpoint;
}

const ENDPOINTS: ReadonlyMap<string, EndpointSpec> = new Map<string, EndpointSpec>([
  ['/v1/chat/completions', { method: 'POST', protocol: 'openai-chat', endpoint: 'chat_completions' }],
  ['/v1/messages', { method: 'POST', protocol: 'anthropic-messages', endpoint: 'messages' }],
  ['/v1/messages/count_tokens', { method: 'POST', protocol: 'anthropic-messages', endpoint: 'count_tokens' }],
  ['/v1/responses', { method: 'POST', protocol: 'openai-responses', endpoint: 'responses' }],
  ['/v1/models', { method: 'GET', protocol: 'openai-chat' }],
]);

/**
 * The data-plane endpoints as a plain node request handler, mounted ahead of Express: no framework work per
 * request. Returns false for any other path so the Nest app answers it.
 */
export class DataPlaneHandler {
  constructor(
    private readonly routes: RouteTable,
    private readonly plans: RoutePlanCache,
    private readonly deps: ExchangeDeps,
    private readonly options: DataPlaneOptions,
  ) {}

  handle(req: IncomingMessage, res: ServerResponse): boolean {
    const url = req.url ?? '/';
    const query = url.indexOf('?');
    const spec = ENDPOINTS.get(query === -1 ? url : url.slice(0, query));
    if (spec === undefined) return false;
    const protocol: Protocol =
      spec.endpoint === undefined && req.headers['anthropic-version'] !== undefined
        ? 'anthropic-messages'
        : spec.protocol;
    if (req.method !== spec.method) {
      writeError(res, protocol, 405, `Method ${req.method} is not allowed here; use ${spec.method}.`, {
        allow: spec.method,
        'x-request-id': acceptableRequestId(req.headers['x-request-id']) ?? randomUUID(),
      });
      req.resume();
      return true;
    }
    if (spec.endpoint === undefined) {
      this.listModels(req, res, protocol);
      return true;
    }
    this.generate(req, res, protocol, spec.endpoint).catch((error: unknown) => {
      if (!res.headersSent && !res.destroyed) {
        writeError(
          res,
          protocol,
          500,
          `Internal gateway error: ${(error as Error)?.message ?? String(error)}`,
        );
      } else if (!res.writableEnded) {
        res.destroy();
      }
    });
    return true;
  }

  private listModels(req: IncomingMessage, res: ServerResponse, protocol: Protocol): void {
    req.resume();
    const models = this.routes.exactModels();
    const body = protocol === 'anthropic-messages' ? anthropicModelList(models) : openAiModelList(models);
    writeJson(res, 200, JSON.stringify(body), {
      'x-request-id': acceptableRequestId(req.headers['x-request-id']) ?? randomUUID(),
    });
  }

  private async generate(
    req: IncomingMessage,
    res: ServerResponse,
    protocol: Protocol,
    endpoint: DataPlaneEndpoint,
  ): Promise<void> {
    const startedAt = performance.now();
    // A client that resets mid-upload must not become an unhandled 'error' event.
    req.on('error', noop);
    const headers = req.headers;
    const requestId = acceptableRequestId(headers['x-request-id']) ?? randomUUID();
    const idHeaders: Record<string, string> = { 'x-request-id': requestId };
    if (protocol === 'anthropic-messages') idHeaders['request-id'] = requestId;

    let model: string | null = null;
    const refuse = (
      status: number,
      message: string,
      headers: Record<string, string>,
      openAiCode?: string,
    ): void => {
      writeError(res, protocol, status, message, headers, openAiCode);
      if (this.deps.usage.observed) {
        this.deps.usage.publish(
          refusedRecord(requestId, protocol, endpoint, model, status, message, startedAt),
        );
      }
    };

    let body: Record<string, unknown>;
    try {
      body = await readClientJson(req, this.options.maxBodySize);
    } catch (error) {
      if (error instanceof ClientError) {
        if (error.status === 413) idHeaders.connection = 'close';
        refuse(error.status, error.message, idHeaders);
      } else if (!res.destroyed) {
        res.destroy();
      }
      return;
    }

    if (typeof body.model !== 'string' || body.model.length === 0) {
      refuse(400, "Missing required field 'model' (a non-empty string).", idHeaders);
      return;
    }
    model = body.model;
    const refusal = requestShapeRefusal(endpoint, body);
    if (refusal !== undefined) {
      refuse(refusal.status, refusal.message, idHeaders, refusal.openAiCode);
      return;
    }
    if (!this.routes.isReady()) {
      refuse(503, 'The gateway is starting: the route table is not loaded yet.', idHeaders);
      return;
    }
    const route = this.routes.match(model);
    if (route === undefined) {
      refuse(
        404,
        `The model '${model}' does not exist: no enabled route serves it.`,
        idHeaders,
        'model_not_found',
      );
      return;
    }
    const plan = this.plans.planFor(route);
    const call: ClientCall = {
      protocol,
      endpoint,
      body,
      model,
      stream: endpoint !== 'count_tokens' && body.stream === true,
      requestId,
      anthropicVersion: headerText(headers['anthropic-version']),
      anthropicBeta: headerText(headers['anthropic-beta']),
      hashKey: plan.hashHeader === undefined ? undefined : headerText(headers[plan.hashHeader]),
      startedAt,
    };
    await new ProxyExchange(this.deps, plan, call, res).run();
  }
}

function refusedRecord(
  requestId: string,
  protocol: Protocol,
  endpoint: DataPlaneEndpoint,
  model: string | null,
  status: number,
  message: string,
  startedAt: number,
): UsageRecord {
  const latency = performance.now() - startedAt;
  return {
    request_id: requestId,
    route_id: null,
    route: null,
    instance: null,
    attempts: [],
    client_protocol: protocol,
    upstream_protocol: null,
    endpoint,
    model,
    stream: false,
    status,
    error: message,
    started_at: new Date(Date.now() - latency).toISOString(),
    latency_ms: latency,
    ttft_ms: null,
    input_tokens: null,
    output_tokens: null,
    cache_read_input_tokens: null,
    cache_creation_input_tokens: null,
  };
}

/** What the data plane refuses before routing, per endpoint (Responses: features the gateway does not offer). */
function requestShapeRefusal(
  endpoint: DataPlaneEndpoint,
  body: Record<string, unknown>,
): { status: number; message: string; openAiCode?: string } | undefined {
  if (endpoint !== 'responses') {
    return Array.isArray(body.messages)
      ? undefined
      : { status: 400, message: "Missing required field 'messages' (an array)." };
  }
  if (body.input === undefined || body.input === null) {
    return { status: 400, message: "Missing required field 'input' (a string or an array of items)." };
  }
  if (body.background === true) {
    return {
      status: 400,
      message: 'background: true is not supported by this gateway; send the request without it.',
    };
  }
  if (typeof body.previous_response_id === 'string' && body.previous_response_id.length > 0) {
    // No response store yet: every previous response is unknown here.
    return {
      status: 404,
      message: `Previous response with id '${body.previous_response_id}' not found.`,
      openAiCode: 'previous_response_not_found',
    };
  }
  return undefined;
}

function headerText(value: string | string[] | undefined): string | undefined {
  if (value === undefined) return undefined;
  return Array.isArray(value) ? value.join(',') : value;
}

function writeError(
  res: ServerResponse,
  protocol: Protocol,
  status: number,
  message: string,
  headers: Record<string, string> = {},
  openAiCode?: string,
): void {
  writeJson(res, status, JSON.stringify(gatewayErrorBody(protocol, status, message, openAiCode)), headers);
}

function writeJson(
  res: ServerResponse,
  status: number,
  payload: string,
  headers: Record<string, string>,
): void {
  if (res.headersSent || res.destroyed) return;
  headers['content-type'] = 'application/json';
  headers['content-length'] = String(Buffer.byteLength(payload));
  res.writeHead(status, headers);
  res.end(payload);
}
