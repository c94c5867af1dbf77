import type { ServerResponse } from 'node:http';
import { gatewayErrorStatus, type GatewayError, GatewayErrorCode } from '@switchboard/common/errors';
import { clientErrorBody, type Protocol } from '@switchboard/protocols';

/** OpenAI `error.code` strings clients already rely on, by gateway code (else the status default applies). */
const OPENAI_CODES: Partial<Record<GatewayErrorCode, string>> = {
  [GatewayErrorCode.MODEL_NOT_FOUND]: 'model_not_found',
  [GatewayErrorCode.NO_AVAILABLE_INSTANCE]: 'no_available_instance',
};

/** Anthropic types that the status alone would get wrong: overloaded means 529, not a gateway set-up problem. */
const ANTHROPIC_TYPES: Partial<Record<GatewayErrorCode, string>> = {
  [GatewayErrorCode.UPSTREAM_AUTH_FAILED]: 'api_error',
  [GatewayErrorCode.INSTANCE_MISCONFIGURED]: 'api_error',
};

/** A gateway error as a body in the client's protocol: OpenAI keeps `param` and `code`; Anthropic has neither. */
export function gatewayErrorBody(protocol: Protocol, error: GatewayError, status: number): object {
  return clientErrorBody(protocol, status, error.message, {
    param: error.param ?? null,
    code: error.clientCode ?? OPENAI_CODES[error.code],
    type: protocol === 'anthropic-messages' ? ANTHROPIC_TYPES[error.code] : undefined,
  });
}

/**
 * The one place the data plane answers a failure: status from the code table, body in the client's protocol,
 * the error's own headers (retry-after, allow, connection) over the given ones. Returns the status written,
 * or undefined when the response could no longer be written.
 */
export function writeGatewayError(
  res: ServerResponse,
  protocol: Protocol,
  error: GatewayError,
  headers: Record<string, string>,
  /** Given: the body is written now but the response ends only when `hold` calls back (lingering close). */
  hold?: (end: () => void) => void,
): number | undefined {
  const status = gatewayErrorStatus(error);
  const payload = JSON.stringify(gatewayErrorBody(protocol, error, status));
  if (!writeJson(res, status, payload, headers, error.headers, hold)) return undefined;
  return status;
}

/** Writes a complete JSON response; false when headers were already sent or the socket is gone. */
export function writeJson(
  res: ServerResponse,
  status: number,
  payload: string | Buffer,
  headers: Record<string, string>,
  extra?: Record<string, string>,
  hold?: (end: () => void) => void,
): boolean {
  if (res.headersSent || res.destroyed) return false;
  headers['content-type'] = 'application/json';
  headers['content-length'] = String(
    typeof payload === 'string' ? Buffer.byteLength(payload) : payload.length,
  );
  if (extra !== undefined) Object.assign(headers, extra);
  res.writeHead(status, headers);
  if (hold === undefined) {
    res.end(payload);
  } else {
    // The body is complete (content-length): the client can read it while the response stays open.
    res.write(payload);
    hold(() => res.end());
  }
  return true;
}
