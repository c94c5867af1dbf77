import type { SseEvent } from '@switchboard/protocols';
import type { ResponseHooks, TokenUsage } from '../converter.interface';
import { asString, isJsonObject, tryParseJson } from '../shared/json-object';
import { tokenUsageFromAnthropic } from '../shared/usage';
import { ProbeResult, type StreamProbe } from './stream-probe';

const TYPE_FIELD = /"type"\s*:\s*"([a-z_]+)"/;

/** The Anthropic event name: the `event:` line, or the first `type` of the data when a server omits it. */
export function anthropicEventName(event: SseEvent): string | undefined {
  if (event.event !== undefined) return event.event;
  return TYPE_FIELD.exec(event.data)?.[1];
}

export class AnthropicStreamProbe implements StreamProbe {
  endedCleanly = false;
  usage: TokenUsage | undefined;
  upstreamError: { type: string; message: string } | undefined;
  private firstTokenSeen = false;

  constructor(private readonly hooks: ResponseHooks | undefined) {}

  observe(event: SseEvent): ProbeResult {
    switch (anthropicEventName(event)) {
      case 'content_block_delta':
        this.firstToken();
        return ProbeResult.Continue;
      case 'content_block_start':
        if (!this.firstTokenSeen && event.data.includes('"tool_use"')) this.firstToken();
        return ProbeResult.Continue;
      case 'message_start': {
        const parsed = tryParseJson(event.data);
        if (isJsonObject(parsed) && isJsonObject(parsed.message)) this.mergeUsage(parsed.message.usage);
        return ProbeResult.Continue;
      }
      case 'message_delta': {
        const parsed = tryParseJson(event.data);
        if (isJsonObject(parsed)) this.mergeUsage(parsed.usage);
        return ProbeResult.Continue;
      }
      case 'message_stop':
        this.endedCleanly = true;
        if (this.usage) this.hooks?.onUsage?.(this.usage);
        return ProbeResult.Terminated;
      case 'error': {
        const parsed = tryParseJson(event.data);
        const error = isJsonObject(parsed) && isJsonObject(parsed.error) ? parsed.error : {};
        this.upstreamError = {
          type: asString(error.type) ?? 'api_error',
          message: asString(error.message) ?? 'Upstream stream error',
        };
        return ProbeResult.UpstreamError;
      }
      default:
        return ProbeResult.Continue;
    }
  }

  private firstToken(): void {
    if (this.firstTokenSeen) return;
    this.firstTokenSeen = true;
    this.hooks?.onFirstToken?.();
  }

  /** Counters are cumulative: later values overwrite, absent ones keep what message_start said. */
  private mergeUsage(raw: unknown): void {
    if (!isJsonObject(raw)) return;
    const next = tokenUsageFromAnthropic(raw);
    if (!next) return;
    const previous = this.usage;
    this.usage = previous
      ? {
          input_tokens: raw.input_tokens != null ? next.input_tokens : previous.input_tokens,
          output_tokens: raw.output_tokens != null ? next.output_tokens : previous.output_tokens,
          cache_read_input_tokens:
            raw.cache_read_input_tokens != null
              ? next.cache_read_input_tokens
              : previous.cache_read_input_tokens,
          cache_creation_input_tokens:
            raw.cache_creation_input_tokens != null
              ? next.cache_creation_input_tokens
              : previous.cache_creation_input_tokens,
        }
      : next;
  }
}
