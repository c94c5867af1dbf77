import type { FactSource, ModelFacts } from '../model-facts';
import {
  anthropicPage,
  CHECKED,
  CLAUDE_4,
  claudePrices,
  FEATURES,
  FOUNDRY_NOTE,
  ON,
  PRICING,
  unverified,
} from './anthropic-sources';

/**
 * The Claude lineup of 2026-12-07 (5.x, and the 1M-context 4.6–4.8 models), each number read on Anthropic's own
 * page named in its sources. None of these ids has a dated snapshot: the pages give the bare id.
 */

const SPEC_LINE =
  "The page's spec line (English in every rendition): Context window · Max output · Input/Output pricing.";
const SPEC_AND_PRICES =
  "The page's spec line and its Pricing block (input, 5m and 1h cache writes, cache read, output).";

const FORCED_TOOL =
  'Its page: forced tool use (tool_choice any/tool) returns an error. The gateway\'s default JSON mode (json_mode "tool") forces a tool, so this entry\'s conversion defaults set json_mode "output_config" (structured outputs); a client tool_choice "required" or a named function still fails upstream.';
const MANUAL_THINKING =
  'Manual extended thinking (thinking type "enabled" with budget_tokens) returns a 400, so this entry\'s conversion defaults set thinking_mode "adaptive".';
const ADAPTIVE_ONLY =
  'Its page names adaptive thinking as its thinking mode, so this entry\'s conversion defaults set thinking_mode "adaptive" (reasoning_effort → output_config.effort) rather than a manual budget.';

/** Forced tool use refused and thinking adaptive (Fable 5.1/5.2, Opus 5.5, Sonnet 5.5). */
const NO_FORCED_TOOL_ADAPTIVE: ModelFacts['conversion'] = {
  json_mode: 'output_config',
  thinking_mode: 'adaptive',
};
const withConversion = (facts: ModelFacts, conversion: ModelFacts['conversion']): ModelFacts => ({
  ...facts,
  conversion,
});

function claude(
  id: string,
  limits: FactSource,
  prices: ModelFacts['prices'],
  pricesSource: FactSource | undefined,
  note: string,
  window = 1_000_000,
  output = 128_000,
): ModelFacts {
  return {
    id,
    family: 'anthropic',
    offered_by: ON,
    context_window: window,
    max_output: output,
    capabilities: CLAUDE_4,
    ...(prices === undefined ? {} : { prices }),
    sources: {
      limits,
      capabilities: FEATURES,
      ...(pricesSource === undefined ? {} : { prices: pricesSource }),
    },
    note: `${note} ${FOUNDRY_NOTE}`,
  };
}

const page = (slug: string, locale: string, note = SPEC_LINE) =>
  anthropicPage(`models/${slug}/overview`, note, locale);

const FABLE_5_2_TABLE = anthropicPage(
  'models/sonnet-5/overview.md',
  'Only in the lineup table ("How it compares to the current lineup") of the Claude Sonnet 5 page, Indonesian rendition: Claude Fable 5.2, 1M context, 128K max output, $8 / $40, Adaptive (always on). Fable 5.2\'s own page was not in the index.',
  'id',
);
const SONNET_4_6_PRICING = anthropicPage(
  'about-claude/pricing',
  'The Claude Sonnet 4.6 row of the pricing table.',
  'zh-CN',
);
const OPUS_4_7_LIMITS: FactSource = {
  url: 'https://docs.cloud.google.com/gemini-enterprise-agent-platform/models/partner-models/claude/opus-4-7',
  as_of: CHECKED,
  checked: CHECKED,
  verified: false,
  note: "Anthropic's own Opus 4.7 page was not in the index; Google Cloud's model page (1,000,000 input / 128,000 output tokens) and AWS Bedrock's model card (1M / 128K) agree.",
};

/** Fallback for later 5.x releases of a family: every 5.x model in Anthropic's lineup tables has 1M / 128K. */
function claude5Pattern(family: string): ModelFacts {
  return {
    id: `claude-${family}-5-*`,
    family: 'anthropic',
    offered_by: ON,
    context_window: 1_000_000,
    max_output: 128_000,
    capabilities: CLAUDE_4,
    sources: {
      limits: unverified(
        page('opus-5-5', 'zh-CN'),
        `Fallback for ${family} 5.x releases not listed by id: every Claude 5.x model in Anthropic's lineup tables (2026-12-07) has a 1M context and 128K output; later releases are not confirmed.`,
      ),
      capabilities: FEATURES,
    },
    note: `No prices: they differ between 5.x releases (Opus 5 $5/$25, Opus 5.5 $4/$20; Fable 5.1 $10/$50, Fable 5.2 $8/$40). Add an override with the real numbers.`,
  };
}

export const ANTHROPIC_CURRENT_MODELS: ModelFacts[] = [
  withConversion(
    claude(
      'claude-fable-5-2',
      FABLE_5_2_TABLE,
      claudePrices(8, 40, 0.2),
      unverified(
        FABLE_5_2_TABLE,
        "Input $8 and output $40 confirmed in Anthropic's lineup table; the cache rows were not seen: cache read $0.20 as reported by https://docs.sim.ai/models/anthropic/claude-fable-5-2 and github.com/phuryn/claude-usage v1.5.7 (checked 2026-12-01), cache writes assumed at 1.25× / 2× input.",
      ),
      `The newest Fable in Anthropic's lineup table (released 2026-11-09 per third parties). Thinking: "Adaptive (always on)", it cannot be disabled. Whether forced tool use is refused as on Fable 5.1 was not confirmed; assume it is, so its conversion defaults set json_mode "output_config" as Fable 5.1's. ${ADAPTIVE_ONLY}`,
    ),
    NO_FORCED_TOOL_ADAPTIVE,
  ),
  withConversion(
    claude(
      'claude-fable-5-1',
      anthropicPage('models/fable-5-1/overview.md', `${SPEC_LINE} Released 2026-09-01.`, 'zh-CN'),
      claudePrices(10, 50, 0.25),
      PRICING,
      `Thinking is adaptive and always on (cannot be disabled). ${FORCED_TOOL} Its thinking blocks are readable only by Fable 5.1 / Mythos 5.1. Cache hits $0.25 (0.025× input). Like Fable 5, safety classifiers may decline a request with stop_reason "refusal" in an HTTP 200. ${ADAPTIVE_ONLY}`,
    ),
    NO_FORCED_TOOL_ADAPTIVE,
  ),
  claude(
    'claude-fable-5',
    anthropicPage('models/fable-5/overview.md', `${SPEC_LINE} Legacy; released 2026-06-09.`),
    claudePrices(10, 50, 1),
    PRICING,
    'Legacy on 2026-12-07 (its page; Fable 5.1 and 5.2 are current). Its introduction page: safety classifiers may decline a request, answered as stop_reason "refusal" in an HTTP 200, with server-side fallbacks (fallbacks parameter, beta). Claude Mythos 5 shares its specs and prices (invitation only, not listed).',
  ),
  withConversion(
    claude(
      'claude-opus-5-5',
      page('opus-5-5', 'zh-CN', SPEC_AND_PRICES),
      claudePrices(4, 20, 0.2),
      page('opus-5-5', 'zh-CN', SPEC_AND_PRICES),
      `The current Opus (released 2026-09-22 per third parties). Its page's breaking changes: thinking cannot be disabled (adaptive, always on; default effort medium); ${FORCED_TOOL} Text between tool calls comes back in thinking blocks (empty under the default display). Cache hits $0.20 (0.05× input). Batch API output up to 300K (beta), not used here. ${ADAPTIVE_ONLY}`,
    ),
    NO_FORCED_TOOL_ADAPTIVE,
  ),
  claude(
    'claude-opus-5',
    { ...anthropicPage('', SPEC_AND_PRICES), url: 'https://platform.claude.com/docs/models/opus-5/overview' },
    claudePrices(5, 25),
    PRICING,
    'Legacy on 2026-12-07 (its page: released 2026-07-24, retirement not sooner than 2027-07-24). Thinking is on by default and can be disabled only at effort high or below.',
  ),
  withConversion(
    claude(
      'claude-sonnet-5-5',
      page('sonnet-5-5', 'zh-CN'),
      claudePrices(2, 10, 0.1),
      unverified(
        page('sonnet-5-5', 'zh-CN', SPEC_AND_PRICES),
        'Input $2, output $10, 5m write $2.50 and 1h write $4 confirmed on the page. Its cache read read $0.20, but that rendition predates 2026-10-07 (its lineup table still lists Haiku 4.5); github.com/kurofune/claudit v1.9.2, TheKrush/PromptFuel v1.0.23 and phuryn/claude-usage v1.5.7 (checked 2026-12-01) report Anthropic cut it to $0.10 on 2026-10-07, so $0.10 is used.',
      ),
      `The current Sonnet (released 2026-09-28 per third parties). Adaptive thinking, default effort high. ${FORCED_TOOL} Text between tool calls comes back in thinking blocks; thinking blocks are tied to model and conversation. ${ADAPTIVE_ONLY}`,
    ),
    NO_FORCED_TOOL_ADAPTIVE,
  ),
  withConversion(
    claude(
      'claude-sonnet-5',
      page(
        'sonnet-5',
        'zh-CN',
        `${SPEC_AND_PRICES} Legacy; released 2026-06-30 (docs/zh-CN/models/sonnet-5/overview.md).`,
      ),
      claudePrices(2, 10),
      page('sonnet-5', 'zh-CN', SPEC_AND_PRICES),
      `Legacy on 2026-12-07. Its page: adaptive thinking is on by default; ${MANUAL_THINKING} Non-default temperature, top_p or top_k return a 400, so its conversion defaults also set omit_sampling_params. New tokenizer (about 30% more tokens than Sonnet 4.6).`,
    ),
    { thinking_mode: 'adaptive', omit_sampling_params: true },
  ),
  claude(
    'claude-haiku-5-5',
    anthropicPage('models/haiku-5-5/overview.md', `${SPEC_LINE} Released 2026-10-07.`),
    { input: 0.1, output: 0.5, cache_read: 0.01, cache_write: 0.125, cache_write_1h: 0.2 },
    unverified(
      page('haiku-5-5', 'ja', SPEC_AND_PRICES),
      'The page prices by prompt length: up to 100,000 tokens input $0.10, output $0.50, 5m write $0.125, 1h write $0.20 (confirmed); over 100,000 tokens 5× that (input $0.50, output $2.50) on the whole request, which the catalogue cannot express, so long prompts are under-costed. Cache read $0.01 (over 100K: $0.05) from apidog.com/blog/how-to-use-claude-haiku-5-5-api and PromptFuel v1.0.23; not seen on the page.',
    ),
    'The current Haiku. Adaptive thinking with the effort parameter (default medium); new tokenizer (about 30% more tokens than Haiku 4.5).',
  ),
  claude(
    'claude-opus-4-8',
    anthropicPage('models/opus-4-8/overview.md', `${SPEC_LINE} Legacy; released 2026-05-28.`, 'de'),
    claudePrices(5, 25),
    PRICING,
    'Legacy on 2026-12-07 (its page). Adaptive thinking (default effort high).',
  ),
  withConversion(
    claude(
      'claude-opus-4-7',
      OPUS_4_7_LIMITS,
      claudePrices(5, 25),
      PRICING,
      `Released 2026-04-16 (AWS Bedrock model card). Bedrock's card: only adaptive thinking; ${MANUAL_THINKING}`,
    ),
    { thinking_mode: 'adaptive' },
  ),
  claude(
    'claude-opus-4-6',
    anthropicPage('models/opus-4-6/overview.md', `${SPEC_LINE} Legacy; released 2026-02-05.`),
    claudePrices(5, 25),
    PRICING,
    'Legacy on 2026-12-07 (its page).',
  ),
  claude(
    'claude-sonnet-4-6',
    anthropicPage('models/sonnet-4-6/overview.md', `${SPEC_LINE} Legacy; released 2026-02-17.`, 'zh-CN'),
    claudePrices(3, 15),
    SONNET_4_6_PRICING,
    'Legacy on 2026-12-07 (its page). 1M context and 128K output at standard prices per its page (third-party catalogues listing 64K output are outdated).',
  ),
  ...['opus', 'sonnet', 'haiku', 'fable'].map(claude5Pattern),
];
