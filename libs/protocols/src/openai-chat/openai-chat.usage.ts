import { isJsonObject } from '../json/json-value';
import { tokenCount, type TokenUsage } from '../usage/token-usage';
import type { OpenAiUsage } from './openai-chat.types';

/**
 * OpenAI usage → the neutral record: uncached input = prompt − cached − cache_write (never below 0);
 * `completion_tokens_details.reasoning_tokens` (OpenAI) or `reasoning_tokens` (some compatible servers). DeepSeek
 * reports cache hits as top-level `prompt_cache_hit_tokens`, used when `prompt_tokens_details.cached_tokens` is
 * absent (conversion-spec §9).
 */
export function tokenUsageFromOpenAi(usage: unknown): TokenUsage | undefined {
  if (!isJsonObject(usage)) return undefined;
  const details = isJsonObject(usage.prompt_tokens_details) ? usage.prompt_tokens_details : {};
  const completion = isJsonObject(usage.completion_tokens_details) ? usage.completion_tokens_details : {};
  const cacheRead = tokenCount(details.cached_tokens) ?? tokenCount(usage.prompt_cache_hit_tokens) ?? 0;
  const cacheWrite = tokenCount(details.cache_write_tokens) ?? 0;
  const out: TokenUsage = {
    input_tokens: Math.max(0, (tokenCount(usage.prompt_tokens) ?? 0) - cacheRead - cacheWrite),
    output_tokens: tokenCount(usage.completion_tokens) ?? 0,
    cache_read_input_tokens: cacheRead,
    cache_creation_input_tokens: cacheWrite,
  };
  const reasoning = tokenCount(completion.reasoning_tokens) ?? tokenCount(usage.reasoning_tokens);
  if (reasoning !== undefined) out.reasoning_tokens = reasoning;
  return out;
}

/** Neutral usage → OpenAI usage: prompt_tokens = input + cache read + cache creation (conversion-spec §3.3). */
export function openAiUsageFromTokenUsage(usage: TokenUsage): OpenAiUsage {
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
  if (usage.reasoning_tokens !== undefined) {
    out.completion_tokens_details = { reasoning_tokens: usage.reasoning_tokens };
  }
  return out;
}
