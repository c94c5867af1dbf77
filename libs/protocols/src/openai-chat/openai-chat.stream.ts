import { asString, isJsonObject, tryParseJson } from '../json/json-value';
import type { SseEvent } from '../sse/sse-event';
import { openAiErrorBody, type OpenAiErrorFields } from './openai-chat.errors';
import type { OpenAiChatStreamEvent } from './openai-chat.types';

/**
 * The OpenAI Chat Completions stream grammar: `data: {chunk}` frames (no `event:` line), ended by `data: [DONE]`,
 * or by a close after a chunk with a finish_reason. An error after HTTP 200 is a `data: {"error":{…}}` frame
 * (the OpenAI SDK raises APIError on it); some servers also send `event: error` or `finish_reason: "error"`.
 */

export const OPENAI_DONE_DATA = '[DONE]';

/** The terminator of every OpenAI stream: `data: [DONE]`. */
export function openAiDoneEvent(): SseEvent {
  return { data: OPENAI_DONE_DATA };
}

export function isOpenAiStreamDone(event: SseEvent): boolean {
  return (
    event.data === OPENAI_DONE_DATA || (event.data.length < 10 && event.data.trim() === OPENAI_DONE_DATA)
  );
}

const FINISH_REASON_SET = /"finish_reason"\s*:\s*"/;

/** True when an OpenAI chunk sets a finish_reason (a JSON key; escaped text inside content cannot match). */
export function hasOpenAiFinishReason(data: string): boolean {
  return FINISH_REASON_SET.test(data);
}

const ERROR_KEY = /"error"\s*:\s*[{"]/;

/**
 * Is this OpenAI-protocol event an in-stream error report? (`event: error`, or a frame whose top-level `error`
 * is set.) Only frames with an `"error":` key are parsed.
 */
export function isOpenAiStreamErrorEvent(event: SseEvent): boolean {
  if (event.event === 'error') return true;
  if (!ERROR_KEY.test(event.data)) return false;
  const parsed = tryParseJson(event.data);
  return isJsonObject(parsed) && parsed.error !== undefined && parsed.error !== null;
}

/** In-stream OpenAI error frame: `data: {"error":{…}}` (no event line). */
export function openAiStreamErrorEvent(fields: OpenAiErrorFields): SseEvent {
  return { data: JSON.stringify(openAiErrorBody(fields)) };
}

/**
 * HTTP status an in-stream OpenAI error object stands for: a numeric `code` (OpenRouter sends the status there),
 * else the words of its `type`/`code`.
 */
export function openAiStreamErrorStatus(error: unknown): number {
  const fields = isJsonObject(error) ? error : {};
  const code = fields.code;
  const numeric = typeof code === 'number' ? code : typeof code === 'string' ? Number(code) : NaN;
  if (Number.isInteger(numeric) && numeric >= 400 && numeric <= 599) return numeric;
  const words = `${asString(fields.type) ?? ''} ${typeof code === 'string' ? code : ''}`;
  if (/insufficient_quota/.test(words)) return 402;
  if (/rate_limit|requests|tokens/.test(words)) return 429;
  if (/overloaded|slow_down/.test(words)) return 503;
  if (/timeout/.test(words)) return 504;
  if (/invalid_request/.test(words)) return 400;
  return 500;
}

/** One event as a frame. Key order is the object's: build chunks as `id, object, created, model, choices, usage`. */
export function encodeOpenAiStreamEvent(event: OpenAiChatStreamEvent): SseEvent {
  switch (event.kind) {
    case 'chunk':
      return { data: JSON.stringify(event.chunk), singleLine: true };
    case 'error':
      return { data: JSON.stringify({ error: event.error }), singleLine: true };
    case 'done':
      return openAiDoneEvent();
  }
}

/**
 * Azure OpenAI with content filtering opens every stream with a chunk holding only `prompt_filter_results`
 * (`model: ""`, `choices: []`, no usage): it says nothing about the answer.
 */
export function isOpenAiFilterOnlyChunk(chunk: Record<string, unknown>): boolean {
  return (
    chunk.prompt_filter_results !== undefined &&
    (!Array.isArray(chunk.choices) || chunk.choices.length === 0) &&
    !isJsonObject(chunk.usage)
  );
}
