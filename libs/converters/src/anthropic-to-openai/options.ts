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
 */
export interface AnthropicToOpenAiOptions {
  /** `max_completion_tokens` (+ the four-stop-sequence limit) instead of `max_tokens`. */
  useMaxCompletionTokens: boolean;
  sendReasoningEffort: boolean;
  sendReasoningContent: boolean;
  mapServiceTier: boolean;
  contentFilterStopReason: 'refusal' | 'end_turn';
}

const OPENAI_PLATFORM = new Set(['openai', 'azure-openai']);

export function resolveOptions(target: UpstreamTarget): AnthropicToOpenAiOptions {
  const platform = OPENAI_PLATFORM.has(target.provider);
  const conversion = target.conversion ?? {};
  const flag = (key: string, fallback: boolean): boolean =>
    typeof conversion[key] === 'boolean' ? (conversion[key] as boolean) : fallback;
  return {
    useMaxCompletionTokens: platform,
    sendReasoningEffort: flag('reasoning_effort', target.provider !== 'deepseek'),
    sendReasoningContent: flag('reasoning_content', !platform),
    mapServiceTier: platform,
    contentFilterStopReason: conversion.content_filter_stop_reason === 'end_turn' ? 'end_turn' : 'refusal',
  };
}
