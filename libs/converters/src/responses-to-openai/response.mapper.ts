import {
  encodeThinkingCarrier,
  responsesId,
  type ResponsesCustomToolCallItem,
  type ResponsesFunctionCallItem,
  type ResponsesOutputItem,
  isJsonObject,
  type JsonObject,
} from '@switchboard/protocols';
import { GatewayError, GatewayErrorCode } from '@switchboard/common/errors';
import type { Converter } from '../converter.interface';
import { fromMemo, type ResponsesClientMemo } from './conversion-memo';
import { customInputOf } from './custom-tools';
import {
  buildResponse,
  emptyUsage,
  responsesUsageFromChat,
  statusForFinishReason,
  tokenUsageFromResponses,
} from './response-builder';

/**
 * Chat completion → `Response` (responses-spec §7.3): reasoning first (one item per signed thinking block when the
 * Anthropic direction supplied `thinking_blocks`, else one from `reasoning_content`), then the message, then one
 * `function_call` item per tool call with namespaced names restored (`custom_tool_call` for converted custom tools).
 */

function reasoningItems(message: JsonObject, newId: () => string): ResponsesOutputItem[] {
  const blocks = Array.isArray(message.thinking_blocks) ? message.thinking_blocks.filter(isJsonObject) : [];
  if (blocks.length > 0) {
    return blocks.map((block) => {
      const id = responsesId('reasoning', newId());
      if (block.type === 'redacted_thinking' && typeof block.data === 'string') {
        return {
          type: 'reasoning',
          id,
          summary: [],
          encrypted_content: encodeThinkingCarrier({ redacted: block.data }),
          status: 'completed',
        };
      }
      const text = typeof block.thinking === 'string' ? block.thinking : '';
      const item: ResponsesOutputItem = {
        type: 'reasoning',
        id,
        summary: [{ type: 'summary_text', text }],
        status: 'completed',
      };
      if (typeof block.signature === 'string' && block.signature) {
        item.encrypted_content = encodeThinkingCarrier({ signature: block.signature });
      }
      return item;
    });
  }
  const text = message.reasoning_content ?? message.reasoning;
  if (typeof text !== 'string' || text.length === 0) return [];
  return [
    {
      type: 'reasoning',
      id: responsesId('reasoning', newId()),
      summary: [{ type: 'summary_text', text }],
      status: 'completed',
    },
  ];
}

function callItems(
  message: JsonObject,
  memo: ResponsesClientMemo,
  newId: () => string,
): ResponsesOutputItem[] {
  if (!Array.isArray(message.tool_calls)) return [];
  return message.tool_calls.filter(isJsonObject).map((call): ResponsesOutputItem => {
    const fn = isJsonObject(call.function) ? call.function : {};
    const upstreamName = typeof fn.name === 'string' ? fn.name : '';
    const args = typeof fn.arguments === 'string' ? fn.arguments : '';
    const custom = memo.custom[upstreamName];
    if (custom) {
      const item: ResponsesCustomToolCallItem = {
        type: 'custom_tool_call',
        id: responsesId('customToolCall', newId()),
        call_id: typeof call.id === 'string' ? call.id : responsesId('customToolCall', newId()),
        name: custom.name,
        input: customInputOf(args),
      };
      if (custom.namespace !== undefined) item.namespace = custom.namespace;
      return item;
    }
    const mapped = memo.namespaced[upstreamName];
    const item: ResponsesFunctionCallItem = {
      type: 'function_call',
      id: responsesId('functionCall', newId()),
      call_id: typeof call.id === 'string' ? call.id : responsesId('functionCall', newId()),
      name: mapped ? mapped.name : upstreamName,
      arguments: args || '{}',
      status: 'completed',
    };
    if (mapped) item.namespace = mapped.namespace;
    return item;
  });
}

export const mapResponse: Converter['convertResponse'] = (body, rawMemo, clock, hooks) => {
  const memo = fromMemo(rawMemo);
  const choice = isJsonObject(body) && Array.isArray(body.choices) ? body.choices[0] : undefined;
  if (!isJsonObject(body) || !isJsonObject(choice) || !isJsonObject(choice.message)) {
    throw new GatewayError(
      GatewayErrorCode.UPSTREAM_UNREACHABLE,
      'The upstream answered with an unreadable chat completion.',
    );
  }
  const message = choice.message;
  const output: ResponsesOutputItem[] = [...reasoningItems(message, clock.newId)];
  const texts: string[] = [];
  if (typeof message.content === 'string' && message.content.length > 0) texts.push(message.content);
  const parts: (ResponsesOutputItem & { type: 'message' })['content'] = texts.map((text) => ({
    type: 'output_text',
    text,
    annotations: [],
    logprobs: [],
  }));
  if (typeof message.refusal === 'string' && message.refusal)
    parts.push({ type: 'refusal', refusal: message.refusal });
  if (parts.length > 0) {
    output.push({
      type: 'message',
      id: responsesId('message', clock.newId()),
      role: 'assistant',
      status: 'completed',
      content: parts,
    });
  }
  output.push(...callItems(message, memo, clock.newId));
  const usage = responsesUsageFromChat(body.usage) ?? emptyUsage();
  hooks?.onUsage?.(tokenUsageFromResponses(usage));
  const { status, incomplete } = statusForFinishReason(choice.finish_reason);
  return buildResponse(memo, {
    status,
    incomplete,
    model: typeof body.model === 'string' ? body.model : memo.model,
    output,
    usage,
    completedAt: Math.floor(clock.now() / 1000),
  }) as unknown as Record<string, unknown>;
};
