import { GatewayError, GatewayErrorCode } from '@switchboard/common/errors';
import type { ConversionClock, Converter } from '../converter.interface';
import {
  isJsonObject,
  openAiContentText,
  tokenUsageFromOpenAi as openAiTokenUsage,
  type JsonObject,
} from '@switchboard/protocols';
import {
  anthropicMessageOut,
  type ContentBlockOut,
  type RedactedThinkingBlockOut,
  type ThinkingBlockOut,
  type ToolUseBlockOut,
} from '../shared/anthropic-message-out';
import { upstreamErrorMessage, upstreamErrorType } from '../shared/upstream-error-message';
import { readMemo, type AnthropicToOpenAiMemo } from './conversion-memo';
import { mapStopReason } from './stop-reason.mapper';
import { toolInputFromArguments } from '../shared/tool-arguments';
import { restoreToolName } from '../shared/tool-names';

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
export const mapResponse: Converter['convertResponse'] = (body, rawMemo, clock, hooks) => {
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
  const answer = {
    content,
    stopReason: stop.stop_reason,
    stopSequence: stop.stop_sequence,
    usage: openAiTokenUsage(body.usage),
  };
  return anthropicMessageOut(body, answer, memo.requestedModel, clock, hooks);
};
