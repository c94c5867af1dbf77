import type { FactSource, ModelFacts } from '../model-facts';

const MODELS: FactSource = {
  url: 'https://docs.claude.com/en/docs/about-claude/models/overview',
  as_of: '2025-11',
};
const PRICING: FactSource = { url: 'https://docs.claude.com/en/docs/about-claude/pricing', as_of: '2025-11' };
const FEATURES: FactSource = {
  url: 'https://docs.claude.com/en/docs/build-with-claude/overview',
  as_of: '2025-11',
  note: 'json_schema: through the gateway forced-tool JSON mode on every tool-capable model; native structured outputs (output_config.format) were a beta on Sonnet 4.5 / Opus 4.1 and later.',
};
const SOURCES = { limits: MODELS, capabilities: FEATURES, prices: PRICING };
const ON = ['anthropic', 'azure-ai-foundry'];
const FOUNDRY_NOTE =
  'Azure AI Foundry serves this model under the same id (as documented on https://learn.microsoft.com/en-us/azure/ai-foundry/foundry-models/how-to/use-foundry-models-claude, 2025-11); Foundry billing goes through the Azure Marketplace and was assumed equal to Anthropic list prices, unverified.';

const CLAUDE_4 = {
  tools: true,
  parallel_tools: true,
  images: true,
  pdf: true,
  thinking: true,
  json_schema: true,
  prompt_cache: true,
} as const;

/** Anthropic list prices: cache read 0.1×, 5-minute write 1.25×, 1-hour write 2× the input price. */
function claudePrices(input: number, output: number) {
  return {
    input,
    output,
    cache_read: input / 10,
    cache_write: input * 1.25,
    cache_write_1h: input * 2,
  };
}

export const ANTHROPIC_MODELS: ModelFacts[] = [
  {
    id: 'claude-opus-4-5',
    family: 'anthropic',
    offered_by: ON,
    context_window: 200_000,
    max_output: 64_000,
    capabilities: CLAUDE_4,
    prices: claudePrices(5, 25),
    sources: SOURCES,
    note: `Snapshot claude-opus-4-5-20251101. ${FOUNDRY_NOTE}`,
  },
  {
    id: 'claude-opus-4-1',
    family: 'anthropic',
    offered_by: ON,
    context_window: 200_000,
    max_output: 32_000,
    capabilities: CLAUDE_4,
    prices: claudePrices(15, 75),
    sources: SOURCES,
    note: `Snapshot claude-opus-4-1-20250805. ${FOUNDRY_NOTE}`,
  },
  {
    id: 'claude-opus-4',
    family: 'anthropic',
    context_window: 200_000,
    max_output: 32_000,
    capabilities: CLAUDE_4,
    prices: claudePrices(15, 75),
    sources: SOURCES,
    note: 'Snapshot claude-opus-4-20250514.',
  },
  {
    id: 'claude-opus-4-*',
    family: 'anthropic',
    offered_by: ON,
    context_window: 200_000,
    max_output: 32_000,
    capabilities: CLAUDE_4,
    sources: SOURCES,
    note: 'Fallback for later Opus 4.x releases not listed individually: limits are the smallest of the listed Opus 4 models (so max_tokens is never above what the model accepts); no prices, because Opus 4.x prices changed between releases (15/75 → 5/25). Add an override with the real numbers.',
  },
  {
    id: 'claude-sonnet-4-5',
    family: 'anthropic',
    offered_by: ON,
    context_window: 200_000,
    max_output: 64_000,
    capabilities: CLAUDE_4,
    prices: claudePrices(3, 15),
    sources: SOURCES,
    note: `Snapshot claude-sonnet-4-5-20250929. A 1M-token context window is a beta (header context-1m-2025-08-07) priced higher above 200K input tokens; not modelled here. ${FOUNDRY_NOTE}`,
  },
  {
    id: 'claude-sonnet-4',
    family: 'anthropic',
    context_window: 200_000,
    max_output: 64_000,
    capabilities: CLAUDE_4,
    prices: claudePrices(3, 15),
    sources: SOURCES,
    note: 'Snapshot claude-sonnet-4-20250514. 1M context is a beta, not modelled.',
  },
  {
    id: 'claude-sonnet-4-*',
    family: 'anthropic',
    offered_by: ON,
    context_window: 200_000,
    max_output: 64_000,
    capabilities: CLAUDE_4,
    prices: claudePrices(3, 15),
    sources: SOURCES,
    note: 'Fallback for later Sonnet 4.x releases: Sonnet 4 and 4.5 share these limits and prices; verify for newer releases.',
  },
  {
    id: 'claude-haiku-4-5',
    family: 'anthropic',
    offered_by: ON,
    context_window: 200_000,
    max_output: 64_000,
    capabilities: CLAUDE_4,
    prices: claudePrices(1, 5),
    sources: SOURCES,
    note: `Snapshot claude-haiku-4-5-20251001. ${FOUNDRY_NOTE}`,
  },
  {
    id: 'claude-3-7-sonnet',
    family: 'anthropic',
    context_window: 200_000,
    max_output: 64_000,
    capabilities: CLAUDE_4,
    prices: claudePrices(3, 15),
    sources: SOURCES,
    note: 'Snapshot claude-3-7-sonnet-20250219. 128K output only with the beta header output-128k-2025-02-19, which the gateway does not send, so 64K is the limit used.',
  },
  {
    id: 'claude-3-5-haiku',
    family: 'anthropic',
    context_window: 200_000,
    max_output: 8_192,
    capabilities: { ...CLAUDE_4, thinking: false, images: true, pdf: false },
    prices: { input: 0.8, output: 4, cache_read: 0.08, cache_write: 1, cache_write_1h: 1.6 },
    sources: SOURCES,
    note: 'Snapshot claude-3-5-haiku-20241022. Image input: the models overview listed vision for 3.5 Haiku; PDF support was listed for Sonnet models only at the time (unsure), so pdf is off.',
  },
  {
    id: 'claude-3-haiku',
    family: 'anthropic',
    context_window: 200_000,
    max_output: 4_096,
    capabilities: { ...CLAUDE_4, thinking: false, pdf: false },
    prices: { input: 0.25, output: 1.25, cache_read: 0.03, cache_write: 0.3, cache_write_1h: 0.5 },
    sources: SOURCES,
    note: 'Snapshot claude-3-haiku-20240307.',
  },
];
