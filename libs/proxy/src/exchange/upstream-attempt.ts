import type { Readable } from 'node:stream';
import { GatewayErrorCode, isGatewayError, type GatewayError } from '@switchboard/common/errors';
import {
  findConverter,
  type ConversionClock,
  type ConversionMemo,
  type Converter,
} from '@switchboard/converters';
import { buildUpstreamHeaders } from '@switchboard/providers';
import type { AttemptFailure } from '../fallback/attempt-failure';
import type { ClientCall } from '../intake/client-call';
import type { PlannedInstance } from '../routing/route-plan';
import { classifyUpstreamError } from '../upstream/classify-upstream-error';
import { parseMaybeJson } from '../upstream/parse-maybe-json';
import { readStream } from '../upstream/read-stream';
import type { UpstreamAbort } from '../upstream/upstream-abort';
import type { UpstreamClient, UpstreamResponse } from '../upstream/upstream-client';
import type { RequestAbort } from './stream-attempt';
import { countTokensBody, upstreamBody } from './upstream-body';

const ERROR_BODY_LIMIT = 1 << 20;
const noop = (): void => undefined;

/** What one upstream call produced. */
export type UpstreamAnswer =
  /** A 2xx with its body still unread. */
  | { kind: 'answered'; converter: Converter; memo: ConversionMemo; body: Readable }
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
  try {
    converter = findConverter(call.protocol, upstream.protocol);
    if (isCount) {
      body = countTokensBody(call.body, instance);
    } else {
      const converted = converter.convertRequest(call.body, instance.target, context.clock);
      memo = converted.memo;
      body = upstreamBody(converted.body, instance);
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
    return { kind: 'answered', converter, memo, body: response.body };
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

/** The path without its query string (which may hold an api key). */
function pathOnly(path: string): string {
  const query = path.indexOf('?');
  return query === -1 ? path : path.slice(0, query);
}

function failed(failure: AttemptFailure): UpstreamAnswer {
  return { kind: 'failed', failure };
}
