import { asString, isJsonObject, tryParseJson } from '../json/json-value';
import type { SseEvent } from '../sse/sse-event';
import { StreamSignal, type StreamErrorReport, type StreamWatcher } from '../stream/stream-watcher';
import type { TokenUsage } from '../usage/token-usage';
import { openAiStreamErrorStatus } from '../openai-chat/openai-chat.stream';
import { responsesEventType } from './responses-events';
import { tokenUsageFromResponsesUsage } from './responses.usage';

/**
 * Watches a Responses stream relayed as is. Only lifecycle events (`response.created`, the terminal ones) and
 * `error` are parsed; deltas get a string check. `response.completed`/`.incomplete` end it normally;
 * `response.failed` and `error` are upstream errors.
 */
export class OpenAiResponsesStreamWatcher implements StreamWatcher {
  endedCleanly = false;
  firstTokenSeen = false;
  usage: TokenUsage | undefined;
  model: string | undefined;
  upstreamError: StreamErrorReport | undefined;

  observe(event: SseEvent): StreamSignal {
    const type = responsesEventType(event);
    if (type === undefined) return StreamSignal.Continue;
    if (type.endsWith('.delta')) {
      this.firstTokenSeen = true;
      return StreamSignal.Continue;
    }
    if (!type.startsWith('response.') && type !== 'error') return StreamSignal.Continue;
    if (
      !['response.created', 'response.completed', 'response.incomplete', 'response.failed', 'error'].includes(
        type,
      )
    ) {
      return StreamSignal.Continue;
    }
    const data = tryParseJson(event.data);
    const payload = isJsonObject(data) ? data : {};
    const response = isJsonObject(payload.response) ? payload.response : undefined;
    const model = asString(response?.model);
    if (model && this.model === undefined) this.model = model;
    if (type === 'response.completed' || type === 'response.incomplete') {
      this.usage = tokenUsageFromResponsesUsage(response?.usage) ?? this.usage;
      this.endedCleanly = true;
      return StreamSignal.Terminated;
    }
    if (type === 'response.failed' || type === 'error') {
      const error = isJsonObject(payload.error)
        ? payload.error
        : isJsonObject(response?.error)
          ? response.error
          : payload;
      this.upstreamError = {
        type: asString(error.type) ?? asString(error.code) ?? 'server_error',
        message: asString(error.message) ?? 'Upstream stream error',
        status: openAiStreamErrorStatus(error),
      };
      return StreamSignal.UpstreamError;
    }
    return StreamSignal.Continue;
  }
}
