import type { FactSource, ModelFacts } from '../model-facts';

const PRICING: FactSource = {
  url: 'https://api-docs.deepseek.com/quick_start/pricing',
  as_of: '2025-10',
  note: 'DeepSeek-V3.2-Exp prices from 2025-09-29; "cache hit" input is cache_read, "cache miss" is input. DeepSeek has no separate cache-write price.',
};
const SOURCES = { limits: PRICING, capabilities: PRICING, prices: PRICING };
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
