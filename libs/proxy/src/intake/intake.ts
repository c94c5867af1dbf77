import type { IncomingMessage, ServerResponse } from 'node:http';
import { GatewayError, GatewayErrorCode, isGatewayError } from '@switchboard/common/errors';
import type { RouteTable } from '@switchboard/routes';
import type { RequestTrace } from '../record/request-trace';
import type { RoutePlan } from '../routing/route-plan';
import type { RoutePlanCache } from '../routing/route-plan.cache';
import type { ClientCall } from './client-call';
import { assertAnthropicHeaders, assertNestingDepth } from './body-limits';
import { admitConsumerKey, type KeyGate } from './key-admission';
import { readClientJson } from './read-client-json';
import { assertRequestShape } from './request-shape';

export interface IntakeDeps {
  readonly routes: RouteTable;
  readonly plans: RoutePlanCache;
  readonly keys: KeyGate;
  readonly maxBodySize: number;
}

export interface Intake {
  call: ClientCall;
  plan: RoutePlan;
}

/**
 * Everything before the first upstream attempt: read the body, check its shape, admit the consumer key, find
 * the route. Throws a GatewayError for any refusal (CLIENT_CLOSED when the upload broke off); fills the trace as
 * it learns. The key is checked before the route lookup so a caller without a key learns nothing about routes.
 */
export async function intake(
  req: IncomingMessage,
  res: ServerResponse,
  trace: RequestTrace,
  deps: IntakeDeps,
): Promise<Intake> {
  const { routes, plans } = deps;
  let body: Record<string, unknown>;
  try {
    body = await readClientJson(req, deps.maxBodySize);
  } catch (error) {
    if (isGatewayError(error)) throw error;
    throw new GatewayError(GatewayErrorCode.CLIENT_CLOSED, 'The client broke off the upload.', {
      cause: error,
    });
  }
  assertNestingDepth(body);
  const model = body.model;
  if (typeof model !== 'string' || model.length === 0) {
    throw new GatewayError(
      GatewayErrorCode.INVALID_REQUEST,
      "Missing required field 'model' (a non-empty string).",
      { param: 'model' },
    );
  }
  trace.model = model;
  assertRequestShape(trace.endpoint, body);
  const headers = req.headers;
  const anthropicVersion = headerText(headers['anthropic-version']);
  const anthropicBeta = headerText(headers['anthropic-beta']);
  assertAnthropicHeaders(anthropicVersion, anthropicBeta);
  await admitConsumerKey(deps.keys, req, res, model, trace);
  if (!routes.isReady()) {
    throw new GatewayError(
      GatewayErrorCode.NOT_READY,
      'The gateway is starting: the route table is not loaded yet.',
    );
  }
  const route = routes.match(model);
  if (route === undefined) {
    throw new GatewayError(
      GatewayErrorCode.MODEL_NOT_FOUND,
      `The model '${model}' does not exist: no enabled route serves it.`,
    );
  }
  const plan = plans.planFor(route);
  trace.routeId = plan.id;
  trace.route = plan.name;
  const stream = trace.endpoint !== 'count_tokens' && body.stream === true;
  trace.stream = stream;
  const call: ClientCall = {
    protocol: trace.protocol,
    endpoint: trace.endpoint as ClientCall['endpoint'],
    body,
    model,
    stream,
    requestId: trace.requestId,
    anthropicVersion,
    anthropicBeta,
    hashKey: plan.hashHeader === undefined ? undefined : headerText(headers[plan.hashHeader]),
    startedAt: trace.startedAt,
  };
  return { call, plan };
}

function headerText(value: string | string[] | undefined): string | undefined {
  if (value === undefined) return undefined;
  return Array.isArray(value) ? value.join(',') : value;
}
