import type { AnthropicUsage, OpenAiUsage } from '@switchboard/protocols';
import type { TokenUsage } from '../converter.interface';
import { asFiniteNumber, isJsonObject } from './json-object';

const count = (value: unknown): number => {
  const n = asFiniteNumber(value);
  return n !== undefined && n > 0 ? n : 0;
};

/** Anthropic usage (null counters count as 0) → the neutral usage record. */
export function tokenUsageFromAnthropic(usage: unknown): TokenUsage | undefined {
  if (!isJsonObject(usage)) return undefined;
  return {
    input_tokens: count(usage.input_tokens),
    output_tokens: count(usage.output_tokens),
    cache_read_input_tokens: count(usage.cache_read_input_tokens),
    cache_creation_input_tokens: count(usage.cache_creation_input_tokens),
  };
}

/** OpenAI usage → the neutral record: uncached input = prompt − cached − cache_write (never below 0). */
export function tokenUsageFromOpenAi(usage: unknown): TokenUsage | undefined {
  if (!isJsonObject(usage)) return undefined;
  const details = isJsonObject(usage.prompt_tokens_details) ? usage.prompt_tokens_details : {};
  const cacheRead = count(details.cached_tokens);
  const cacheWrite = count(details.cache_write_tokens);
  return {
    input_tokens: Math.max(0, count(usage.prompt_tokens) - cacheRead - cacheWrite),
    output_tokens: count(usage.completion_tokens),
    cache_read_input_tokens: cacheRead,
    cache_creation_input_tokens: cacheWrite,
  };
}

/** Neutral usage → OpenAI usage: prompt_tokens = input + cache read + cache creation (conversion-spec §3.3). */
export function openAiUsageFromTokenUsage(usage: TokenUsage, reasoningTokens?: number): OpenAiUsage {
  const prompt = usage.input_tokens + usage.cache_read_input_tokens + usage.cache_creation_input_tokens;
  const out: OpenAiUsage = {
    prompt_tokens: prompt,
    completion_tokens: usage.output_tokens,
    total_tokens: prompt + usage.output_tokens,
    prompt_tokens_details: {
      cached_tokens: usage.cache_read_input_tokens,
      cache_write_tokens: usage.cache_creation_input_tokens,
    },
  };
  if (reasoningTokens !== undefined) out.completion_tokens_details = { reasoning_tokens: reasoningTokens };
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
