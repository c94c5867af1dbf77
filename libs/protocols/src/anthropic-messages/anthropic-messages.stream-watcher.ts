import { asString, isJsonObject, tryParseJson } from '../json/json-value';
import type { SseEvent } from '../sse/sse-event';
import { StreamSignal, type StreamErrorReport, type StreamWatcher } from '../stream/stream-watcher';
import { EMPTY_TOKEN_USAGE, type TokenUsage } from '../usage/token-usage';
import { anthropicEventName, anthropicStreamErrorStatus } from './anthropic-messages.stream';
import { mergeAnthropicUsage } from './anthropic-messages.usage';

export class AnthropicMessagesStreamWatcher implements StreamWatcher {
  endedCleanly = false;
  firstTokenSeen = false;
  usage: TokenUsage | undefined;
  model: string | undefined;
  upstreamError: StreamErrorReport | undefined;

  observe(event: SseEvent): StreamSignal {
    switch (anthropicEventName(event)) {
      case 'content_block_delta':
        this.firstTokenSeen = true;
        return StreamSignal.Continue;
      case 'content_block_start':
        if (!this.firstTokenSeen && event.data.includes('"tool_use"')) this.firstTokenSeen = true;
        return StreamSignal.Continue;
      case 'message_start': {
        const parsed = tryParseJson(event.data);
        const message = isJsonObject(parsed) && isJsonObject(parsed.message) ? parsed.message : {};
        const model = asString(message.model);
        if (model) this.model = model;
        if (Array.isArray(message.content) && message.content.length > 0) this.firstTokenSeen = true;
        this.mergeUsage(message.usage);
        return StreamSignal.Continue;
      }
      case 'message_delta': {
        const parsed = tryParseJson(event.data);
        if (isJsonObject(parsed)) this.mergeUsage(parsed.usage);
        return StreamSignal.Continue;
      }
      case 'message_stop':
        this.endedCleanly = true;
        return StreamSignal.Terminated;
      case 'error': {
        const parsed = tryParseJson(event.data);
        const error = isJsonObject(parsed) && isJsonObject(parsed.error) ? parsed.error : {};
        const type = asString(error.type) ?? 'api_error';
        this.upstreamError = {
          type,
          message: asString(error.message) ?? 'Upstream stream error',
          status: anthropicStreamErrorStatus(type),
        };
        return StreamSignal.UpstreamError;
      }
      default:
        return StreamSignal.Continue;
    }
  }

  private mergeUsage(raw: unknown): void {
    if (!isJsonObject(raw)) return;
    this.usage = mergeAnthropicUsage(this.usage ?? EMPTY_TOKEN_USAGE, raw);
  }
}
