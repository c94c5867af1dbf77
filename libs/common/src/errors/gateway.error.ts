import { GatewayErrorCode } from './gateway-error-code.enum';

export interface ErrorDetail {
  /** Dotted path of the offending field, e.g. `instances.0.weight`. */
  path: string;
  message: string;
}

export interface GatewayErrorOptions {
  details?: ErrorDetail[];
  /** HTTP status an upstream answered with, when the error comes from one. */
  upstreamStatus?: number;
  /** Upstream error `type` (OpenAI `error.type` / Anthropic `error.type`), kept when rewriting bodies. */
  upstreamType?: string;
  /** OpenAI `error.param`, when known. */
  param?: string | null;
  /** OpenAI `error.code` the client sees (e.g. `model_not_found`); else the writer's default for the status. */
  clientCode?: string;
  /** Response headers worth keeping for the client (e.g. `retry-after`). */
  headers?: Record<string, string>;
  cause?: unknown;
}

/** The only error type libraries throw. */
export class GatewayError extends Error {
  readonly details: ErrorDetail[];
  readonly upstreamStatus?: number;
  readonly upstreamType?: string;
  readonly param?: string | null;
  readonly clientCode?: string;
  readonly headers: Record<string, string>;

  constructor(
    readonly code: GatewayErrorCode,
    message: string,
    options: GatewayErrorOptions = {},
  ) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.name = 'GatewayError';
    this.details = options.details ?? [];
    this.upstreamStatus = options.upstreamStatus;
    this.upstreamType = options.upstreamType;
    this.param = options.param;
    this.clientCode = options.clientCode;
    this.headers = options.headers ?? {};
  }
}

export function isGatewayError(error: unknown): error is GatewayError {
  return error instanceof GatewayError;
}
