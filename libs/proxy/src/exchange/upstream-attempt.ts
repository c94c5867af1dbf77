import type { Readable } from 'node:stream';
import { GatewayErrorCode, isGatewayError, type GatewayError } from '@switchboard/common/errors';
import {
  findConverter,
  type ConversionClock,
  type ConversionMemo,
  type Converter,
} from '@switchboard/converters';
import type { CatalogueState, ResolvedModel } from '@switchboard/catalogue';
import { buildUpstreamHeaders } from '@switchboard/providers';
import { resolveInstanceModel } from '../catalogue/attempt-model';
import { prepareUpstreamBody } from '../catalogue/prepare-upstream-body';
import type { AttemptFailure } from '../fallback/attempt-failure';
import type { ClientCall } from '../intake/client-call';
import type { PlannedInstance } from '../routing/route-plan';
import { classifyUpstreamError } from '../upstream/classify-upstream-error';
import { parseMaybeJson } from '../upstream/parse-maybe-json';
import { readStream } from '../upstream/read-stream';
import type { UpstreamAbort } from '../upstream/upstream-abort';
import type { UpstreamClient, UpstreamResponse } from '../upstream/upstream-client';
import type { RequestAbort } from './stream-attempt';
import { countTokensBody } from './upstream-body';

const ERROR_BODY_LIMIT = 1 << 20;
const noop = (): void => undefined;

/** What one upstream call produced. */
export type UpstreamAnswer =
  /** A 2xx with its body still unread. */
  | {
      kind: 'answered';
      converter: Converter;
      memo: ConversionMemo;
      body: Readable;
      /** Response headers this attempt adds (x-switchboard-max-tokens). */
      headers: Record<string, string> | undefined;
    }
  | { kind: 'failed'; failure: AttemptFailure }
  /** The request cannot be expressed for this instance: the client's fault, never sent, no fallback. */
  | { kind: 'refused'; error: GatewayError };

export interface AttemptContext {
  readonly client: UpstreamClient;
  readonly clock: ConversionClock;
  readonly call: ClientCall;
  readonly timeout: number;
  readonly firstByteTimeout: number;
  readonly abort: RequestAbort;
  /** The route's name (metric labels). */
  readonly route: string;
  /** The model catalogue; without it bodies are built as before it existed. */
  readonly catalogue?: CatalogueState;
}

/** Converts the client's request for one instance, sends it, and reads the body of an error status. */
export async function callUpstream(
  context: AttemptContext,
  instance: PlannedInstance,
  controller: UpstreamAbort,
): Promise<UpstreamAnswer> {
  const upstream = instance.upstream;
  if (upstream === undefined) {
    return failed({ kind: 'misconfigured', message: instance.compileError ?? 'instance is misconfigured' });
  }
  const call = context.call;
  const isCount = call.endpoint === 'count_tokens';
  let converter: Converter;
  let memo: ConversionMemo = {};
  let body: string;
  let headers: Record<string, string> | undefined;
  try {
    converter = findConverter(call.protocol, upstream.protocol);
    if (isCount) {
      body = countTokensBody(call.body, instance);
    } else {
      const prepared = prepareUpstreamBody(
        converter,
        call.protocol,
        call.body,
        instance,
        attemptModel(context, instance),
        context.clock,
      );
      memo = prepared.memo;
      body = JSON.stringify(prepared.body);
      if (prepared.maxTokensHeader !== undefined)
        headers = { 'x-switchboard-max-tokens': String(prepared.maxTokensHeader) };
    }
  } catch (error) {
    if (
      isGatewayError(error) &&
      (error.code === GatewayErrorCode.INVALID_REQUEST ||
        error.code === GatewayErrorCode.UNSUPPORTED_CONVERSION)
    ) {
      return { kind: 'refused', error };
    }
    return failed({
      kind: 'misconfigured',
      message: `request conversion failed: ${(error as Error)?.message}`,
    });
  }
  const path = isCount ? upstream.endpoint.countTokensPath : upstream.endpoint.path;
  if (path === undefined) return failed({ kind: 'misconfigured', message: 'endpoint has no /messages path' });

  let response: UpstreamResponse;
  try {
    response = await context.client.send({
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
      timeout: context.timeout,
      headersTimeout: context.firstByteTimeout,
    });
  } catch (error) {
    return failed(classifyUpstreamError(error, context.abort.cause));
  }
  // An abort after the handlers are gone must not surface as an unhandled 'error' event.
  response.body.on('error', noop);
  if (response.status >= 200 && response.status < 300) {
    return { kind: 'answered', converter, memo, body: response.body, headers };
  }
  let raw: Buffer | undefined;
  try {
    raw = await readStream(response.body, ERROR_BODY_LIMIT);
  } catch {
    response.body.destroy();
  }
  const retryAfter = response.headers['retry-after'];
  return failed({
    kind: 'status',
    status: response.status,
    body: parseMaybeJson(raw),
    retryAfter: Array.isArray(retryAfter) ? retryAfter[0] : retryAfter,
    path: pathOnly(path),
  });
}

/** The catalogue facts of the model this attempt sends; an unknown model is counted. */
function attemptModel(context: AttemptContext, instance: PlannedInstance): ResolvedModel | undefined {
  const catalogue = context.catalogue;
  if (catalogue === undefined) return undefined;
  const resolved = resolveInstanceModel(catalogue, instance, context.call.model);
  if (resolved === undefined) catalogue.unknownModels.inc(context.route, instance.name);
  return resolved;
}

/** The path without its query string (which may hold an api key). */
function pathOnly(path: string): string {
  const query = path.indexOf('?');
  return query === -1 ? path : path.slice(0, query);
}

function failed(failure: AttemptFailure): UpstreamAnswer {
  return { kind: 'failed', failure };
}
