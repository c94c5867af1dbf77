import { isJsonObject, type JsonObject } from '@switchboard/protocols';
import type { Converter } from '../converter.interface';
import { ToolNameMap } from '../shared/tool-names';
import { toMemo, type OpenAiToResponsesMemo } from './conversion-memo';
import { mapMessages } from './messages.mapper';
import { readOptions } from './options';
import { assertChatRequest, invalidRequest, unsupported } from '../shared/request-error';
import { mapTools } from './tools.mapper';

/**
 * Chat Completions request → Responses request (responses-spec §9.1). Only fields the Responses API knows are
 * written; the rest is dropped. `store: false` always: a Chat client is stateless and sends its history itself.
 * Every field's fate is listed in docs/conversion-matrix.md.
 */

/** The Responses API refuses `max_output_tokens` below 16. */
const MIN_OUTPUT_TOKENS = 16;
const EFFORTS = new Set(['none', 'minimal', 'low', 'medium', 'high', 'xhigh', 'max']);
const PASSED_AS_IS = [
  'metadata',
  'user',
  'safety_identifier',
  'prompt_cache_key',
  'prompt_cache_retention',
  'prompt_cache_options',
  'service_tier',
] as const;

function optionalNumber(body: JsonObject, field: string): number | undefined {
  const value = body[field];
  if (value === undefined || value === null) return undefined;
  if (typeof value !== 'number' || !Number.isFinite(value))
    throw invalidRequest(field, `${field} must be a number.`);
  return value;
}

function maxOutputTokensOf(body: JsonObject): number | undefined {
  for (const field of ['max_completion_tokens', 'max_tokens']) {
    const value = optionalNumber(body, field);
    if (value === undefined) continue;
    if (!Number.isInteger(value) || value < 1)
      throw invalidRequest(field, `${field} must be a positive integer.`);
    return Math.max(value, MIN_OUTPUT_TOKENS);
  }
  return undefined;
}

function textFormatOf(raw: unknown): JsonObject | undefined {
  if (raw === undefined || raw === null) return undefined;
  if (!isJsonObject(raw)) throw invalidRequest('response_format', 'response_format must be an object.');
  if (raw.type === 'text') return undefined;
  if (raw.type === 'json_object') return { type: 'json_object' };
  if (raw.type !== 'json_schema') {
    throw invalidRequest(
      'response_format.type',
      'response_format.type must be text, json_object or json_schema.',
    );
  }
  const spec = raw.json_schema;
  if (!isJsonObject(spec) || typeof spec.name !== 'string' || spec.name.length === 0) {
    throw invalidRequest('response_format.json_schema.name', 'json_schema.name is required.');
  }
  const format: JsonObject = {
    type: 'json_schema',
    name: spec.name,
    schema: isJsonObject(spec.schema) ? spec.schema : { type: 'object' },
  };
  if (typeof spec.description === 'string') format.description = spec.description;
  if (typeof spec.strict === 'boolean') format.strict = spec.strict;
  return format;
}

function reasoningOf(raw: unknown, summary: string | undefined): JsonObject | undefined {
  if (raw === undefined || raw === null) return undefined;
  if (typeof raw !== 'string' || !EFFORTS.has(raw)) {
    throw invalidRequest(
      'reasoning_effort',
      'reasoning_effort must be none, minimal, low, medium, high, xhigh or max.',
    );
  }
  return summary !== undefined && raw !== 'none' ? { effort: raw, summary } : { effort: raw };
}

function rejectUnservable(body: JsonObject): void {
  const n = optionalNumber(body, 'n');
  if (n !== undefined && n !== 1) {
    throw unsupported(
      'n',
      'n > 1 is not supported: Responses upstreams return exactly one answer, send n: 1.',
    );
  }
  if (body.audio !== undefined && body.audio !== null) {
    throw unsupported('audio', 'Audio output is not supported by Responses upstreams.');
  }
}

/** The same rule as for Messages clients (anthropic-to-responses): never drop a stop sequence silently. */
function checkStop(body: JsonObject, stopSequences: 'reject' | 'drop'): void {
  const stop = body.stop;
  if (stop === undefined || stop === null) return;
  const list: unknown[] = Array.isArray(stop) ? stop : [stop];
  if (!list.every((s) => typeof s === 'string')) {
    throw invalidRequest('stop', 'stop must be a string or an array of strings.');
  }
  if (stopSequences === 'drop' || list.every((s) => s === '')) return;
  throw invalidRequest(
    'stop',
    'This upstream speaks the OpenAI Responses API, which has no stop sequences; remove stop (or set the instance option stop_sequences: "drop").',
  );
}

export const mapRequest: Converter['convertRequest'] = (body, target, clock) => {
  assertChatRequest(body);
  rejectUnservable(body);
  const options = readOptions(target);
  checkStop(body, options.stopSequences);
  const names = new ToolNameMap();
  const { instructions, input } = mapMessages(body.messages, names, clock);
  const { tools, toolChoice } = mapTools(body, names);

  const out: JsonObject = { model: body.model };
  if (instructions !== undefined) out.instructions = instructions;
  out.input = input;
  if (tools.length > 0) out.tools = tools;
  if (toolChoice !== undefined) out.tool_choice = toolChoice;
  if (typeof body.parallel_tool_calls === 'boolean') out.parallel_tool_calls = body.parallel_tool_calls;
  const maxOutput = maxOutputTokensOf(body);
  if (maxOutput !== undefined) out.max_output_tokens = maxOutput;
  for (const field of ['temperature', 'top_p']) {
    const value = optionalNumber(body, field);
    if (value !== undefined) out[field] = value;
  }
  const format = textFormatOf(body.response_format);
  const verbosity = typeof body.verbosity === 'string' ? body.verbosity : undefined;
  if (format || verbosity) {
    const text: JsonObject = {};
    if (format) text.format = format;
    if (verbosity) text.verbosity = verbosity;
    out.text = text;
  }
  const reasoning = reasoningOf(
    body.reasoning_effort,
    options.exposeReasoning ? options.reasoningSummary : undefined,
  );
  if (reasoning) out.reasoning = reasoning;
  for (const field of PASSED_AS_IS) {
    if (body[field] !== undefined && body[field] !== null) out[field] = body[field];
  }
  out.store = false;
  if (body.stream === true) out.stream = true;

  const memo: OpenAiToResponsesMemo = {
    model: body.model,
    toolNames: names.restoreTable(),
    includeUsage: isJsonObject(body.stream_options) && body.stream_options.include_usage === true,
    exposeReasoning: options.exposeReasoning,
  };
  return { body: out, memo: toMemo(memo) };
};
