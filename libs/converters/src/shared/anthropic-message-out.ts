import type {
  AnthropicMessage,
  AnthropicRedactedThinkingBlock,
  AnthropicStreamEvent,
  AnthropicTextBlock,
  AnthropicThinkingBlock,
  AnthropicToolUseBlock,
  AnthropicUsage,
  JsonObject,
} from '@switchboard/protocols';
import type { ConversionClock, ResponseHooks, TokenUsage } from '../converter.interface';

/** Output shapes: the fields of the Anthropic wire types (libs/protocols) that Switchboard writes. */
export type TextBlockOut = Pick<AnthropicTextBlock, 'type' | 'text'>;
export type ThinkingBlockOut = AnthropicThinkingBlock;
export type RedactedThinkingBlockOut = AnthropicRedactedThinkingBlock;
export type ToolUseBlockOut = Pick<AnthropicToolUseBlock, 'type' | 'id' | 'name' | 'input'>;
export type ContentBlockOut = TextBlockOut | ThinkingBlockOut | RedactedThinkingBlockOut | ToolUseBlockOut;
export type UsageOut = Pick<
  AnthropicUsage,
  'input_tokens' | 'output_tokens' | 'cache_creation_input_tokens' | 'cache_read_input_tokens'
>;
export type MessageOut = Omit<AnthropicMessage, 'content' | 'usage'> & {
  content: ContentBlockOut[];
  usage: UsageOut;
};

export const EMPTY_USAGE: TokenUsage = {
  input_tokens: 0,
  output_tokens: 0,
  cache_read_input_tokens: 0,
  cache_creation_input_tokens: 0,
};

export function usageOut(usage: TokenUsage): UsageOut {
  return {
    input_tokens: usage.input_tokens,
    output_tokens: usage.output_tokens,
    cache_creation_input_tokens: usage.cache_creation_input_tokens,
    cache_read_input_tokens: usage.cache_read_input_tokens,
  };
}

/** The `message_start` event of a stream toward an Anthropic client (content and usage come later). */
export function messageStartEvent(messageId: string, model: string): AnthropicStreamEvent {
  return {
    type: 'message_start',
    message: {
      id: messageId,
      type: 'message',
      role: 'assistant',
      model,
      content: [],
      stop_reason: null,
      stop_sequence: null,
      usage: usageOut(EMPTY_USAGE),
    },
  };
}

/** The end of a clean stream toward an Anthropic client: `message_delta` with stop and usage, then `message_stop`. */
export function pushMessageEnd(
  out: AnthropicStreamEvent[],
  stopReason: MessageOut['stop_reason'],
  stopSequence: MessageOut['stop_sequence'],
  usage: TokenUsage | null,
): void {
  out.push({
    type: 'message_delta',
    delta: { stop_reason: stopReason, stop_sequence: stopSequence },
    usage: usageOut(usage ?? EMPTY_USAGE),
  });
  out.push({ type: 'message_stop' });
}

/** What a converted upstream answer says, apart from the model and usage read from its body. */
export interface MessageParts {
  readonly content: ContentBlockOut[];
  readonly stopReason: MessageOut['stop_reason'];
  readonly stopSequence: MessageOut['stop_sequence'];
  readonly usage: TokenUsage | null | undefined;
}

/** The Anthropic message for a non-streamed answer; the upstream's model and usage go to the hooks first. */
export function anthropicMessageOut(
  body: JsonObject,
  parts: MessageParts,
  requestedModel: string,
  clock: ConversionClock,
  hooks?: ResponseHooks,
): Record<string, unknown> {
  const upstreamModel = typeof body.model === 'string' && body.model.length > 0 ? body.model : undefined;
  if (upstreamModel !== undefined) hooks?.onModel?.(upstreamModel);
  if (parts.usage) hooks?.onUsage?.(parts.usage);
  const out: MessageOut = {
    id: `msg_${clock.newId()}`,
    type: 'message',
    role: 'assistant',
    model: upstreamModel ?? requestedModel,
    content: parts.content,
    stop_reason: parts.stopReason,
    stop_sequence: parts.stopSequence,
    usage: usageOut(parts.usage ?? EMPTY_USAGE),
  };
  return out as unknown as Record<string, unknown>;
}
