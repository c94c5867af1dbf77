import type { FactSource } from '../model-facts';

/** The date every Anthropic fact below was compared with Anthropic's own pages (the project's documentation search). */
export const CHECKED = '2026-12-07';
const DOCS = 'https://platform.claude.com/docs';

/** A page of Anthropic's documentation that showed the numbers (`locale` is the rendition that was read). */
export function anthropicPage(path: string, note: string, locale = 'en'): FactSource {
  return { url: `${DOCS}/${locale}/${path}`, as_of: CHECKED, checked: CHECKED, verified: true, note };
}

/** Anthropic's per-model page (Context window · Max output · prices), read on CHECKED. */
export const modelPage = (slug: string): FactSource =>
  anthropicPage(
    `models/${slug}/overview`,
    "Read from the page's translated renditions (docs/zh-CN, pt-BR), whose spec line is in English.",
  );

/** The pricing page's table (base input, 5m and 1h cache writes, cache hits, output), read on CHECKED. */
export const PRICING: FactSource = anthropicPage(
  'about-claude/pricing',
  'Also https://docs.anthropic.com/en/docs/about-claude/pricing (the legacy rows: Opus 4.1/4, Sonnet 4/3.7, Haiku 3.5/3).',
);

/** The facts of a source, marked unconfirmed with the reason. */
export const unverified = (source: FactSource, note: string): FactSource => ({
  ...source,
  verified: false,
  note,
});

export const FEATURES: FactSource = {
  url: `${DOCS}/en/build-with-claude/overview`,
  as_of: '2025-11',
  checked: CHECKED,
  verified: false,
  note: 'Not confirmed flag by flag on 2026-12-07 (the model pages confirm only text and image input and extended thinking for the 4.5 models). json_schema: through the gateway forced-tool JSON mode on every tool-capable model.',
};

/** Platforms serving Claude models under Anthropic's ids. */
export const ON = ['anthropic', 'azure-ai-foundry'];
export const FOUNDRY_NOTE =
  'Azure AI Foundry serves this model under the same id (as documented on https://learn.microsoft.com/en-us/azure/ai-foundry/foundry-models/how-to/use-foundry-models-claude, 2025-11); Foundry billing goes through the Azure Marketplace and was assumed equal to Anthropic list prices, unverified.';

export const CLAUDE_4 = {
  tools: true,
  parallel_tools: true,
  images: true,
  pdf: true,
  thinking: true,
  json_schema: true,
  prompt_cache: true,
} as const;

/** Anthropic list prices: cache read 0.1×, 5-minute write 1.25×, 1-hour write 2× the input price. */
export function claudePrices(input: number, output: number, cache_read = input / 10) {
  return { input, output, cache_read, cache_write: input * 1.25, cache_write_1h: input * 2 };
}
