import type { TokenUsage } from '@switchboard/converters';
import type { Protocol } from '@switchboard/protocols';
import type { CircuitBreaker } from '../health/circuit-breaker';
import type { AttemptOutcome, DataPlaneEndpoint, RecordError, RequestRecord } from './request-record';

/** One upstream attempt as the exchange tracks it (times are performance.now() values). */
export interface AttemptEntry {
  readonly instance: string;
  readonly provider: string;
  readonly upstreamProtocol: Protocol;
  readonly breaker: CircuitBreaker;
  readonly startedAt: number;
  outcome: AttemptOutcome;
  status: number | null;
  errorCode: string | null;
  firstByteAt: number | undefined;
  endedAt: number | undefined;
  /** Why the instance was passed over without a call (outcome `skipped`). */
  skipped?: string;
  /** Tools the conversion for this instance removed (`x-switchboard-dropped-tools`). */
  droppedTools?: readonly string[];
}

/**
 * The facts of one data-plane request, filled in as it goes (intake, then the exchange). A RequestRecord is
 * built from it only when someone observes the records.
 */
export interface RequestTrace {
  readonly requestId: string;
  /** performance.now() at arrival. */
  readonly startedAt: number;
  readonly protocol: Protocol;
  readonly endpoint: DataPlaneEndpoint;
  stream: boolean;
  model: string | null;
  routeId: string | null;
  route: string | null;
  instance: string | null;
  upstreamModel: string | null;
  attempts: AttemptEntry[];
  status: number;
  error: RecordError | null;
  usage: TokenUsage | undefined;
  /** The consumer key the request was identified by (null: GATEWAY_AUTH=none, or refused with a 401). */
  key: RequestRecord['key'];
  /** USD from the usage and the answering model's catalogue prices; null when either is unknown. */
  costUsd: number | null;
  /** performance.now() when the first response body byte was handed to the socket. */
  firstByteAt: number | undefined;
}

export function newTrace(
  requestId: string,
  startedAt: number,
  protocol: Protocol,
  endpoint: DataPlaneEndpoint,
): RequestTrace {
  return {
    requestId,
    startedAt,
    protocol,
    endpoint,
    stream: false,
    model: null,
    routeId: null,
    route: null,
    instance: null,
    upstreamModel: null,
    attempts: [],
    status: 0,
    error: null,
    usage: undefined,
    key: null,
    costUsd: null,
    firstByteAt: undefined,
  };
}

const MESSAGE_LIMIT = 2048;

/** The error as the record keeps it: code and message, the message clipped to 2 KB. */
export function recordError(code: string, message: string): RecordError {
  return { code, message: message.length > MESSAGE_LIMIT ? `${message.slice(0, MESSAGE_LIMIT)}…` : message };
}
