import { GatewayErrorCode } from '@switchboard/common/errors';
import {
  asString,
  isJsonObject,
  isOpenAiStreamDone,
  tokenUsageFromResponsesUsage,
  tryParseJson,
  type SseEvent,
} from '@switchboard/protocols';
import type { ConversionClock } from '../converter.interface';
import * as chat from '../shared/openai-client-chunks';
import type { OpenAiToResponsesMemo } from './conversion-memo';
import { onItemAdded, onItemDone, onItemEvent, openMissingItems } from './stream-items';
import { finishReasonFor } from './stop-reason.mapper';

/**
 * Responses stream events → Chat Completions chunks, as a pure reducer: `step(state, event)` returns the next
 * state and the typed events to send (the operator encodes them); `flush(state)` handles the upstream closing.
 * The state is never mutated.
 *
 * Order toward the client: the role chunk (at `response.created`), content / reasoning_content / tool-call deltas
 * (tool `index` counts function calls in the order they were added, matched by `item_id` — never by
 * `output_index` position; id and name first, then argument fragments; arguments that only came with `.done`
 * are sent then), the finish chunk at `response.completed` / `response.incomplete`, the usage chunk with empty
 * choices when the client asked for `stream_options.include_usage`, `[DONE]`. `response.failed`, an `error`
 * event, garbage or a close before the terminal event become an OpenAI error frame + `[DONE]`.
 */

export interface CallState {
  /** The Chat tool-call `index`. */
  readonly index: number;
  readonly callId: string;
  readonly sentArguments: boolean;
}

export interface StreamState extends chat.OpenAiClientStreamState {
  readonly memo: OpenAiToResponsesMemo;
  /** Open and finished function calls by their output item id (or `#<output_index>` when it has none). */
  readonly calls: Readonly<Record<string, CallState>>;
  /** Message item ids whose text was streamed (a message with no deltas is sent whole when it is done). */
  readonly textItems: Readonly<Record<string, true>>;
  /** The reasoning part the last `reasoning_content` came from (parts are separated by a blank line). */
  readonly reasoningPart?: string;
}

export type StepResult = chat.OpenAiClientStepResult<StreamState>;

export function initialStreamState(memo: OpenAiToResponsesMemo, clock: ConversionClock): StreamState {
  return { memo, ...chat.initialOpenAiClientFields(memo, clock), calls: {}, textItems: {} };
}

function failed(
  s: StreamState,
  failure: chat.OpenAiClientStreamFailure,
  type: string,
  code: string | null,
): StepResult {
  return [
    { ...s, status: 'failed', failure },
    [{ kind: 'error', error: { message: failure.message, type, param: null, code } }, { kind: 'done' }],
  ];
}

/** `response.failed` and the `error` event (flat as documented, or nested as OpenAI sends it live). */
function upstreamFailure(s: StreamState, error: Record<string, unknown>): StepResult {
  const code = asString(error.code) ?? null;
  const type = asString(error.type) ?? (code === 'rate_limit_exceeded' ? 'rate_limit_error' : 'server_error');
  const message = asString(error.message) ?? 'The upstream reported an error mid-stream.';
  return failed(s, { code: GatewayErrorCode.UPSTREAM_ERROR, message, upstreamType: type }, type, code);
}

function start(s: StreamState, response: Record<string, unknown> | undefined): StepResult {
  const upstreamModel = asString(response?.model) || undefined;
  const state: StreamState = { ...s, started: true, model: upstreamModel ?? s.model, upstreamModel };
  return [state, [chat.chunkEvent(state, { role: 'assistant', content: '' })]];
}

function finish(s: StreamState, response: Record<string, unknown>): StepResult {
  const [withItems, late] = openMissingItems(s, response.output);
  const state: StreamState = {
    ...withItems,
    status: 'done',
    usage: tokenUsageFromResponsesUsage(response.usage) ?? withItems.usage,
  };
  const finishReason = finishReasonFor(response.status, response.incomplete_details, state.toolCount > 0);
  const out = [...late];
  chat.pushFinishEvents(out, state, finishReason);
  return [state, out];
}

function dispatch(s: StreamState, type: string | undefined, data: Record<string, unknown>): StepResult {
  const response = isJsonObject(data.response) ? data.response : undefined;
  switch (type) {
    case 'response.completed':
    case 'response.incomplete':
      return finish(s, response ?? { status: type === 'response.incomplete' ? 'incomplete' : 'completed' });
    case 'response.failed':
      return upstreamFailure(s, isJsonObject(response?.error) ? response.error : {});
    case 'response.output_item.added':
      return isJsonObject(data.item) ? onItemAdded(s, data.item, data.output_index) : [s, chat.NO_EVENTS];
    case 'response.output_item.done':
      return isJsonObject(data.item) ? onItemDone(s, data.item, data.output_index) : [s, chat.NO_EVENTS];
    default:
      return type ? onItemEvent(s, type, data) : [s, chat.NO_EVENTS];
  }
}

const cut = (message: string): chat.OpenAiClientStreamFailure => ({
  code: GatewayErrorCode.UPSTREAM_STREAM_CUT,
  message,
});

export function step(s: StreamState, event: SseEvent): StepResult {
  if (s.status !== 'open') return [s, chat.NO_EVENTS];
  if (isOpenAiStreamDone(event)) return flush(s);
  const parsed = tryParseJson(event.data);
  if (!isJsonObject(parsed)) {
    if (event.data.trim().length === 0) return [s, chat.NO_EVENTS];
    return failed(s, cut('The upstream sent an unreadable stream event.'), 'server_error', null);
  }
  const type = asString(parsed.type) ?? event.event;
  if (type === 'error') return upstreamFailure(s, isJsonObject(parsed.error) ? parsed.error : parsed);
  if (!s.started) {
    const created = type === 'response.created' || type === 'response.in_progress';
    const [state, out] = start(s, isJsonObject(parsed.response) ? parsed.response : undefined);
    if (created) return [state, out];
    const [next, more] = dispatch(state, type, parsed);
    return [next, chat.concatEvents(out, more)];
  }
  return dispatch(s, type, parsed);
}

/** Upstream closed. Before the terminal event that is a cut: an error frame, never a clean finish. */
export function flush(s: StreamState): StepResult {
  if (s.status !== 'open') return [s, chat.NO_EVENTS];
  return failed(
    s,
    cut('The upstream stream ended before response.completed; the response is incomplete.'),
    'server_error',
    null,
  );
}
