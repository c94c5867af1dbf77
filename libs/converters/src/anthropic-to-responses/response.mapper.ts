import { GatewayError, GatewayErrorCode } from '@switchboard/common/errors';
import { isJsonObject, tokenUsageFromResponsesUsage, type JsonObject } from '@switchboard/protocols';
import type { ConversionClock, Converter } from '../converter.interface';
import { anthropicMessageOut, type ContentBlockOut } from '../shared/anthropic-message-out';
import { upstreamErrorMessage, upstreamErrorType } from '../shared/upstream-error-message';
import { toolInputFromArguments } from '../shared/tool-arguments';
import { restoreToolName } from '../shared/tool-names';
import { readMemo, type AnthropicToResponsesMemo } from './conversion-memo';
import { reasoningBlock } from './reasoning-blocks';
import { mapStopReason } from './stop-reason.mapper';

function malformed(detail: string): GatewayError {
  return new GatewayError(
    GatewayErrorCode.UPSTREAM_ERROR,
    `The upstream returned a malformed response: ${detail}`,
    {
      upstreamStatus: 200,
    },
  );
}

/** A `failed` Response (or an `error` object in a 200 body) is the upstream's error, not an answer. */
function failure(body: JsonObject): GatewayError | undefined {
  if (body.status !== 'failed' && !isJsonObject(body.error)) return undefined;
  const error = isJsonObject(body.error) ? body.error : {};
  const rateLimited = error.code === 'rate_limit_exceeded';
  return new GatewayError(GatewayErrorCode.UPSTREAM_ERROR, upstreamErrorMessage(200, body), {
    upstreamStatus: rateLimited ? 429 : 200,
    upstreamType: rateLimited ? 'rate_limit_error' : upstreamErrorType(body),
  });
}

interface Blocks {
  content: ContentBlockOut[];
  hasToolCalls: boolean;
  sawRefusal: boolean;
}

function messageBlocks(item: JsonObject, out: Blocks): void {
  if (!Array.isArray(item.content)) return;
  for (const part of item.content.filter(isJsonObject)) {
    if (part.type === 'output_text' && typeof part.text === 'string' && part.text.length > 0) {
      out.content.push({ type: 'text', text: part.text });
    } else if (part.type === 'refusal' && typeof part.refusal === 'string' && part.refusal.length > 0) {
      out.sawRefusal = true;
      out.content.push({ type: 'text', text: part.refusal });
    }
  }
}

function contentBlocks(output: unknown[], memo: AnthropicToResponsesMemo, clock: ConversionClock): Blocks {
  const out: Blocks = { content: [], hasToolCalls: false, sawRefusal: false };
  for (const item of output.filter(isJsonObject)) {
    if (item.type === 'reasoning') {
      const block = reasoningBlock(item);
      if (block) out.content.push(block);
    } else if (item.type === 'message') messageBlocks(item, out);
    else if (item.type === 'function_call') {
      out.hasToolCalls = true;
      const callId = typeof item.call_id === 'string' && item.call_id.length > 0 ? item.call_id : undefined;
      out.content.push({
        type: 'tool_use',
        id: callId ?? `toolu_${clock.newId()}`,
        name: typeof item.name === 'string' ? restoreToolName(memo.toolNames, item.name) : '',
        input: toolInputFromArguments(item.arguments),
      });
    }
    // Built-in tool items (web_search_call, …) never come back: no built-in tool is ever sent.
  }
  return out;
}

/** OpenAI `Response` → Anthropic Message (responses-spec §9.3): items in order as thinking, text and tool_use. */
export const mapResponse: Converter['convertResponse'] = (body, rawMemo, clock, hooks) => {
  const memo = readMemo(rawMemo);
  if (!isJsonObject(body)) throw malformed('the body is not a JSON object');
  const failed = failure(body);
  if (failed) throw failed;
  if (!Array.isArray(body.output)) throw malformed('"output" is missing');
  const blocks = contentBlocks(body.output, memo, clock);
  const stopReason = mapStopReason(
    {
      status: body.status,
      incompleteReason: isJsonObject(body.incomplete_details) ? body.incomplete_details.reason : undefined,
      hasToolCalls: blocks.hasToolCalls,
      sawRefusal: blocks.sawRefusal,
    },
    memo,
  );
  const answer = {
    content: blocks.content,
    stopReason,
    stopSequence: null,
    usage: tokenUsageFromResponsesUsage(body.usage),
  };
  return anthropicMessageOut(body, answer, memo.requestedModel, clock, hooks);
};
