import type { UpstreamTarget } from '../converter.interface';
import { isJsonObject } from '@switchboard/protocols';

/**
 * Per-instance options for OpenAI clients on an Anthropic upstream, read from `target.conversion`
 * (documented in docs/conversion-matrix.md, "Per-instance options"). Unknown keys are ignored.
 */
export interface OpenAiToAnthropicOptions {
  /** Put thinking into `reasoning_content` (and `thinking_blocks` with signatures) toward the client. Default true. */
  exposeReasoning: boolean;
  /** `budget` (default): `thinking:{type:"enabled", budget_tokens}`; `adaptive`: `thinking:{type:"adaptive"}` + `output_config.effort`. */
  thinkingMode: 'budget' | 'adaptive';
  /** budget_tokens per reasoning_effort (merged over the defaults). */
  reasoningBudgets: Readonly<Record<string, number>>;
  /** `tool` (default): JSON mode through a forced tool; `output_config`: structured outputs (`output_config.format`). */
  jsonMode: 'tool' | 'output_config';
  /** Models that deprecate sampling parameters (Opus 4.7 class): drop temperature, top_p and top_k. Default false. */
  omitSamplingParams: boolean;
  /** The model's maximum output: larger max_tokens values are clamped to it (thinking budgets included). */
  maxTokensLimit?: number;
  /** Models that reject temperature and top_p together: drop top_p when both are set. Default false. */
  temperatureTopPExclusive: boolean;
}

export const DEFAULT_REASONING_BUDGETS: Readonly<Record<string, number>> = {
  minimal: 1024,
  low: 1024,
  medium: 2048,
  high: 4096,
  xhigh: 8192,
  max: 16384,
};

export const DEFAULT_MAX_TOKENS = 4096;

export function readOptions(target: UpstreamTarget): OpenAiToAnthropicOptions {
  const raw = isJsonObject(target.conversion) ? target.conversion : {};
  const budgets: Record<string, number> = { ...DEFAULT_REASONING_BUDGETS };
  if (isJsonObject(raw.reasoning_budgets)) {
    for (const [effort, value] of Object.entries(raw.reasoning_budgets)) {
      if (typeof value === 'number' && Number.isInteger(value) && value >= 1024) budgets[effort] = value;
    }
  }
  return {
    exposeReasoning: raw.expose_reasoning !== false,
    thinkingMode: raw.thinking_mode === 'adaptive' ? 'adaptive' : 'budget',
    reasoningBudgets: budgets,
    jsonMode: raw.json_mode === 'output_config' ? 'output_config' : 'tool',
    omitSamplingParams: raw.omit_sampling_params === true,
    temperatureTopPExclusive: raw.temperature_top_p_exclusive === true,
    maxTokensLimit:
      typeof raw.max_tokens_limit === 'number' &&
      Number.isInteger(raw.max_tokens_limit) &&
      raw.max_tokens_limit >= 1
        ? raw.max_tokens_limit
        : undefined,
  };
}
