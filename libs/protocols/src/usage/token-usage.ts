/** Token usage in one neutral shape, whatever protocol reported it (the request record's usage fields). */
export interface TokenUsage {
  /** Uncached input tokens. */
  input_tokens: number;
  output_tokens: number;
  cache_read_input_tokens: number;
  cache_creation_input_tokens: number;
  /** Part of `output_tokens` spent on reasoning, when the upstream reports it. */
  reasoning_tokens?: number;
}

export const EMPTY_TOKEN_USAGE: Readonly<TokenUsage> = Object.freeze({
  input_tokens: 0,
  output_tokens: 0,
  cache_read_input_tokens: 0,
  cache_creation_input_tokens: 0,
});

/** A non-negative finite count, else undefined. */
export function tokenCount(value: unknown): number | undefined {
  return typeof value === 'number' && Number.isFinite(value) && value >= 0 ? value : undefined;
}
