import type { TokenUsage } from '../converter.interface';
import { isJsonObject } from '../shared/json-object';
import { tokenUsageFromOpenAi } from '../shared/usage';

/**
 * OpenAI usage → neutral usage (conversion-spec §9). DeepSeek reports cache hits as top-level
 * `prompt_cache_hit_tokens`; when `prompt_tokens_details.cached_tokens` is absent that count is used instead.
 */
export function openAiTokenUsage(usage: unknown): TokenUsage | undefined {
  if (!isJsonObject(usage)) return undefined;
  const details = isJsonObject(usage.prompt_tokens_details) ? usage.prompt_tokens_details : undefined;
  const hits = usage.prompt_cache_hit_tokens;
  if (details?.cached_tokens === undefined && typeof hits === 'number') {
    return tokenUsageFromOpenAi({ ...usage, prompt_tokens_details: { ...details, cached_tokens: hits } });
  }
  return tokenUsageFromOpenAi(usage);
}
