import { isJsonObject } from '../json/json-value';
import { tokenCount, type TokenUsage } from '../usage/token-usage';

/**
 * A Responses `usage` object → neutral usage. `input_tokens` includes cached (and cache-written) tokens there,
 * so the uncached part is what remains; `cache_write_tokens` is Switchboard's own carrier for Anthropic writes.
 */
export function tokenUsageFromResponsesUsage(usage: unknown): TokenUsage | undefined {
  if (!isJsonObject(usage)) return undefined;
  const input = tokenCount(usage.input_tokens);
  const output = tokenCount(usage.output_tokens);
  if (input === undefined || output === undefined) return undefined;
  const inputDetails = isJsonObject(usage.input_tokens_details) ? usage.input_tokens_details : {};
  const outputDetails = isJsonObject(usage.output_tokens_details) ? usage.output_tokens_details : {};
  const read = tokenCount(inputDetails.cached_tokens) ?? 0;
  const write = tokenCount(inputDetails.cache_write_tokens) ?? 0;
  const reasoning = tokenCount(outputDetails.reasoning_tokens);
  return {
    input_tokens: Math.max(0, input - read - write),
    output_tokens: output,
    cache_read_input_tokens: read,
    cache_creation_input_tokens: write,
    ...(reasoning ? { reasoning_tokens: reasoning } : {}),
  };
}
