import type { UpstreamTarget } from '../converter.interface';

/**
 * Per-instance options (`instance.conversion`), documented in docs/conversion-matrix.md:
 * - `stop_sequences` (`"reject"` | `"drop"`): the Responses API has no stop sequences. `reject` (default) answers a
 *   request that sets any with a 400 naming the field, so the client never gets text past a stop it asked for;
 *   `drop` sends the request without them (for clients that set them out of habit).
 * - `content_filter_stop_reason` (`"refusal"` | `"end_turn"`): what `incomplete_details.reason: "content_filter"`
 *   and a `refusal` part become, as in anthropic-to-openai. Default `refusal`.
 */
export interface AnthropicToResponsesOptions {
  stopSequences: 'reject' | 'drop';
  contentFilterStopReason: 'refusal' | 'end_turn';
  /** `service_tier` has an OpenAI meaning only on OpenAI's own platforms. */
  mapServiceTier: boolean;
}

const OPENAI_PLATFORM = new Set(['openai', 'azure-openai']);

export function readOptions(target: UpstreamTarget): AnthropicToResponsesOptions {
  const conversion = target.conversion ?? {};
  return {
    stopSequences: conversion.stop_sequences === 'drop' ? 'drop' : 'reject',
    contentFilterStopReason: conversion.content_filter_stop_reason === 'end_turn' ? 'end_turn' : 'refusal',
    mapServiceTier: OPENAI_PLATFORM.has(target.provider),
  };
}
