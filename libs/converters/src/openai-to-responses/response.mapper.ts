import { GatewayError, GatewayErrorCode } from '@switchboard/common/errors';
import {
  asString,
  EMPTY_TOKEN_USAGE,
  isJsonObject,
  tokenUsageFromResponsesUsage,
  type OpenAiResponseMessage,
  type OpenAiToolCall,
} from '@switchboard/protocols';
import type { Converter } from '../converter.interface';
import { chatCompletionOut } from '../shared/chat-completion-out';
import { readMemo } from './conversion-memo';
import { messageTexts, reasoningTexts, REASONING_SEPARATOR, toolCallOf } from './output-items';
import { finishReasonFor } from './stop-reason.mapper';

/**
 * Responses `Response` → Chat `chat.completion` (responses-spec §9.2): message texts joined into `content`,
 * refusal parts into `refusal`, function calls into `tool_calls` (call_id as id), reasoning summaries into
 * `reasoning_content` (option `expose_reasoning`), usage with cached and reasoning tokens.
 */
export const mapResponse: Converter['convertResponse'] = (body, rawMemo, clock, hooks) => {
  if (!isJsonObject(body) || !Array.isArray(body.output)) {
    throw new GatewayError(GatewayErrorCode.UPSTREAM_UNREACHABLE, 'The upstream response is not a Response.');
  }
  if (body.status === 'failed') {
    const error = isJsonObject(body.error) ? body.error : {};
    throw new GatewayError(
      GatewayErrorCode.UPSTREAM_ERROR,
      asString(error.message) ?? 'The upstream response failed.',
      { upstreamType: asString(error.code) ?? 'server_error' },
    );
  }
  const memo = readMemo(rawMemo);
  let text = '';
  let refusal = '';
  const reasoning: string[] = [];
  const toolCalls: OpenAiToolCall[] = [];
  for (const item of body.output) {
    if (!isJsonObject(item)) continue;
    switch (item.type) {
      case 'message': {
        const parts = messageTexts(item);
        text += parts.text;
        refusal += parts.refusal;
        break;
      }
      case 'function_call':
        toolCalls.push(toolCallOf(item, memo.toolNames, () => `call_${clock.newId()}`));
        break;
      case 'reasoning':
        reasoning.push(...reasoningTexts(item));
        break;
      default:
        // Built-in tool calls run upstream; nothing for the client to execute.
        break;
    }
  }

  const message: OpenAiResponseMessage = {
    role: 'assistant',
    content: text.length > 0 || toolCalls.length === 0 ? text : null,
    refusal: refusal.length > 0 ? refusal : null,
  };
  if (toolCalls.length > 0) message.tool_calls = toolCalls;
  if (memo.exposeReasoning && reasoning.length > 0)
    message.reasoning_content = reasoning.join(REASONING_SEPARATOR);

  const answer = {
    message,
    finishReason: finishReasonFor(body.status, body.incomplete_details, toolCalls.length > 0),
    usage: tokenUsageFromResponsesUsage(body.usage) ?? { ...EMPTY_TOKEN_USAGE },
    upstreamModel: asString(body.model) || undefined,
  };
  return chatCompletionOut(answer, memo.model, clock, hooks);
};
