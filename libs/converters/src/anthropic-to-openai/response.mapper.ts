import { GatewayError, GatewayErrorCode } from '@switchboard/common/errors';
import type { ConversionClock, ConversionMemo, ResponseHooks, TokenUsage } from '../converter.interface';
import {
  isJsonObject,
  openAiContentText,
  tokenUsageFromOpenAi as openAiTokenUsage,
  type AnthropicMessage,
  type AnthropicRedactedThinkingBlock,
  type AnthropicTextBlock,
  type AnthropicThinkingBlock,
  type AnthropicToolUseBlock,
  type AnthropicUsage,
  type JsonObject,
} from '@switchboard/protocols';
import { upstreamErrorMessage, upstreamErrorType } from '../shared/upstream-error-message';
import { readMemo, type AnthropicToOpenAiMemo } from './conversion-memo';
import { mapStopReason } from './stop-reason.mapper';
import { toolInputFromArguments } from '../shared/tool-arguments';
import { restoreToolName } from '../shared/tool-names';

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

/** `reasoning_content` (DeepSeek, vLLM) or `reasoning` (OpenRouter, Ollama) text of a message or delta. */
export function reasoningText(message: JsonObject): string | undefined {
  const value = message.reasoning_content ?? message.reasoning;
  return typeof value === 'string' ? value : undefined;
}

/**
 * litellm/Switchboard extension `thinking_blocks` (Claude behind an OpenAI-compatible gateway): signed thinking
 * and redacted thinking, kept as they are so the client can send them back to Claude.
 */
export function signedThinkingBlocks(message: JsonObject): (ThinkingBlockOut | RedactedThinkingBlockOut)[] {
  if (!Array.isArray(message.thinking_blocks)) return [];
  const out: (ThinkingBlockOut | RedactedThinkingBlockOut)[] = [];
  for (const block of message.thinking_blocks) {
    if (!isJsonObject(block)) continue;
    if (
      block.type === 'thinking' &&
      typeof block.thinking === 'string' &&
      typeof block.signature === 'string'
    ) {
      out.push({ type: 'thinking', thinking: block.thinking, signature: block.signature });
    } else if (block.type === 'redacted_thinking' && typeof block.data === 'string') {
      out.push({ type: 'redacted_thinking', data: block.data });
    }
  }
  return out;
}

function malformed(detail: string): GatewayError {
  return new GatewayError(
    GatewayErrorCode.UPSTREAM_ERROR,
    `The upstream returned a malformed chat completion: ${detail}`,
    { upstreamStatus: 200 },
  );
}

function toolUseBlocks(
  calls: unknown,
  memo: AnthropicToOpenAiMemo,
  clock: ConversionClock,
): ToolUseBlockOut[] {
  if (!Array.isArray(calls)) return [];
  return calls.filter(isJsonObject).map((call) => {
    const fn = isJsonObject(call.function) ? call.function : {};
    const id = typeof call.id === 'string' && call.id.length > 0 ? call.id : `toolu_${clock.newId()}`;
    const name = typeof fn.name === 'string' ? restoreToolName(memo.toolNames, fn.name) : '';
    return { type: 'tool_use', id, name, input: toolInputFromArguments(fn.arguments) };
  });
}

/** OpenAI chat completion → Anthropic Message (conversion-spec §6): thinking, then text, then tool_use. */
export function mapResponse(
  body: unknown,
  rawMemo: ConversionMemo,
  clock: ConversionClock,
  hooks?: ResponseHooks,
): Record<string, unknown> {
  const memo = readMemo(rawMemo);
  if (!isJsonObject(body)) throw malformed('the body is not a JSON object');
  if (body.error !== undefined && body.error !== null) {
    throw new GatewayError(GatewayErrorCode.UPSTREAM_ERROR, upstreamErrorMessage(200, body), {
      upstreamStatus: 200,
      upstreamType: upstreamErrorType(body),
    });
  }
  if (!Array.isArray(body.choices)) throw malformed('"choices" is missing');
  const choice = body.choices.find(isJsonObject);
  const message = choice && isJsonObject(choice.message) ? choice.message : {};
  if (choice?.finish_reason === 'error') {
    throw new GatewayError(
      GatewayErrorCode.UPSTREAM_ERROR,
      'The upstream ended the completion with an error',
      {
        upstreamStatus: 200,
      },
    );
  }

  const content: ContentBlockOut[] = [];
  const signed = signedThinkingBlocks(message);
  // Mistral/Magistral: `content` is an array of `thinking` and `text` parts.
  const parts = openAiContentText(message.content);
  const reasoning = reasoningText(message) || parts.thinking;
  if (signed.length > 0) content.push(...signed);
  else if (reasoning) content.push({ type: 'thinking', thinking: reasoning, signature: '' });
  const text = parts.text;
  if (text.length > 0) content.push({ type: 'text', text });
  const refusal = typeof message.refusal === 'string' && message.refusal.length > 0 ? message.refusal : '';
  if (refusal) content.push({ type: 'text', text: refusal });
  const tools = toolUseBlocks(message.tool_calls, memo, clock);
  // Legacy `function_call` (functions API) is one call without an id.
  if (tools.length === 0 && isJsonObject(message.function_call)) {
    tools.push(...toolUseBlocks([{ function: message.function_call }], memo, clock));
  }
  content.push(...tools);

  const stop = mapStopReason(
    {
      finishReason: choice?.finish_reason,
      matchedStop: choice?.stop_reason,
      textTail: text,
      hasToolCalls: tools.length > 0,
      sawRefusal: refusal.length > 0,
    },
    memo,
  );
  const usage = openAiTokenUsage(body.usage);
  const upstreamModel = typeof body.model === 'string' && body.model.length > 0 ? body.model : undefined;
  if (upstreamModel !== undefined) hooks?.onModel?.(upstreamModel);
  if (usage) hooks?.onUsage?.(usage);
  const out: MessageOut = {
    id: `msg_${clock.newId()}`,
    type: 'message',
    role: 'assistant',
    model: upstreamModel ?? memo.requestedModel,
    content,
    stop_reason: stop.stop_reason,
    stop_sequence: stop.stop_sequence,
    usage: usageOut(usage ?? EMPTY_USAGE),
  };
  return out as unknown as Record<string, unknown>;
}
