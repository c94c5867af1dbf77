import { GatewayError, GatewayErrorCode } from '@switchboard/common/errors';
import {
  asString,
  EMPTY_TOKEN_USAGE,
  isJsonObject,
  tokenUsageFromAnthropic,
  type OpenAiResponseMessage,
  type OpenAiToolCall,
} from '@switchboard/protocols';
import type { Converter } from '../converter.interface';
import { chatCompletionOut } from '../shared/chat-completion-out';
import { restoreToolName } from '../shared/tool-names';
import { readMemo } from './conversion-memo';
import { finishReasonFor } from './stop-reason.mapper';
import { jsonToolContent } from './json-tool';

/** Anthropic Message → OpenAI chat.completion (conversion-spec §3). */
export const mapResponse: Converter['convertResponse'] = (body, rawMemo, clock, hooks) => {
  if (!isJsonObject(body) || !Array.isArray(body.content)) {
    throw new GatewayError(
      GatewayErrorCode.UPSTREAM_UNREACHABLE,
      'The upstream response is not an Anthropic message.',
    );
  }
  const memo = readMemo(rawMemo);
  const texts: string[] = [];
  const reasoning: string[] = [];
  const thinkingBlocks: Record<string, unknown>[] = [];
  const toolCalls: OpenAiToolCall[] = [];
  let jsonContent: string | undefined;

  for (const block of body.content) {
    if (!isJsonObject(block)) continue;
    switch (block.type) {
      case 'text':
        if (typeof block.text === 'string') texts.push(block.text);
        break;
      case 'thinking':
        if (typeof block.thinking === 'string') reasoning.push(block.thinking);
        thinkingBlocks.push({
          type: 'thinking',
          thinking: block.thinking ?? '',
          signature: block.signature ?? '',
        });
        break;
      case 'redacted_thinking':
        thinkingBlocks.push({ type: 'redacted_thinking', data: block.data ?? '' });
        break;
      case 'tool_use': {
        const name = asString(block.name) ?? '';
        if (memo.jsonTool !== undefined && name === memo.jsonTool) {
          jsonContent = jsonToolContent(block.input, memo);
          break;
        }
        toolCalls.push({
          id: asString(block.id) ?? `call_${clock.newId()}`,
          type: 'function',
          function: {
            name: restoreToolName(memo.toolNames, name),
            arguments: JSON.stringify(block.input ?? {}),
          },
        });
        break;
      }
      default:
        // server_tool_use and server tool results are not the client's to execute.
        break;
    }
  }

  if (jsonContent !== undefined) texts.push(jsonContent);
  const text = texts.join('');
  const stopReason = body.stop_reason;
  let finishReason = finishReasonFor(stopReason);
  if (finishReason === 'tool_calls' && toolCalls.length === 0) finishReason = 'stop';

  const message: OpenAiResponseMessage = {
    role: 'assistant',
    content: text.length > 0 || toolCalls.length === 0 ? text : null,
    refusal: null,
  };
  if (stopReason === 'refusal') {
    const details = isJsonObject(body.stop_details) ? asString(body.stop_details.explanation) : undefined;
    message.refusal = details ?? (text.length > 0 ? text : 'The model declined to respond.');
  }
  if (toolCalls.length > 0) message.tool_calls = toolCalls;
  if (memo.exposeReasoning && reasoning.length > 0) message.reasoning_content = reasoning.join('');
  const withExtensions = message as OpenAiResponseMessage & { thinking_blocks?: Record<string, unknown>[] };
  if (memo.exposeReasoning && thinkingBlocks.length > 0) withExtensions.thinking_blocks = thinkingBlocks;

  const answer = {
    message,
    finishReason,
    usage: tokenUsageFromAnthropic(body.usage) ?? { ...EMPTY_TOKEN_USAGE },
    // An empty `model` is kept as the upstream sent it (not replaced by the requested one).
    upstreamModel: asString(body.model),
  };
  return chatCompletionOut(answer, memo.model, clock, hooks);
};
