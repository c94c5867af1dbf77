import type { FactSource, ModelFacts } from '../model-facts';

const CHECKED = '2026-12-07';

/** OpenAI's own model page, which showed the numbers on CHECKED. */
export function openAiPage(id: string, note: string): FactSource {
  const url = `https://developers.openai.com/api/docs/models/${id}`;
  return { url, as_of: CHECKED, checked: CHECKED, verified: true, note };
}

/** OpenAI's page for the model was not in the index: the numbers come from the third-party pages in `note`. */
function thirdParty(id: string, note: string): FactSource {
  return {
    ...openAiPage(id, ''),
    verified: false,
    note: `Not confirmed on OpenAI's own page (not found in the index on ${CHECKED}). ${note}`,
  };
}

/** The GPT-5.x reasoning models: tools, vision, structured outputs, automatic prompt caching (no write surcharge). */
const GPT_5X = {
  tools: true,
  parallel_tools: true,
  images: true,
  pdf: true,
  thinking: true,
  json_schema: true,
  prompt_cache: true,
} as const;

const LONG_PROMPT =
  'Prompts over 272K input tokens are billed higher for the whole request (2× input, 1.5× output per the sources); the catalogue cannot express that, so such requests are under-costed.';

function gpt(
  id: string,
  limits: [context: number, output: number],
  prices: [input: number, output: number, cachedInput: number, cacheWrite?: number],
  source: FactSource,
  note: string,
): ModelFacts {
  const [context_window, max_output] = limits;
  const [input, output, cache_read, cache_write] = prices;
  return {
    id,
    family: 'openai',
    offered_by: ['openai', 'azure-openai'],
    context_window,
    max_output,
    capabilities: GPT_5X,
    prices:
      cache_write === undefined ? { input, output, cache_read } : { input, output, cache_read, cache_write },
    sources: {
      limits: source,
      capabilities: { ...source, verified: false, note: 'Flags not confirmed one by one.' },
      prices: source,
    },
    note,
  };
}

const CHAT_TOOLS_NEED_NO_REASONING =
  'Its page: Chat Completions supports function calling only with reasoning_effort "none" (tools belong on the Responses API), so a tool request converted to Chat Completions with any other effort fails upstream.';
const GPT_6_PRICING_NOTE =
  'Cache writes are billed (1.25× input, 30-minute retention; the 12-hour write price is not modelled); over 272K input tokens input and cache rates double and output is 1.5× for the whole request (not modelled, so such requests are under-costed).';

export const OPENAI_CURRENT_MODELS: ModelFacts[] = [
  gpt(
    'gpt-6.2-sol',
    [1_050_000, 128_000],
    [2, 10, 0.1, 2.5],
    openAiPage(
      'gpt-6.2-sol',
      'The model page (and its es-419 rendition): 1,050,000 context window, 922,000 max input, 128,000 max output; input $2, cached input $0.10, cache writes $2.50, output $10.',
    ),
    `OpenAI's "go-to model for everyday work" (models overview, 2026-12-07). Its page: the API rejects reasoning effort "none". ${GPT_6_PRICING_NOTE}`,
  ),
  gpt(
    'gpt-6.2-astra',
    [1_050_000, 128_000],
    [8, 40, 0.8, 10],
    {
      ...openAiPage('gpt-6.2-astra', ''),
      url: 'https://developers.openai.com/api/docs/models',
      verified: false,
      note: "Input $8, output $40, 128K max output and 1.05M context confirmed on OpenAI's models overview (https://developers.openai.com/api/docs/models); the model's own page was not in the index, so cached input ($0.80) and cache writes ($10) are assumed at 10% and 1.25× input as on its siblings' pages.",
    },
    "OpenAI's flagship on its models overview (2026-12-07); reasoning effort low to max (no none).",
  ),
  gpt(
    'gpt-6-sol',
    [1_050_000, 128_000],
    [2, 10, 0.2, 2.5],
    openAiPage(
      'gpt-6-sol',
      'The model page: default snapshot gpt-6-sol, 1,050,000 context window, 922,000 max input, 128,000 max output; input $2, cached input $0.20, cache writes $2.50, output $10.',
    ),
    `Superseded by GPT-6.1 / 6.2 Sol. ${CHAT_TOOLS_NEED_NO_REASONING} ${GPT_6_PRICING_NOTE}`,
  ),
  gpt(
    'gpt-6-luna',
    [1_050_000, 128_000],
    [0.1, 0.5, 0.01, 0.125],
    openAiPage(
      'gpt-6-luna',
      'The model page (ja-JP rendition, figures in English): 1,050,000 context window, 128,000 max output; input $0.10, cached input $0.01, cache writes $0.125, output $0.50.',
    ),
    `OpenAI's cost-sensitive tier on its models overview (2026-12-07). ${CHAT_TOOLS_NEED_NO_REASONING} ${GPT_6_PRICING_NOTE}`,
  ),
  gpt(
    'gpt-5.5',
    [1_050_000, 128_000],
    [5, 30, 0.5],
    thirdParty(
      'gpt-5.5',
      'Context 1,050,000 and max output 128,000: https://docs.oxen.ai/inference-api/reference/models/gpt-5-5-2026-04-23.md (Venice: 1M / 128K). https://vercel.com/ai-gateway/models/openai/gpt-5.5.md says 272K output; the lower 128K is used so max_tokens is never above what the model accepts. $5 / $30: apidog.com/blog/how-to-use-gpt-5-5-api, Venice, Vercel. Cached input $0.50: https://vercel.com/ai-gateway/models/gpt-5.5/about (10% of input, as the $3 cached on $30 input of gpt-5.5-pro per docs.apiyi.com/en/models/gpt-5-5-pro.md).',
    ),
    `Released 2026-04-23; snapshot gpt-5.5-2026-04-23 (as Oxen lists it). Responses and Chat Completions. ${LONG_PROMPT}`,
  ),
  gpt(
    'gpt-5.4',
    [1_050_000, 128_000],
    [2.5, 15, 0.25],
    thirdParty(
      'gpt-5.4',
      '1,050,000 / 128,000 and $2.50 / $15: https://vercel.com/ai-gateway/models/gpt-5.4.md, https://www.getmaxim.ai/bifrost/model-library/compare/openai/gpt-5.4; over 272K input $5 / $22.50: https://wavespeed.ai/ja/llm/openai/gpt-5.4. Cached input $0.25 assumed at 10% of input.',
    ),
    `Released 2026-03-05. ${LONG_PROMPT}`,
  ),
  gpt(
    'gpt-5.4-mini',
    [400_000, 128_000],
    [0.75, 4.5, 0.075],
    thirdParty(
      'gpt-5.4-mini',
      "400,000 / 128,000 and $0.75 / $4.50: https://vercel.com/ai-gateway/models/openai/gpt-5.4-mini.md, https://openrouter.ai/openai/gpt-5.4-mini. Cached input $0.075 assumed at 10% of input (as OpenAI's own gpt-5.4-nano page shows for nano).",
    ),
    'Released 2026-03-17.',
  ),
  gpt(
    'gpt-5.4-nano',
    [400_000, 128_000],
    [0.2, 1.25, 0.02],
    openAiPage(
      'gpt-5.4-nano',
      'The model page: 400,000 context window, 128,000 max output tokens, input $0.20, cached input $0.02, output $1.25 (regional processing endpoints +10%, not modelled).',
    ),
    'Deprecated on its page (2026-12-07). Snapshot gpt-5.4-nano-2026-03-17. reasoning.effort none (default) to xhigh.',
  ),
  gpt(
    'gpt-5.2',
    [400_000, 128_000],
    [1.75, 14, 0.175],
    thirdParty(
      'gpt-5.2',
      '400,000 / 128,000: https://docs.oxen.ai/inference-api/reference/models/gpt-5-2-2025-12-11.md and github.com/withceleste/celeste-python PR 67 (max 128,000); $1.75 / $14: https://docs.venice.ai/models/gpt-5-2.md (whose own deployment is 256K / 64K). Cached input $0.175 assumed at 10% of input.',
    ),
    'Released 2025-12-11; snapshot gpt-5.2-2025-12-11 (as Oxen lists it). gpt-5.2-chat-latest (128K / 16,384 per Oxen) is not listed.',
  ),
];
