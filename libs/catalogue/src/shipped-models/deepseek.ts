import type { FactSource, ModelFacts } from '../model-facts';

const URL = 'https://api-docs.deepseek.com/quick_start/pricing';
/** The "Models & Pricing" page's model table, as stored on 2026-12-07 (its DeepSeek-V3.1 edition). */
const LIMITS: FactSource = {
  url: URL,
  as_of: '2025-09',
  checked: '2026-12-07',
  verified: true,
  note: 'Context length 128K; max output deepseek-chat default 4K, maximum 8K; deepseek-reasoner default 32K, maximum 64K. Function calling: chat yes; reasoner no (a request with tools is served by deepseek-chat). JSON output: json_object.',
};
const PRICING: FactSource = {
  url: URL,
  as_of: '2025-10',
  checked: '2026-12-07',
  verified: false,
  note: 'Not confirmed: the provider page found on 2026-12-07 is its DeepSeek-V3.1 edition ($0.07 cache hit, $0.56 cache miss, $1.68 output from 2025-09-05); the V3.2 prices here (0.028 / 0.28 / 0.42) come from third-party copies of the later edition. "cache hit" is cache_read, "cache miss" is input; no separate cache-write price.',
};
const SOURCES = { limits: LIMITS, capabilities: LIMITS, prices: PRICING };
const PRICES = { input: 0.28, output: 0.42, cache_read: 0.028 };

export const DEEPSEEK_MODELS: ModelFacts[] = [
  {
    id: 'deepseek-chat',
    family: 'deepseek',
    offered_by: ['deepseek'],
    context_window: 128_000,
    max_output: 8_000,
    capabilities: {
      tools: true,
      parallel_tools: true,
      images: false,
      pdf: false,
      thinking: false,
      json_schema: false,
      prompt_cache: true,
    },
    prices: PRICES,
    sources: SOURCES,
    note: 'Non-thinking mode of DeepSeek-V3.2-Exp: default output 4K, maximum 8K. JSON output is json_object only (no json_schema).',
  },
  {
    id: 'deepseek-reasoner',
    family: 'deepseek',
    offered_by: ['deepseek'],
    context_window: 128_000,
    max_output: 64_000,
    capabilities: {
      tools: false,
      parallel_tools: false,
      images: false,
      pdf: false,
      thinking: true,
      json_schema: false,
      prompt_cache: true,
    },
    prices: PRICES,
    sources: SOURCES,
    note: 'Thinking mode: default output 32K, maximum 64K (reasoning included). Tool calls were not supported in thinking mode as of this date (later releases may add them: override tools if so).',
  },
];
