import type { ModelPrices } from '../model-facts';

/** Token counts as the data plane records them; `input_tokens` excludes cache reads and writes. */
export interface CostUsage {
  input_tokens: number;
  output_tokens: number;
  cache_read_input_tokens?: number;
  /** All cache writes, 1-hour ones included. */
  cache_creation_input_tokens?: number;
  /** The part of `cache_creation_input_tokens` written with a 1-hour TTL (Anthropic `cache_creation.ephemeral_1h_input_tokens`). */
  cache_creation_1h_input_tokens?: number;
}

const PER_TOKEN = 1 / 1_000_000;

/** Cost in USD of one response, unrounded; null when the model's prices are unknown. */
export function costUsd(usage: CostUsage, prices: ModelPrices | undefined): number | null {
  if (prices === undefined) return null;
  const cacheRead = usage.cache_read_input_tokens ?? 0;
  const writes = usage.cache_creation_input_tokens ?? 0;
  const writes1h = Math.min(writes, usage.cache_creation_1h_input_tokens ?? 0);
  const writePrice = prices.cache_write ?? prices.input;
  return (
    (usage.input_tokens * prices.input +
      usage.output_tokens * prices.output +
      cacheRead * (prices.cache_read ?? prices.input) +
      (writes - writes1h) * writePrice +
      writes1h * (prices.cache_write_1h ?? writePrice)) *
    PER_TOKEN
  );
}
