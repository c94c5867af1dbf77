import { GatewayErrorCode } from '@switchboard/common/errors';
import {
  isJsonObject,
  isOpenAiStreamDone,
  parseOpenAiChunkData,
  type SseEvent,
} from '@switchboard/protocols';
import { upstreamErrorMessage } from '../shared/upstream-error-message';
import { responsesUsageFromChat, statusForFinishReason } from './response-builder';
import { StreamDraft } from './stream-draft';
import type { ResponsesStreamState } from './stream.state';

/**
 * Chat Completions chunks → Responses stream events (responses-spec §7.4), as a pure reducer: `step(state, event)`
 * returns the next state and the events to send; `flush(state)` handles the upstream closing. The terminal event
 * goes out at `[DONE]` (after the usage chunk), or at a close that follows a finish_reason; an error frame, garbage
 * or a close before any finish_reason ends in `response.failed` + `error`, never in `response.completed`.
 */

export type StepResult = [ResponsesStreamState, SseEvent[]];

const cut = (message: string) => ({ code: GatewayErrorCode.UPSTREAM_STREAM_CUT, message });

function finishFrom(draft: StreamDraft): void {
  const { status, incomplete } = statusForFinishReason(draft.state.finishReason);
  draft.finish(status === 'incomplete' ? incomplete : undefined);
}

function applyToolCalls(draft: StreamDraft, toolCalls: unknown[]): void {
  for (const call of toolCalls) {
    if (!isJsonObject(call)) continue;
    const key = String(typeof call.index === 'number' ? call.index : 0);
    const fn = isJsonObject(call.function) ? call.function : {};
    if (!draft.hasCall(key)) {
      if (typeof call.id !== 'string' || typeof fn.name !== 'string') continue;
      draft.openCall(key, call.id, fn.name);
    }
    if (typeof fn.arguments === 'string') draft.appendArguments(key, fn.arguments);
  }
}

/** Applies one parsed chunk to the draft. Exposed for the Anthropic direction, which feeds converted chunks. */
export function applyChatChunk(draft: StreamDraft, chunk: Record<string, unknown>): void {
  if (isJsonObject(chunk.error)) {
    const type = typeof chunk.error.type === 'string' ? chunk.error.type : 'server_error';
    draft.fail(
      {
        code: GatewayErrorCode.UPSTREAM_ERROR,
        message: upstreamErrorMessage(500, chunk),
        upstreamType: type,
      },
      type,
    );
    return;
  }
  draft.start(typeof chunk.model === 'string' ? chunk.model : undefined);
  const usage = responsesUsageFromChat(chunk.usage);
  if (usage) draft.state.usage = usage;
  const choice =
    Array.isArray(chunk.choices) && isJsonObject(chunk.choices[0]) ? chunk.choices[0] : undefined;
  if (!choice) return;
  const delta = isJsonObject(choice.delta) ? choice.delta : {};
  const reasoning = delta.reasoning_content ?? delta.reasoning;
  if (typeof reasoning === 'string') draft.appendText('reasoning', reasoning);
  if (typeof delta.content === 'string') draft.appendText('message', delta.content);
  if (typeof delta.refusal === 'string') draft.appendText('message', delta.refusal);
  if (Array.isArray(delta.tool_calls)) applyToolCalls(draft, delta.tool_calls);
  if (typeof choice.finish_reason === 'string') draft.state.finishReason = choice.finish_reason;
}

export function step(state: ResponsesStreamState, event: SseEvent): StepResult {
  if (state.status !== 'open') return [state, []];
  const draft = new StreamDraft(state);
  if (isOpenAiStreamDone(event)) {
    if (draft.state.finishReason) finishFrom(draft);
    else draft.fail(cut('The upstream stream ended without a finish reason.'), 'server_error');
    return draft.result();
  }
  const parsed = parseOpenAiChunkData(event.data, state.chunkHead);
  draft.state.chunkHead = parsed.head;
  const chunk = parsed.value;
  if (!isJsonObject(chunk)) {
    draft.fail(cut('The upstream stream carried an unreadable event.'), 'server_error');
    return draft.result();
  }
  applyChatChunk(draft, chunk);
  return draft.result();
}

/** The upstream closed: a finish_reason seen means a normal end, anything else a cut stream. */
export function flush(state: ResponsesStreamState): StepResult {
  if (state.status !== 'open') return [state, []];
  const draft = new StreamDraft(state);
  if (draft.state.finishReason) finishFrom(draft);
  else
    draft.fail(
      cut('The upstream stream ended before its end marker; the response is incomplete.'),
      'server_error',
    );
  return draft.result();
}
