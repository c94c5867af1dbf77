import type { OperatorFunction } from 'rxjs';
import type { Protocol, SseEvent, TokenUsage } from '@switchboard/protocols';

export type { TokenUsage } from '@switchboard/protocols';

/**
 * Converters are keyed `from → to`: `from` is the CLIENT's protocol, `to` the UPSTREAM instance's protocol.
 * `convertRequest` goes client → upstream; everything else comes back upstream → client.
 * Pure: no clock, no randomness, no I/O. Ids and time come in through the context.
 */

/** What the converter knows about the instance the attempt goes to. */
export interface UpstreamTarget {
  /** Provider id of the instance (`openai`, `azure-openai`, `openai-compatible`, `deepseek`, `anthropic`, `anthropic-compatible`). */
  provider: string;
  /** Instance `defaults` (fill only what the client left unset), e.g. `{ max_tokens: 8192 }`. Applied by the converter where a field must be present (max_tokens toward Anthropic). */
  defaults?: Record<string, unknown>;
  /** Per-instance converter options (documented in docs/conversion-matrix.md), e.g. reasoning exposure. */
  conversion?: Record<string, unknown>;
}

/** Deterministic sources passed in by the caller (the data plane gives real ones; tests give fixed ones). */
export interface ConversionClock {
  /** Returns a fresh unique id body; converters add the `chatcmpl-` / `msg_` / `call_` / `toolu_` prefix. */
  newId: () => string;
  /** Milliseconds since the epoch. */
  now: () => number;
}

/**
 * State carried from request conversion to the response side of the same attempt:
 * shortened tool names to restore, stop sequences sent, whether the client asked for stream usage, the client's
 * requested model, etc. Opaque to the data plane: it only hands it back.
 */
export type ConversionMemo = Readonly<Record<string, unknown>>;

export interface ConvertedRequest {
  /** Body to send upstream (instance `options` are written over it by the data plane afterwards). */
  body: Record<string, unknown>;
  memo: ConversionMemo;
}

export interface ResponseHooks {
  /** Called once usage is known (non-stream: from the body; stream: when the usage event arrives). */
  onUsage?: (usage: TokenUsage) => void;
  /** Called when the first content token (text, reasoning or tool call) is emitted, for time-to-first-token. */
  onFirstToken?: () => void;
  /**
   * Called once with the model the upstream reported (response `model`; stream `message_start.message.model`
   * or the first chunk's non-empty `model`), in every direction, passthrough included.
   */
  onModel?: (model: string) => void;
}

export interface ConvertedError {
  status: number;
  body: Record<string, unknown>;
}

export interface Converter {
  readonly from: Protocol;
  readonly to: Protocol;
  /** True for identity converters: request and response bodies are forwarded unchanged. */
  readonly passthrough?: boolean;

  /** Client body → upstream body. Throws GatewayError(INVALID_REQUEST | UNSUPPORTED_CONVERSION) on bad input. */
  convertRequest(
    body: Record<string, unknown>,
    target: UpstreamTarget,
    clock: ConversionClock,
  ): ConvertedRequest;

  /** Upstream success body (already JSON-parsed) → client body. */
  convertResponse(
    body: unknown,
    memo: ConversionMemo,
    clock: ConversionClock,
    hooks?: ResponseHooks,
  ): Record<string, unknown>;

  /**
   * Upstream SSE events → client SSE events. When upstream ends before its protocol's end marker, or the source
   * errors (reset, timeout, upstream `error` event), the operator emits the client protocol's in-stream error
   * event and then errors with a GatewayError (UPSTREAM_STREAM_CUT, UPSTREAM_TIMEOUT, UPSTREAM_ERROR…), so the
   * data plane can record the outcome after the client has been told.
   */
  convertStream(
    memo: ConversionMemo,
    clock: ConversionClock,
    hooks?: ResponseHooks,
  ): OperatorFunction<SseEvent, SseEvent>;

  /** Upstream error status + body (parsed JSON, or raw text when not JSON) → client status + error body. */
  convertError(status: number, body: unknown): ConvertedError;
}
