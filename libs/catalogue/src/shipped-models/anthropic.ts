import type { FactSource, ModelFacts } from '../model-facts';

const CHECKED = '2026-12-07';
/** Anthropic's per-model page (Context window · Max output · prices), read on CHECKED. */
const modelPage = (slug: string): FactSource => ({
  url: `https://platform.claude.com/docs/en/models/${slug}/overview`,
  as_of: CHECKED,
  checked: CHECKED,
  verified: true,
  note: "Read from the page's translated renditions (docs/zh-CN, pt-BR), whose spec line is in English.",
});
/** Limits of models whose own page was not found on CHECKED: the author's numbers, unconfirmed. */
const LIMITS_UNVERIFIED: FactSource = {
  url: 'https://platform.claude.com/docs/en/about-claude/models/overview',
  as_of: '2025-11',
  checked: CHECKED,
  verified: false,
  note: "Not confirmed: Anthropic's page for this model was not found on 2026-12-07 (third-party catalogues agree).",
};
/** The pricing page's table (base input, 5m and 1h cache writes, cache hits, output), read on CHECKED. */
const PRICING: FactSource = {
  url: 'https://platform.claude.com/docs/en/about-claude/pricing',
  as_of: CHECKED,
  checked: CHECKED,
  verified: true,
  note: 'Also https://docs.anthropic.com/en/docs/about-claude/pricing (the legacy rows: Opus 4.1/4, Sonnet 4/3.7, Haiku 3.5/3).',
};
/** Input and output confirmed on the model's page; its cache rows were not seen (multipliers as for its siblings). */
const pricesFromModelPage = (slug: string): FactSource => ({
  ...modelPage(slug),
  verified: false,
  note: "Input and output prices confirmed on the model's page; its cache-write and cache-read rows were not seen on 2026-12-07 (the pricing page's 1.25×/2×/0.1× multipliers are assumed).",
});
const FEATURES: FactSource = {
  url: 'https://platform.claude.com/docs/en/build-with-claude/overview',
  as_of: '2025-11',
  checked: CHECKED,
  verified: false,
  note: 'Not confirmed flag by flag on 2026-12-07 (the model pages confirm only text and image input and extended thinking for the 4.5 models). json_schema: through the gateway forced-tool JSON mode on every tool-capable model.',
};
const verifiedSources = (slug: string) => ({
  limits: modelPage(slug),
  capabilities: FEATURES,
  prices: PRICING,
});
const pricedSources = { limits: LIMITS_UNVERIFIED, capabilities: FEATURES, prices: PRICING };
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
    sources: verifiedSources('opus-4-5'),
    note: `Legacy on 2026-12-07 (its page: retirement not sooner than 2026-11-24). Snapshot claude-opus-4-5-20251101. ${FOUNDRY_NOTE}`,
  },
  {
    id: 'claude-opus-4-1',
    family: 'anthropic',
    offered_by: ON,
    context_window: 200_000,
    max_output: 32_000,
    capabilities: CLAUDE_4,
    prices: claudePrices(15, 75),
    sources: pricedSources,
    note: `The pricing page (2026-12-07) lists it as retired except on Bedrock and Google Cloud. Snapshot claude-opus-4-1-20250805. ${FOUNDRY_NOTE}`,
  },
  {
    id: 'claude-opus-4',
    family: 'anthropic',
    context_window: 200_000,
    max_output: 32_000,
    capabilities: CLAUDE_4,
    prices: claudePrices(15, 75),
    sources: pricedSources,
    note: 'The pricing page (2026-12-07) lists it as retired except on Google Cloud. Snapshot claude-opus-4-20250514.',
  },
  {
    id: 'claude-opus-4-*',
    family: 'anthropic',
    offered_by: ON,
    context_window: 200_000,
    max_output: 32_000,
    capabilities: CLAUDE_4,
    sources: { limits: LIMITS_UNVERIFIED, capabilities: FEATURES },
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
    sources: { ...verifiedSources('sonnet-4-5'), prices: pricesFromModelPage('sonnet-4-5') },
    note: `Deprecated: its page (2026-12-07) says it retires on 2026-11-30. Snapshot claude-sonnet-4-5-20250929. A 1M-token context window is a beta (header context-1m-2025-08-07) priced higher above 200K input tokens; not modelled here. ${FOUNDRY_NOTE}`,
  },
  {
    id: 'claude-sonnet-4',
    family: 'anthropic',
    context_window: 200_000,
    max_output: 64_000,
    capabilities: CLAUDE_4,
    prices: claudePrices(3, 15),
    sources: pricedSources,
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
    sources: {
      limits: LIMITS_UNVERIFIED,
      capabilities: FEATURES,
      prices: {
        ...PRICING,
        verified: false,
        note: 'The Sonnet 4 row of the pricing page; later Sonnet 4.x releases this pattern catches were not checked.',
      },
    },
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
    sources: { ...verifiedSources('haiku-4-5'), prices: pricesFromModelPage('haiku-4-5') },
    note: `Legacy on 2026-12-07 (its page). Snapshot claude-haiku-4-5-20251001. ${FOUNDRY_NOTE}`,
  },
  {
    id: 'claude-3-7-sonnet',
    family: 'anthropic',
    context_window: 200_000,
    max_output: 64_000,
    capabilities: CLAUDE_4,
    prices: claudePrices(3, 15),
    sources: pricedSources,
    note: 'Snapshot claude-3-7-sonnet-20250219. 128K output only with the beta header output-128k-2025-02-19, which the gateway does not send, so 64K is the limit used.',
  },
  {
    id: 'claude-3-5-haiku',
    family: 'anthropic',
    context_window: 200_000,
    max_output: 8_192,
    capabilities: { ...CLAUDE_4, thinking: false, images: true, pdf: false },
    prices: { input: 0.8, output: 4, cache_read: 0.08, cache_write: 1, cache_write_1h: 1.6 },
    sources: pricedSources,
    note: 'Snapshot claude-3-5-haiku-20241022. Image input: the models overview listed vision for 3.5 Haiku; PDF support was listed for Sonnet models only at the time (unsure), so pdf is off.',
  },
  {
    id: 'claude-3-haiku',
    family: 'anthropic',
    context_window: 200_000,
    max_output: 4_096,
    capabilities: { ...CLAUDE_4, thinking: false, pdf: false },
    prices: { input: 0.25, output: 1.25, cache_read: 0.03, cache_write: 0.3, cache_write_1h: 0.5 },
    sources: pricedSources,
    note: 'Snapshot claude-3-haiku-20240307.',
  },
];
