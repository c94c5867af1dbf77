import { hasOpenAiFinishReason, isOpenAiStreamDone, type SseEvent } from '@switchboard/protocols';
import type { ResponseHooks, TokenUsage } from '../converter.interface';
import { asString, isJsonObject, tryParseJson } from '../shared/json-object';
import { tokenUsageFromOpenAi } from '../shared/usage';
import { ProbeResult, type StreamProbe } from './stream-probe';

const FIRST_TOKEN = /"(?:content|reasoning_content|reasoning|refusal)"\s*:\s*"[^"]|"tool_calls"\s*:\s*\[/;
const USAGE_OBJECT = /"usage"\s*:\s*\{/;

export class OpenAiStreamProbe implements StreamProbe {
  endedCleanly = false;
  usage: TokenUsage | undefined;
  upstreamError: { type: string; message: string } | undefined;
  private firstTokenSeen = false;
  private reported = false;

  constructor(private readonly hooks: ResponseHooks | undefined) {}

  observe(event: SseEvent): ProbeResult {
    const data = event.data;
    if (isOpenAiStreamDone(event)) {
      this.finish();
      return ProbeResult.Terminated;
    }
    if (!this.firstTokenSeen && FIRST_TOKEN.test(data)) {
      this.firstTokenSeen = true;
      this.hooks?.onFirstToken?.();
    }
    if (USAGE_OBJECT.test(data) || data.includes('"error"') || event.event === 'error') {
      const parsed = tryParseJson(data);
      if (isJsonObject(parsed)) {
        if (parsed.error !== undefined && parsed.error !== null) {
          const error = isJsonObject(parsed.error) ? parsed.error : {};
          this.upstreamError = {
            type: asString(error.type) ?? asString(error.code) ?? 'server_error',
            message: asString(error.message) ?? 'Upstream stream error',
          };
          return ProbeResult.UpstreamError;
        }
        const usage = tokenUsageFromOpenAi(parsed.usage);
        if (usage) this.usage = usage;
      }
    }
    if (!this.endedCleanly && hasOpenAiFinishReason(data)) this.endedCleanly = true;
    return ProbeResult.Continue;
  }

  /** Stream over ([DONE] or close after finish_reason): report usage once. */
  finish(): void {
    this.endedCleanly = true;
    if (this.reported) return;
    this.reported = true;
    if (this.usage) this.hooks?.onUsage?.(this.usage);
  }
}
