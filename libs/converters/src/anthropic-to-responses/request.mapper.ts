import {
  type JsonObject,
  type ResponsesCreateRequest,
  type ResponsesReasoningEffort,
} from '@switchboard/protocols';
import type { ConvertedRequest, UpstreamTarget } from '../converter.interface';
import { systemTexts } from '../anthropic-to-openai/system-texts';
import { mapReasoningEffort } from '../anthropic-to-openai/reasoning.mapper';
import { invalidRequest } from '../anthropic-to-openai/request-error';
import * as fields from '../shared/anthropic-request-fields';
import { ToolNameMap } from '../shared/tool-names';
import { toMemo } from './conversion-memo';
import { mapInput } from './input.mapper';
import { readOptions, type AnthropicToResponsesOptions } from './options';
import { mapTools } from './tools.mapper';

/** OpenAI rejects `max_output_tokens` below 16 ("Expected a value >= 16"); Claude Code probes with `max_tokens: 1`. */
const MIN_OUTPUT_TOKENS = 16;
/** `safety_identifier` is at most 64 characters; longer ids (Claude Code's `metadata.user_id`) go in `user`. */
const MAX_SAFETY_IDENTIFIER = 64;

/** Instance `defaults` are in the upstream's field names (`max_output_tokens`): the data plane merges them. */
function maxOutputTokens(body: JsonObject): number | undefined {
  const value = fields.maxTokensOf(body.max_tokens);
  return value === undefined ? undefined : Math.max(value, MIN_OUTPUT_TOKENS);
}

/** Responses has no stop sequences: a request that sets any is refused unless the instance says `drop`. */
function checkStopSequences(body: JsonObject, options: AnthropicToResponsesOptions): void {
  const value = fields.stopSequencesOf(body);
  if (value === undefined) return;
  if (options.stopSequences === 'drop' || value.every((s) => s.length === 0)) return;
  throw invalidRequest(
    'stop_sequences',
    'this upstream speaks the OpenAI Responses API, which has no stop sequences; remove them (or set the instance option stop_sequences: "drop")',
  );
}

function userIdentity(body: JsonObject, out: ResponsesCreateRequest): void {
  const userId = fields.metadataUserId(body);
  if (userId === undefined) return;
  if (userId.length <= MAX_SAFETY_IDENTIFIER) out.safety_identifier = userId;
  else out.user = userId;
}

/**
 * Anthropic Messages request → OpenAI Responses request (responses-spec §9.1). Stateless: `store: false` always
 * (the client sends its whole history), so reasoning is round-tripped through `encrypted_content`, asked for with
 * `include` whenever reasoning is. Fields without a Responses meaning are dropped (docs/conversion-matrix.md).
 */
export function mapRequest(bodyIn: unknown, target: UpstreamTarget): ConvertedRequest {
  const body = fields.readRequestBody(bodyIn);
  const options = readOptions(target);
  const names = new ToolNameMap();
  const { input, systems } = mapInput(body.messages, names);
  const out: ResponsesCreateRequest = { model: body.model, input, store: false };
  const instructions = [...systemTexts(body.system, 'system'), ...systems];
  if (instructions.length > 0) out.instructions = instructions.join('\n\n');

  const limit = maxOutputTokens(body);
  if (limit !== undefined) out.max_output_tokens = limit;
  fields.copySampling(body, out);
  checkStopSequences(body, options);

  if (fields.streamFlag(body)) out.stream = true;

  Object.assign(out, mapTools(body.tools, body.tool_choice, names));

  const effort = mapReasoningEffort(body.thinking, body.output_config);
  if (effort) {
    out.reasoning = { effort: effort as ResponsesReasoningEffort, summary: 'auto' };
    out.include = ['reasoning.encrypted_content'];
  }
  const schema = fields.outputSchemaOf(body);
  // Not strict: OpenAI strict mode needs a normalised schema (every property required, no extra keys).
  if (schema)
    out.text = { format: { type: 'json_schema', name: 'structured_output', schema, strict: false } };
  userIdentity(body, out);
  Object.assign(out, fields.serviceTierField(body, options.mapServiceTier));

  return {
    body: out as unknown as Record<string, unknown>,
    memo: toMemo({
      requestedModel: body.model,
      toolNames: names.restoreTable(),
      contentFilterStopReason: options.contentFilterStopReason,
    }),
  };
}
