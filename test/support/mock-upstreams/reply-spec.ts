import type { RecordedRequest } from './recorded-request';

/** A tool call the scripted model makes; `input` is the JSON object the tool receives. */
export interface ScriptedToolCall {
  id?: string;
  name: string;
  input: Record<string, unknown>;
}

/** Token counts of a scripted answer (Anthropic names; the OpenAI mock derives its own usage from them). */
export interface ScriptedUsage {
  input: number;
  output: number;
  cacheRead: number;
  cacheWrite: number;
}

/** One assistant turn, rendered by each mock as a JSON body or an SSE stream in its own protocol. */
export interface AssistantTurn {
  thinking?: string;
  text?: string;
  toolCalls?: ScriptedToolCall[];
  /** Anthropic stop reason; the OpenAI mock maps it to its finish_reason. Default: tool_use with tool calls, else end_turn. */
  stopReason?: 'end_turn' | 'max_tokens' | 'stop_sequence' | 'tool_use';
  usage?: Partial<ScriptedUsage>;
  /** Characters per streamed text delta (default 4). */
  deltaSize?: number;
  /** Overrides the `model` echoed in the answer (default: the requested model). */
  model?: string;
}

/** How a streamed answer misbehaves after `afterEvents` events (default: the stream ends normally). */
export interface StreamBreak {
  afterEvents: number;
  /** cut: destroy the socket; stall: keep it open and send nothing more; error: send the protocol's in-stream error event and end. */
  how: 'cut' | 'stall' | 'error';
  /** For `how: 'error'`: the error type in the event (default overloaded_error / server_error). */
  errorType?: string;
  errorMessage?: string;
}

export type ReplySpec =
  | {
      kind: 'turn';
      turn: AssistantTurn;
      /** Milliseconds between stream events (default 0). */
      eventDelayMs?: number;
      /** Milliseconds before the status line is sent. */
      headerDelayMs?: number;
      streamBreak?: StreamBreak;
      headers?: Record<string, string>;
    }
  | {
      /** An error status with the protocol's real error body. */
      kind: 'error';
      status: number;
      errorType?: string;
      message?: string;
      headers?: Record<string, string>;
    }
  | { kind: 'json'; status: number; body: unknown; headers?: Record<string, string> }
  | { kind: 'raw'; status: number; body: string; headers?: Record<string, string> }
  /** A 200 event stream made of exactly these raw chunks (for garbage and truncation), then end or cut. */
  | { kind: 'raw-stream'; chunks: string[]; then?: 'end' | 'cut' }
  /** Accept the connection and never send a header (first-byte timeout). */
  | { kind: 'hang' }
  /** Destroy the connection before any byte is sent (connection reset). */
  | { kind: 'reset' }
  /** Decide per request. */
  | { kind: 'dynamic'; decide: (request: RecordedRequest) => ReplySpec };

export const reply = {
  text: (text: string, turn: Omit<AssistantTurn, 'text'> = {}): ReplySpec => ({
    kind: 'turn',
    turn: { ...turn, text },
  }),
  turn: (turn: AssistantTurn, options: Omit<Extract<ReplySpec, { kind: 'turn' }>, 'kind' | 'turn'> = {}) =>
    ({ kind: 'turn', turn, ...options }) as ReplySpec,
  toolCall: (name: string, input: Record<string, unknown>, id?: string, text?: string): ReplySpec => ({
    kind: 'turn',
    turn: { text, toolCalls: [{ id, name, input }] },
  }),
  error: (
    status: number,
    options: { errorType?: string; message?: string; headers?: Record<string, string> } = {},
  ) => ({ kind: 'error', status, ...options }) as ReplySpec,
  rateLimited: (retryAfterSeconds = 7): ReplySpec => ({
    kind: 'error',
    status: 429,
    headers: { 'retry-after': String(retryAfterSeconds) },
  }),
  json: (status: number, body: unknown, headers?: Record<string, string>): ReplySpec => ({
    kind: 'json',
    status,
    body,
    headers,
  }),
  raw: (status: number, body: string, headers?: Record<string, string>): ReplySpec => ({
    kind: 'raw',
    status,
    body,
    headers,
  }),
  rawStream: (chunks: string[], then: 'end' | 'cut' = 'end'): ReplySpec => ({
    kind: 'raw-stream',
    chunks,
    then,
  }),
  hang: (): ReplySpec => ({ kind: 'hang' }),
  reset: (): ReplySpec => ({ kind: 'reset' }),
  dynamic: (decide: (request: RecordedRequest) => ReplySpec): ReplySpec => ({ kind: 'dynamic', decide }),
};
