import { isJsonObject } from '../json/json-value';
import { EMPTY_TOKEN_USAGE, tokenCount, type TokenUsage } from '../usage/token-usage';
import type { AnthropicUsage } from './anthropic-messages.types';

/** Anthropic usage (null counters count as 0; `output_tokens_details.thinking_tokens` as reasoning) → neutral. */
export function tokenUsageFromAnthropic(usage: unknown): TokenUsage | undefined {
  if (!isJsonObject(usage)) return undefined;
  return mergeAnthropicUsage(EMPTY_TOKEN_USAGE, usage);
}

/**
 * Anthropic stream counters are cumulative: `message_start` gives input and cache counters, `message_delta`
 * the final output (and sometimes input again). Present values overwrite, absent or null ones are kept.
 */
export function mergeAnthropicUsage(previous: TokenUsage, raw: unknown): TokenUsage {
  if (!isJsonObject(raw)) return previous;
  const details = isJsonObject(raw.output_tokens_details) ? raw.output_tokens_details : {};
  const out: TokenUsage = {
    input_tokens: tokenCount(raw.input_tokens) ?? previous.input_tokens,
    output_tokens: tokenCount(raw.output_tokens) ?? previous.output_tokens,
    cache_read_input_tokens: tokenCount(raw.cache_read_input_tokens) ?? previous.cache_read_input_tokens,
    cache_creation_input_tokens:
      tokenCount(raw.cache_creation_input_tokens) ?? previous.cache_creation_input_tokens,
  };
  const reasoning = tokenCount(details.thinking_tokens) ?? previous.reasoning_tokens;
  if (reasoning !== undefined) out.reasoning_tokens = reasoning;
  return out;
}

export function anthropicUsageFromTokenUsage(usage: TokenUsage): AnthropicUsage {
  return {
    input_tokens: usage.input_tokens,
    output_tokens: usage.output_tokens,
    cache_creation_input_tokens: usage.cache_creation_input_tokens,
    cache_read_input_tokens: usage.cache_read_input_tokens,
  };
}
