import {
  isJsonObject,
  type AnthropicContentBlock,
  type AnthropicMessagesRequest,
  type AnthropicTool,
} from '@switchboard/protocols';
import type { Converter, UpstreamTarget } from '../converter.interface';
import { ToolNameMap } from '../shared/tool-names';
import { DEFAULT_MAX_TOKENS, readOptions } from './options';
import { toMemo, type OpenAiToAnthropicMemo } from './conversion-memo';
import { mapMessages } from './messages.mapper';
import { mapReasoning } from './reasoning.mapper';
import { assertChatRequest, invalidRequest, unsupported } from '../shared/request-error';
import { mapResponseFormat } from './response-format.mapper';
import { mapTools } from './tools.mapper';

/**
 * OpenAI Chat Completions request → Anthropic Messages request. Only fields Anthropic knows are written: anything
 * without an equivalent is dropped (an Anthropic upstream such as Azure AI Foundry rejects unknown fields).
 * Every field's fate is listed in docs/conversion-matrix.md.
 */

const EMAIL_OR_PHONE = /@|^\+?[\d\s().-]{7,}$/;

function optionalNumber(body: Record<string, unknown>, field: string): number | undefined {
  const value = body[field];
  if (value === undefined || value === null) return undefined;
  if (typeof value !== 'number' || !Number.isFinite(value))
    throw invalidRequest(field, `${field} must be a number.`);
  return value;
}

function maxTokensOf(body: Record<string, unknown>, target: UpstreamTarget): number {
  for (const field of ['max_completion_tokens', 'max_tokens']) {
    const value = optionalNumber(body, field);
    if (value === undefined) continue;
    if (!Number.isInteger(value) || value < 1)
      throw invalidRequest(field, `${field} must be a positive integer.`);
    return value;
  }
  const fallback = target.defaults?.max_tokens;
  return typeof fallback === 'number' && Number.isInteger(fallback) && fallback >= 1
    ? fallback
    : DEFAULT_MAX_TOKENS;
}

function stopSequencesOf(raw: unknown): string[] | undefined {
  if (raw === undefined || raw === null) return undefined;
  const list = typeof raw === 'string' ? [raw] : raw;
  if (!Array.isArray(list) || list.some((s) => typeof s !== 'string')) {
    throw invalidRequest('stop', 'stop must be a string or an array of strings.');
  }
  // Anthropic rejects sequences without a non-whitespace character.
  const kept = (list as string[]).filter((s) => s.trim().length > 0);
  return kept.length > 0 ? kept : undefined;
}

function userIdOf(body: Record<string, unknown>): string | undefined {
  for (const field of ['safety_identifier', 'user']) {
    const value = body[field];
    if (typeof value === 'string' && value.length > 0 && value.length <= 256 && !EMAIL_OR_PHONE.test(value))
      return value;
  }
  return undefined;
}

const clamp01 = (value: number): number => Math.min(1, Math.max(0, value));

const isThinking = (block: AnthropicContentBlock): boolean =>
  block.type === 'thinking' || block.type === 'redacted_thinking';

export const mapRequest: Converter['convertRequest'] = (body, target, clock) => {
  assertChatRequest(body);
  const n = optionalNumber(body, 'n');
  if (n !== undefined && n !== 1) {
    throw unsupported(
      'n',
      'n > 1 is not supported by this model: Anthropic upstreams return exactly one choice, send n: 1.',
    );
  }
  const options = readOptions(target);
  const names = new ToolNameMap();
  const mapped = mapMessages(body.messages, names, clock);
  const { tools, toolChoice: mappedChoice } = mapTools(body, names);
  const format = mapResponseFormat(
    body.response_format,
    options,
    tools.map((t) => t.name),
  );
  const reasoning = mapReasoning(body.reasoning_effort, options);

  const out: AnthropicMessagesRequest = {
    model: body.model,
    max_tokens: Math.min(maxTokensOf(body, target), options.maxTokensLimit ?? Number.MAX_SAFE_INTEGER),
    messages: mapped.messages,
  };
  if (mapped.system.length > 0) out.system = mapped.system;

  const temperature = optionalNumber(body, 'temperature');
  if (temperature !== undefined) out.temperature = clamp01(temperature);
  const topP = optionalNumber(body, 'top_p');
  if (topP !== undefined) out.top_p = clamp01(topP);
  const topK = optionalNumber(body, 'top_k');
  if (topK !== undefined && Number.isInteger(topK) && topK >= 0) out.top_k = topK;
  if (options.omitSamplingParams) {
    delete out.temperature;
    delete out.top_p;
    delete out.top_k;
  } else if (options.temperatureTopPExclusive && out.temperature !== undefined) {
    delete out.top_p;
  }
  const stop = stopSequencesOf(body.stop);
  if (stop) out.stop_sequences = stop;
  if (body.stream === true) out.stream = true;
  const userId = userIdOf(body);
  if (userId) out.metadata = { user_id: userId };

  let allTools: AnthropicTool[] = tools;
  let toolChoice = mappedChoice;
  const memo: OpenAiToAnthropicMemo = {
    model: body.model,
    toolNames: {},
    includeUsage: isJsonObject(body.stream_options) && body.stream_options.include_usage === true,
    exposeReasoning: options.exposeReasoning,
  };
  if (format.kind === 'tool') {
    allTools = [...tools, format.tool];
    memo.jsonTool = format.tool.name;
    memo.jsonUnwrap = format.unwrap;
    // Force the JSON tool only when the client has no tools of its own (thinking may downgrade this below).
    if (tools.length === 0) toolChoice = { type: 'tool', name: format.tool.name };
  } else if (format.kind === 'output_config') {
    out.output_config = { format: { type: 'json_schema', schema: format.schema } };
  }

  // History with tool blocks needs tool definitions; describe the ones used and forbid new calls.
  const defined = new Set(allTools.map((t) => t.name));
  const missing = mapped.historyToolNames.filter((name) => !defined.has(name));
  if (missing.length > 0) {
    allTools = [
      ...allTools,
      ...missing.map((name) => ({
        name,
        description: 'Tool used earlier in this conversation.',
        input_schema: { type: 'object' },
      })),
    ];
    if (allTools.length === missing.length) toolChoice = { type: 'none' };
  }
  if (allTools.length > 0) out.tools = allTools;
  if (toolChoice) out.tool_choice = toolChoice;

  if (reasoning.thinking) applyThinking(out, reasoning, options.maxTokensLimit);
  if (!out.thinking || out.thinking.type === 'disabled') stripThinkingBlocks(out);

  memo.toolNames = names.restoreTable();
  return { body: out as unknown as Record<string, unknown>, memo: toMemo(memo) };
};

/** Thinking constraints: sampling limits, no forced tool, max_tokens above the budget, thinking-led tool turns. */
function applyThinking(
  out: AnthropicMessagesRequest,
  reasoning: ReturnType<typeof mapReasoning>,
  maxTokensLimit: number | undefined,
): void {
  // The last assistant turn with tool_use must start with a thinking block; OpenAI clients rarely send one back.
  const lastToolTurn = [...out.messages]
    .reverse()
    .find(
      (m) =>
        m.role === 'assistant' && Array.isArray(m.content) && m.content.some((b) => b.type === 'tool_use'),
    );
  if (lastToolTurn && Array.isArray(lastToolTurn.content) && !isThinking(lastToolTurn.content[0]!)) return;

  let thinking = reasoning.thinking;
  if (reasoning.budget !== undefined) {
    // Anthropic needs budget_tokens < max_tokens; the visible answer keeps what the client asked for.
    let budget = reasoning.budget;
    if (out.max_tokens <= budget) out.max_tokens += budget;
    if (maxTokensLimit !== undefined && out.max_tokens > maxTokensLimit) {
      out.max_tokens = maxTokensLimit;
      budget = Math.min(budget, Math.floor(maxTokensLimit / 2));
    }
    if (budget < 1024 || budget >= out.max_tokens) return;
    thinking = { type: 'enabled', budget_tokens: budget };
  }
  out.thinking = thinking;
  if (reasoning.effort) out.output_config = { ...out.output_config, effort: reasoning.effort };
  delete out.temperature;
  delete out.top_k;
  if (out.top_p !== undefined && out.top_p < 0.95) delete out.top_p;
  const choice = out.tool_choice;
  if (choice && (choice.type === 'any' || choice.type === 'tool')) {
    out.tool_choice = choice.disable_parallel_tool_use
      ? { type: 'auto', disable_parallel_tool_use: true }
      : { type: 'auto' };
  }
}

/** Without thinking enabled, earlier thinking blocks are removed (some platforms reject them). */
function stripThinkingBlocks(out: AnthropicMessagesRequest): void {
  for (const message of out.messages) {
    if (message.role === 'assistant' && Array.isArray(message.content) && message.content.some(isThinking)) {
      message.content = message.content.filter((b) => !isThinking(b));
    }
  }
}
