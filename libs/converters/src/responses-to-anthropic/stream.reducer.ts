import type { GatewayError } from '@switchboard/common/errors';
import {
  encodeThinkingCarrier,
  isJsonObject,
  parseAnthropicEventData,
  type OpenAiChatStreamEvent,
  type SseEvent,
} from '@switchboard/protocols';
import type { ConversionClock, ConversionMemo } from '../converter.interface';
import { chatMemoOf } from './conversion-memo';
import { readMemo as chatMemoFrom } from '../openai-to-anthropic/conversion-memo';
import {
  flush as chatFlush,
  initialStreamState as initialChatState,
  step as chatStep,
  type StreamState as ChatStreamState,
} from '../openai-to-anthropic/stream.reducer';
import {
  applyChatChunk,
  failResponsesStream,
  initialResponsesStreamState,
  StreamDraft,
  responsesClientMemoFrom,
  type ResponsesStreamState,
} from '../responses-to-openai';
import { statusForFinishReason } from '../responses-to-openai/response-builder';

/**
 * Anthropic events → Responses events as a pure reducer composed of two: the Chat direction's reducer turns each
 * Anthropic event into Chat chunks, which drive the Responses state machine. Thinking signatures never reach a
 * Chat chunk, so they are read from the raw Anthropic events here: each thinking block is its own reasoning item,
 * its signature (or redacted data) carried in `encrypted_content`.
 */

export interface ComposedStreamState {
  readonly chat: ChatStreamState;
  readonly responses: ResponsesStreamState;
}

export type StepResult = [ComposedStreamState, SseEvent[]];

export function initialComposedState(memo: ConversionMemo, clock: ConversionClock): ComposedStreamState {
  return {
    chat: initialChatState({ ...chatMemoFrom(chatMemoOf(memo)), includeUsage: true }, clock),
    responses: initialResponsesStreamState(responsesClientMemoFrom(memo), clock),
  };
}

function observeRaw(draft: StreamDraft, event: SseEvent): void {
  if (event.event !== 'content_block_start' && event.event !== 'content_block_delta') return;
  const data = parseAnthropicEventData(event.data);
  if (!isJsonObject(data)) return;
  const block = isJsonObject(data.content_block) ? data.content_block : undefined;
  if (block?.type === 'thinking') draft.closeText();
  if (block?.type === 'redacted_thinking' && typeof block.data === 'string') {
    draft.addOpaqueReasoning(encodeThinkingCarrier({ redacted: block.data }));
  }
  const delta = isJsonObject(data.delta) ? data.delta : undefined;
  if (delta?.type === 'signature_delta' && typeof delta.signature === 'string' && delta.signature) {
    draft.setReasoningCarrier(encodeThinkingCarrier({ signature: delta.signature }));
  }
}

function applyChatEvents(draft: StreamDraft, events: readonly OpenAiChatStreamEvent[]): void {
  for (const event of events) {
    if (draft.state.status !== 'open') return;
    if (event.kind === 'done') {
      const { status, incomplete } = statusForFinishReason(draft.state.finishReason);
      draft.finish(status === 'incomplete' ? incomplete : undefined);
      return;
    }
    const chunk = event.kind === 'chunk' ? event.chunk : { error: event.error };
    applyChatChunk(draft, chunk as unknown as Record<string, unknown>);
  }
}

function advance(
  state: ComposedStreamState,
  chat: [ChatStreamState, OpenAiChatStreamEvent[]],
  raw?: SseEvent,
): StepResult {
  const draft = new StreamDraft(state.responses);
  if (raw && state.chat.status === 'open') observeRaw(draft, raw);
  applyChatEvents(draft, chat[1]);
  const [chatState] = chat;
  if (chatState.status === 'failed' && chatState.failure && draft.state.status === 'failed') {
    draft.state.failure = chatState.failure;
  }
  const [responses, events] = draft.result();
  return [{ chat: chatState, responses }, events];
}

export function step(state: ComposedStreamState, event: SseEvent): StepResult {
  if (state.responses.status !== 'open') return [state, []];
  return advance(state, chatStep(state.chat, event), event);
}

export function flush(state: ComposedStreamState): StepResult {
  if (state.responses.status !== 'open') return [state, []];
  return advance(state, chatFlush(state.chat));
}

export function fail(state: ComposedStreamState, error: GatewayError): StepResult {
  const [responses, events] = failResponsesStream(state.responses, error);
  return [{ ...state, responses }, events];
}
