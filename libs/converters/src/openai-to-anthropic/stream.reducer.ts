import { GatewayErrorCode } from '@switchboard/common/errors';
import {
  asString,
  isJsonObject,
  mergeAnthropicUsage,
  openAiErrorBody,
  openAiErrorForAnthropicType,
  parseAnthropicEventData,
  type OpenAiChatStreamEvent,
  type SseEvent,
} from '@switchboard/protocols';
import type { ConversionClock } from '../converter.interface';
import * as chat from '../shared/openai-client-chunks';
import type { OpenAiToAnthropicMemo } from './conversion-memo';
import { onBlockDelta, onBlockStart, onBlockStop, type BlockState } from './stream-blocks';
import { finishReasonFor } from './stop-reason.mapper';

/**
 * Anthropic SSE events → OpenAI stream events, as a pure reducer: `step(state, event)` returns the next state and
 * the typed events to send (the operator encodes them); `flush(state)` handles the upstream closing. The state is
 * never mutated.
 *
 * Order toward the client: role chunk (at message_start), content / reasoning_content / tool_calls deltas (tool
 * `index` counts tool calls, not Anthropic blocks; id and name first, then argument fragments; `{}` for a call
 * without arguments), the finish chunk (at message_stop, so a cut after message_delta is never a clean finish),
 * the usage chunk with empty choices when the client asked for `stream_options.include_usage`, `[DONE]`.
 * An upstream `error` event or a close before message_stop becomes an OpenAI error frame + `[DONE]`.
 * A `message_start` that already holds content blocks and a `stop_reason` (programmatic tool calling
 * continuations) is read like the events it stands for.
 */

export interface StreamState extends chat.OpenAiClientStreamState {
  readonly memo: OpenAiToAnthropicMemo;
  readonly blocks: readonly (BlockState | undefined)[];
  readonly hasClientToolCalls: boolean;
  readonly stopReason: unknown;
}

export type StepResult = chat.OpenAiClientStepResult<StreamState>;

export function initialStreamState(memo: OpenAiToAnthropicMemo, clock: ConversionClock): StreamState {
  return {
    memo,
    ...chat.initialOpenAiClientFields(memo, clock),
    blocks: [],
    hasClientToolCalls: false,
    stopReason: null,
  };
}

function failed(s: StreamState, failure: chat.OpenAiClientStreamFailure, anthropicType: string): StepResult {
  const next: StreamState = { ...s, status: 'failed', failure };
  return [
    next,
    [
      {
        kind: 'error',
        error: openAiErrorBody(openAiErrorForAnthropicType(anthropicType, failure.message)).error,
      },
      { kind: 'done' },
    ],
  ];
}

function start(s: StreamState, message: Record<string, unknown> | undefined): StepResult {
  const upstreamModel = asString(message?.model) || undefined;
  let state: StreamState = {
    ...s,
    started: true,
    model: upstreamModel ?? s.model,
    upstreamModel,
    usage: mergeAnthropicUsage(s.usage, message?.usage),
    stopReason: message?.stop_reason ?? s.stopReason,
  };
  let out = [chat.chunkEvent(state, { role: 'assistant', content: '' })];
  const content = Array.isArray(message?.content) ? message.content : [];
  content.forEach((block, index) => {
    if (!isJsonObject(block)) return;
    let more: OpenAiChatStreamEvent[];
    [state, more] = onBlockStart(state, index, block);
    out = chat.concatEvents(out, more);
    [state, more] = onBlockStop(state, index);
    out = chat.concatEvents(out, more);
  });
  return [state, out];
}

function onMessageStop(s: StreamState): StepResult {
  let finish = finishReasonFor(s.stopReason);
  if (finish === 'tool_calls' && !s.hasClientToolCalls) finish = 'stop';
  const out: OpenAiChatStreamEvent[] = [];
  chat.pushFinishEvents(out, s, finish);
  return [{ ...s, status: 'done' }, out];
}

function dispatch(s: StreamState, type: string | undefined, data: Record<string, unknown>): StepResult {
  const index = typeof data.index === 'number' ? data.index : -1;
  switch (type) {
    case 'content_block_start':
      return isJsonObject(data.content_block) && index >= 0
        ? onBlockStart(s, index, data.content_block)
        : [s, chat.NO_EVENTS];
    case 'content_block_delta':
      return isJsonObject(data.delta) && index >= 0
        ? onBlockDelta(s, index, data.delta)
        : [s, chat.NO_EVENTS];
    case 'content_block_stop':
      return index >= 0 ? onBlockStop(s, index) : [s, chat.NO_EVENTS];
    case 'message_delta': {
      const delta = isJsonObject(data.delta) ? data.delta : {};
      return [
        {
          ...s,
          stopReason: delta.stop_reason ?? s.stopReason,
          usage: mergeAnthropicUsage(s.usage, data.usage),
        },
        chat.NO_EVENTS,
      ];
    }
    case 'message_stop':
      return onMessageStop(s);
    default:
      // message_start repeated, unknown future events.
      return [s, chat.NO_EVENTS];
  }
}

export function step(s: StreamState, event: SseEvent): StepResult {
  if (s.status !== 'open') return [s, chat.NO_EVENTS];
  const parsed = parseAnthropicEventData(event.data);
  if (!isJsonObject(parsed)) {
    if (event.event === 'ping' || event.data.trim().length === 0) return [s, chat.NO_EVENTS];
    return failed(
      s,
      {
        code: GatewayErrorCode.UPSTREAM_STREAM_CUT,
        message: 'The upstream sent an unreadable stream event.',
      },
      'api_error',
    );
  }
  const type = asString(parsed.type) ?? event.event;
  if (type === 'error') {
    const error = isJsonObject(parsed.error) ? parsed.error : {};
    const upstreamType = asString(error.type) ?? 'api_error';
    const message = asString(error.message) ?? 'The upstream reported an error mid-stream.';
    return failed(s, { code: GatewayErrorCode.UPSTREAM_ERROR, message, upstreamType }, upstreamType);
  }
  if (type === 'ping') return [s, chat.NO_EVENTS];
  if (!s.started) {
    const message = type === 'message_start' && isJsonObject(parsed.message) ? parsed.message : undefined;
    const [state, out] = start(s, message);
    if (type === 'message_start') return [state, out];
    const [next, more] = dispatch(state, type, parsed);
    return [next, chat.concatEvents(out, more)];
  }
  return dispatch(s, type, parsed);
}

/** Upstream closed. Before message_stop that is a cut: the client gets an error frame, never a clean finish. */
export function flush(s: StreamState): StepResult {
  if (s.status !== 'open') return [s, chat.NO_EVENTS];
  return failed(
    s,
    {
      code: GatewayErrorCode.UPSTREAM_STREAM_CUT,
      message: 'The upstream stream ended before message_stop; the response is incomplete.',
    },
    'api_error',
  );
}
