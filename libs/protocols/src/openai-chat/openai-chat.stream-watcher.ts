import { asString, isJsonObject, tryParseJson } from '../json/json-value';
import type { SseEvent } from '../sse/sse-event';
import {
  modelInJson,
  StreamSignal,
  type StreamErrorReport,
  type StreamWatcher,
} from '../stream/stream-watcher';
import type { TokenUsage } from '../usage/token-usage';
import {
  hasOpenAiFinishReason,
  isOpenAiStreamDone,
  isOpenAiStreamErrorEvent,
  openAiStreamErrorStatus,
} from './openai-chat.stream';
import { tokenUsageFromOpenAi } from './openai-chat.usage';

const FIRST_TOKEN =
  /"(?:content|reasoning_content|reasoning|refusal)"\s*:\s*"[^"]|"(?:tool_calls|content)"\s*:\s*\[\s*\{/;
const USAGE_OBJECT = /"usage"\s*:\s*\{/;

export class OpenAiChatStreamWatcher implements StreamWatcher {
  endedCleanly = false;
  firstTokenSeen = false;
  usage: TokenUsage | undefined;
  model: string | undefined;
  upstreamError: StreamErrorReport | undefined;

  observe(event: SseEvent): StreamSignal {
    const data = event.data;
    if (isOpenAiStreamDone(event)) {
      this.endedCleanly = true;
      return StreamSignal.Terminated;
    }
    if (isOpenAiStreamErrorEvent(event)) {
      const parsed = tryParseJson(data);
      const error = isJsonObject(parsed) && isJsonObject(parsed.error) ? parsed.error : {};
      this.upstreamError = {
        type: asString(error.type) ?? asString(error.code) ?? 'server_error',
        message: asString(error.message) ?? (data.trim() || 'Upstream stream error'),
        status: openAiStreamErrorStatus(error),
      };
      return StreamSignal.UpstreamError;
    }
    // Azure's filter-only first chunk has `model: ""`: the model is the first non-empty one.
    if (this.model === undefined) {
      const model = modelInJson(data);
      if (model) this.model = model;
    }
    if (!this.firstTokenSeen && FIRST_TOKEN.test(data)) this.firstTokenSeen = true;
    if (USAGE_OBJECT.test(data)) {
      const parsed = tryParseJson(data);
      const usage = isJsonObject(parsed) ? tokenUsageFromOpenAi(parsed.usage) : undefined;
      if (usage) this.usage = usage;
    }
    if (!this.endedCleanly && hasOpenAiFinishReason(data)) this.endedCleanly = true;
    return StreamSignal.Continue;
  }
}
