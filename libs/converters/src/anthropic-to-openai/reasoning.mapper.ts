import { isJsonObject, type OpenAiReasoningEffort as ReasoningEffort } from '@switchboard/protocols';
import { invalidRequest } from './request-error';

/**
 * Anthropic `thinking` / `output_config.effort` → OpenAI `reasoning_effort` (conversion-spec §5.4), using the
 * litellm/APISIX budget buckets: budget ≥ 4096 → high, ≥ 2048 → medium, otherwise low.
 */
export function budgetToEffort(budget: number): ReasoningEffort {
  if (budget >= 4096) return 'high';
  if (budget >= 2048) return 'medium';
  return 'low';
}

const EFFORTS: Readonly<Record<string, ReasoningEffort>> = {
  low: 'low',
  medium: 'medium',
  high: 'high',
  xhigh: 'xhigh',
  max: 'xhigh',
};

export function mapReasoningEffort(thinking: unknown, outputConfig: unknown): ReasoningEffort | undefined {
  let effort: ReasoningEffort | undefined;
  if (isJsonObject(outputConfig) && outputConfig.effort !== undefined && outputConfig.effort !== null) {
    effort = typeof outputConfig.effort === 'string' ? EFFORTS[outputConfig.effort] : undefined;
    if (!effort) throw invalidRequest('output_config.effort', 'must be one of low, medium, high, xhigh, max');
  }
  if (thinking === undefined || thinking === null) return effort;
  if (!isJsonObject(thinking)) throw invalidRequest('thinking', 'must be an object');
  switch (thinking.type) {
    case 'disabled':
      return effort;
    case 'adaptive':
      return effort ?? 'medium';
    case 'enabled': {
      const budget = thinking.budget_tokens;
      if (typeof budget !== 'number' || !Number.isInteger(budget) || budget < 1) {
        throw invalidRequest('thinking.budget_tokens', 'must be a positive integer');
      }
      return effort ?? budgetToEffort(budget);
    }
    default:
      throw invalidRequest('thinking.type', 'must be one of enabled, disabled, adaptive');
  }
}
