/** The facts the gateway knows about one model (or a family of models matched by an id pattern). */

export const CAPABILITIES = [
  'tools',
  'parallel_tools',
  'images',
  'pdf',
  'thinking',
  'json_schema',
  'prompt_cache',
] as const;
export type Capability = (typeof CAPABILITIES)[number];

/** A request-size check beside the capabilities: the prompt estimate exceeds the context window. */
export type MissingCapability = Capability | 'context_window';

export type ModelFamily =
  'openai' | 'anthropic' | 'deepseek' | 'google' | 'meta' | 'mistral' | 'qwen' | 'other';

/** USD per million tokens. Cache prices left out are charged at the input price. */
export interface ModelPrices {
  input: number;
  output: number;
  cache_read?: number;
  /** 5-minute cache writes (Anthropic), or the one cache-write price a provider has. */
  cache_write?: number;
  /** 1-hour cache writes, where the provider prices them apart (Anthropic). */
  cache_write_1h?: number;
}

/** Where a fact came from: the provider's page and the date it said so. */
export interface FactSource {
  url: string;
  /** ISO date or month the page said so (see the data files' header for how these were gathered). */
  as_of: string;
  /** ISO date the facts were last compared with the provider's own page. */
  checked?: string;
  /**
   * Whether that comparison confirmed them; false: the provider's page could not be found or did not show
   * them (`note` says which), so the numbers are the author's and need checking.
   */
  verified?: boolean;
  note?: string;
}

/**
 * Conversion defaults for a model (the keys of an instance's `conversion`, docs/conversion-matrix.md
 * "Per-instance options"): filled in where the instance leaves a key unset, so a model that refuses the
 * converter's defaults works without per-instance settings. The instance's own value always wins.
 */
export interface ModelConversionDefaults {
  /** `output_config` for models that refuse forced tool use (the default `tool` JSON mode forces one). */
  json_mode?: 'tool' | 'output_config';
  /** `adaptive` for models that refuse manual thinking (`thinking.type: "enabled"` with budget_tokens). */
  thinking_mode?: 'budget' | 'adaptive';
  /** true for models that return a 400 on non-default temperature, top_p or top_k. */
  omit_sampling_params?: boolean;
}

export const CONVERSION_DEFAULT_VALUES: Readonly<Record<keyof ModelConversionDefaults, readonly unknown[]>> =
  {
    json_mode: ['tool', 'output_config'],
    thinking_mode: ['budget', 'adaptive'],
    omit_sampling_params: [true, false],
  };

export interface ModelFacts {
  /** The exact model id, or a pattern with `*` wildcards (`claude-opus-4-*`). */
  id: string;
  family: ModelFamily;
  /** Platforms serving this model under this id (e.g. `anthropic`, `azure-ai-foundry`). */
  offered_by?: string[];
  context_window?: number;
  max_output?: number;
  /** The larger output limit with extended thinking, where it differs from `max_output`. */
  max_output_thinking?: number;
  capabilities?: Partial<Record<Capability, boolean>>;
  prices?: ModelPrices;
  /** Conversion options this model needs by default (an instance's `conversion` still wins). */
  conversion?: ModelConversionDefaults;
  sources?: { limits?: FactSource; capabilities?: FactSource; prices?: FactSource };
  /** Caveats: what is unsure, what a platform does differently. */
  note?: string;
}

/** A catalogue entry as the admin API shows it: the facts plus where the entry came from. */
export interface EffectiveModel extends ModelFacts {
  origin: 'shipped' | 'override';
  /** Override version (starts at 1, +1 per write); absent for shipped entries. */
  version?: number;
}
