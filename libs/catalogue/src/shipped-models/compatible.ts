import type { FactSource, ModelFacts } from '../model-facts';

/** Common models behind OpenAI-compatible endpoints. Prices depend on the host: listed only for first parties. */

/** Not re-checked: these providers' pages were not searched on 2026-12-07 (the brief's time went to the first parties above). */
const UNCHECKED = {
  checked: '2026-12-07',
  verified: false,
  note: "Not confirmed against the provider's page on 2026-12-07.",
} as const;
const GEMINI_MODELS: FactSource = {
  url: 'https://ai.google.dev/gemini-api/docs/models',
  as_of: '2025-11',
  ...UNCHECKED,
};
const GEMINI_PRICING: FactSource = {
  url: 'https://ai.google.dev/gemini-api/docs/pricing',
  as_of: '2025-11',
  ...UNCHECKED,
};
const GEMINI_SOURCES = { limits: GEMINI_MODELS, capabilities: GEMINI_MODELS, prices: GEMINI_PRICING };
const GEMINI = {
  tools: true,
  parallel_tools: true,
  images: true,
  pdf: true,
  thinking: true,
  json_schema: true,
  prompt_cache: true,
} as const;

const GROQ: FactSource = { url: 'https://console.groq.com/docs/models', as_of: '2025-10', ...UNCHECKED };
const MISTRAL: FactSource = {
  url: 'https://docs.mistral.ai/getting-started/models/',
  as_of: '2025-10',
  ...UNCHECKED,
};
const TEXT_TOOLS = {
  tools: true,
  parallel_tools: true,
  images: false,
  pdf: false,
  thinking: false,
  json_schema: false,
  prompt_cache: false,
} as const;

export const COMPATIBLE_MODELS: ModelFacts[] = [
  {
    id: 'gemini-2.5-pro',
    family: 'google',
    offered_by: ['google-openai-compatible'],
    context_window: 1_048_576,
    max_output: 65_536,
    capabilities: GEMINI,
    prices: { input: 1.25, output: 10, cache_read: 0.31 },
    sources: GEMINI_SOURCES,
    note: 'Prices for prompts up to 200K tokens (2.50/15 above, not modelled). Cache storage is billed per hour, not modelled.',
  },
  {
    id: 'gemini-2.5-flash',
    family: 'google',
    offered_by: ['google-openai-compatible'],
    context_window: 1_048_576,
    max_output: 65_536,
    capabilities: GEMINI,
    prices: { input: 0.3, output: 2.5, cache_read: 0.075 },
    sources: GEMINI_SOURCES,
    note: 'Text/image input price; audio input is priced higher (not modelled).',
  },
  {
    id: 'gemini-2.5-flash-lite',
    family: 'google',
    offered_by: ['google-openai-compatible'],
    context_window: 1_048_576,
    max_output: 65_536,
    capabilities: GEMINI,
    prices: { input: 0.1, output: 0.4, cache_read: 0.025 },
    sources: GEMINI_SOURCES,
  },
  {
    id: '*llama-3.3-70b*',
    family: 'meta',
    context_window: 128_000,
    capabilities: TEXT_TOOLS,
    sources: { limits: GROQ, capabilities: GROQ },
    note: 'Hosted by many OpenAI-compatible providers (Groq llama-3.3-70b-versatile, Together, vLLM, Ollama): the output limit and price depend on the host, so none is listed (Groq documented 32,768 output tokens). Set model_info on the instance.',
  },
  {
    id: 'mistral-large-*',
    family: 'mistral',
    offered_by: ['mistral'],
    context_window: 128_000,
    capabilities: { ...TEXT_TOOLS, json_schema: true },
    prices: { input: 2, output: 6 },
    sources: {
      limits: MISTRAL,
      capabilities: MISTRAL,
      prices: { url: 'https://mistral.ai/pricing', as_of: '2025-10', ...UNCHECKED },
    },
    note: "mistral-large-2411 / -2407. Output limit not documented apart from the context window; none is listed. Likely outdated: third-party catalogues (2026-11) list mistral-large-latest as Mistral Large 4 (1M context, about $0.70 / $2.10) and mistral-large-2512 with 256K context; not confirmed on Mistral's pages, so not changed. Override for newer Large models.",
  },
  {
    id: 'qwen*',
    family: 'qwen',
    capabilities: { tools: true },
    note: 'Qwen models differ widely by size and host (DashScope, vLLM, Ollama); only tool calling is assumed. Add an override or model_info for limits and prices.',
  },
];
