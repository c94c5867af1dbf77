import type { FactSource, ModelFacts } from '../model-facts';
import { openAiPage } from './openai-current';

const UNVERIFIED_NOTE =
  "Not confirmed: OpenAI's own pages (platform.openai.com/docs/models, developers.openai.com/api/docs/pricing) were not found in the search index on 2026-12-07. Third-party copies of the pricing page agree on most input/output prices here but differ on some cached-input prices (e.g. gpt-5 cached input 0.125 vs 0.625), so the numbers are left as the author wrote them.";
const PRICING: FactSource = {
  url: 'https://developers.openai.com/api/docs/pricing',
  as_of: '2025-11',
  checked: '2026-12-07',
  verified: false,
  note: UNVERIFIED_NOTE,
};
const page = (id: string): FactSource => ({
  url: `https://platform.openai.com/docs/models/${id}`,
  as_of: '2025-11',
  checked: '2026-12-07',
  verified: false,
  note: UNVERIFIED_NOTE,
});
const sources = (id: string) => ({ limits: page(id), capabilities: page(id), prices: PRICING });

/** OpenAI caches prompts automatically: no write surcharge, cached input at the listed cached price. */
const GPT = {
  tools: true,
  parallel_tools: true,
  images: true,
  pdf: true,
  thinking: false,
  json_schema: true,
  prompt_cache: true,
} as const;
const REASONING = { ...GPT, thinking: true } as const;

function model(
  id: string,
  context_window: number,
  max_output: number,
  capabilities: ModelFacts['capabilities'],
  input: number,
  output: number,
  cache_read: number | undefined,
  note?: string,
): ModelFacts {
  return {
    id,
    family: 'openai',
    offered_by: ['openai', 'azure-openai'],
    context_window,
    max_output,
    capabilities,
    prices: cache_read === undefined ? { input, output } : { input, output, cache_read },
    sources: sources(id),
    ...(note === undefined ? {} : { note }),
  };
}

const AZURE_NOTE =
  'Azure OpenAI deployments have operator-chosen names: set options.model or the instance model_info to match them.';

export const OPENAI_MODELS: ModelFacts[] = [
  model('gpt-5.1', 400_000, 128_000, REASONING, 1.25, 10, 0.125, AZURE_NOTE),
  model('gpt-5', 400_000, 128_000, REASONING, 1.25, 10, 0.125, `Snapshot gpt-5-2025-08-07. ${AZURE_NOTE}`),
  model('gpt-5-mini', 400_000, 128_000, REASONING, 0.25, 2, 0.025),
  {
    ...model('gpt-5-nano', 400_000, 128_000, REASONING, 0.05, 0.4, 0.005),
    sources: {
      ...sources('gpt-5-nano'),
      limits: openAiPage('gpt-5-nano', 'The model page: 400,000 context window, 128,000 max output tokens.'),
      prices: openAiPage('gpt-5-nano', 'The model page: input $0.05, cached input $0.005, output $0.40.'),
    },
    note: 'Deprecated on its page (2026-12-07; OpenAI recommends GPT-6 Luna for new work). Snapshot gpt-5-nano-2025-08-07.',
  },
  model(
    'gpt-5-chat-latest',
    128_000,
    16_384,
    { ...GPT, tools: false, parallel_tools: false, json_schema: false },
    1.25,
    10,
    0.125,
    'The ChatGPT model: the author is unsure whether function calling and structured outputs were supported, so both are off (an instance that needs them is skipped; override if they work).',
  ),
  model('gpt-4.1', 1_047_576, 32_768, GPT, 2, 8, 0.5, 'Snapshot gpt-4.1-2025-04-14.'),
  model('gpt-4.1-mini', 1_047_576, 32_768, GPT, 0.4, 1.6, 0.1),
  model('gpt-4.1-nano', 1_047_576, 32_768, GPT, 0.1, 0.4, 0.025),
  model(
    'gpt-4o',
    128_000,
    16_384,
    GPT,
    2.5,
    10,
    1.25,
    'Snapshots gpt-4o-2024-08-06 and -2024-11-20; gpt-4o-2024-05-13 had 4,096 output tokens and $5/$15 (not listed apart).',
  ),
  model('gpt-4o-mini', 128_000, 16_384, GPT, 0.15, 0.6, 0.075, 'Snapshot gpt-4o-mini-2024-07-18.'),
  model(
    'chatgpt-4o-latest',
    128_000,
    16_384,
    { ...GPT, tools: false, parallel_tools: false, json_schema: false },
    5,
    15,
    undefined,
    'The ChatGPT model; function calling not supported as documented.',
  ),
  model(
    'o3',
    200_000,
    100_000,
    { ...REASONING, parallel_tools: false },
    2,
    8,
    0.5,
    'Price after the June 2025 reduction. Reasoning models: use max_completion_tokens.',
  ),
  model(
    'o3-pro',
    200_000,
    100_000,
    { ...REASONING, parallel_tools: false },
    20,
    80,
    undefined,
    'Responses API only on OpenAI.',
  ),
  model('o4-mini', 200_000, 100_000, { ...REASONING, parallel_tools: false }, 1.1, 4.4, 0.275),
  model(
    'o3-mini',
    200_000,
    100_000,
    { ...REASONING, images: false, pdf: false, parallel_tools: false },
    1.1,
    4.4,
    0.55,
  ),
  model('o1', 200_000, 100_000, { ...REASONING, parallel_tools: false }, 15, 60, 7.5),
  model('gpt-4-turbo', 128_000, 4_096, { ...GPT, pdf: false, json_schema: false }, 10, 30, undefined),
  model(
    'gpt-3.5-turbo',
    16_385,
    4_096,
    { ...GPT, images: false, pdf: false, json_schema: false },
    0.5,
    1.5,
    undefined,
  ),
];
