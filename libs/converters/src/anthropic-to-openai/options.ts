import type { UpstreamTarget } from '../converter.interface';

/**
 * Per-instance options (`instance.conversion`), documented in docs/conversion-matrix.md:
 * - `reasoning_effort` (boolean): send `reasoning_effort` derived from `thinking` / `output_config.effort`.
 *   Default true for `openai`, `azure-openai` and `openai-compatible`; false for `deepseek` (which selects
 *   reasoning by model and does not document the field).
 * - `reasoning_content` (boolean): send assistant `thinking` history back as `reasoning_content`.
 *   Default false for `openai` / `azure-openai` (not part of their API), true for every other provider.
 * - `content_filter_stop_reason` (`"refusal"` | `"end_turn"`): what `finish_reason:"content_filter"` becomes.
 *   Default `refusal`.
 * - `thinking_blocks` (boolean): also send signed thinking / redacted thinking history as `thinking_blocks` on
 *   assistant messages (litellm/Switchboard extension, for Claude behind an OpenAI-compatible gateway). Default false.
 * - `buffer_tool_arguments` (boolean): in streams, send each tool call's arguments in one `input_json_delta` when
 *   the call ends, repaired into a valid object, instead of live fragments. For upstreams that stream broken or
 *   empty argument JSON (Anthropic clients parse the fragments and fail on invalid JSON). Default false.
 */
export interface AnthropicToOpenAiOptions {
  /** `max_completion_tokens` (+ the four-stop-sequence limit) instead of `max_tokens`. */
  useMaxCompletionTokens: boolean;
  sendReasoningEffort: boolean;
  sendReasoningContent: boolean;
  sendThinkingBlocks: boolean;
  mapServiceTier: boolean;
  contentFilterStopReason: 'refusal' | 'end_turn';
  bufferToolArguments: boolean;
}

const OPENAI_PLATFORM = new Set(['openai', 'azure-openai']);

export function readOptions(target: UpstreamTarget): AnthropicToOpenAiOptions {
  const platform = OPENAI_PLATFORM.has(target.provider);
  const conversion = target.conversion ?? {};
  const flag = (key: string, fallback: boolean): boolean =>
    typeof conversion[key] === 'boolean' ? (conversion[key] as boolean) : fallback;
  return {
    useMaxCompletionTokens: platform,
    sendReasoningEffort: flag('reasoning_effort', target.provider !== 'deepseek'),
    sendReasoningContent: flag('reasoning_content', !platform),
    sendThinkingBlocks: flag('thinking_blocks', false),
    mapServiceTier: platform,
    contentFilterStopReason: conversion.content_filter_stop_reason === 'end_turn' ? 'end_turn' : 'refusal',
    bufferToolArguments: flag('buffer_tool_arguments', false),
  };
}
