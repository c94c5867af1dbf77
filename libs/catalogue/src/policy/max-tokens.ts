import type { ModelFacts } from '../model-facts';

/** The most output tokens the model accepts in one request (with thinking: its thinking limit, if larger). */
export function outputLimitOf(facts: ModelFacts | undefined, thinking = false): number | undefined {
  if (facts === undefined) return undefined;
  return (thinking ? facts.max_output_thinking : undefined) ?? facts.max_output;
}

export interface MaxTokensInput {
  /** What the client asked for (`max_tokens`, `max_completion_tokens`, `max_output_tokens`). */
  client?: number;
  /** The instance's `defaults.max_tokens` (fills only a missing client value). */
  defaults?: number;
  /** The instance's `options.max_tokens` (wins over the client). */
  options?: number;
  /** Thinking budget the request enables, if any: max_tokens must stay above it. */
  thinkingBudget?: number;
  facts?: ModelFacts;
  /** The upstream requires max_tokens (Anthropic Messages): a default is chosen when none is given. */
  required: boolean;
  /** Used when required and nothing else is known (the gateway's historic default). */
  fallback?: number;
}

export interface MaxTokensDecision {
  /** The value to send; undefined: send none. */
  value: number | undefined;
  /** The value for `x-switchboard-max-tokens` when the gateway chose or changed it; undefined otherwise. */
  reported: number | undefined;
  why: 'client' | 'options' | 'defaults' | 'model_max_output' | 'fallback' | 'none';
  /** Lowered to the model's output limit. */
  lowered: boolean;
  /** Raised above the thinking budget. */
  raised: boolean;
}

/**
 * Which max_tokens goes upstream: `options`, then the client, then `defaults`, then (when the upstream requires
 * one) the model's maximum output; raised above a thinking budget; never above the model's limit.
 */
export function decideMaxTokens(input: MaxTokensInput): MaxTokensDecision {
  const limit = outputLimitOf(input.facts, input.thinkingBudget !== undefined);
  let value: number | undefined;
  let why: MaxTokensDecision['why'];
  if (input.options !== undefined) [value, why] = [input.options, 'options'];
  else if (input.client !== undefined) [value, why] = [input.client, 'client'];
  else if (input.defaults !== undefined) [value, why] = [input.defaults, 'defaults'];
  else if (input.required && limit !== undefined) [value, why] = [limit, 'model_max_output'];
  else if (input.required && input.fallback !== undefined) [value, why] = [input.fallback, 'fallback'];
  else [value, why] = [undefined, 'none'];

  let raised = false;
  if (value !== undefined && input.thinkingBudget !== undefined && value <= input.thinkingBudget) {
    value += input.thinkingBudget;
    raised = true;
  }
  const lowered = value !== undefined && limit !== undefined && value > limit;
  if (lowered) value = limit;
  return { value, reported: reportedMaxTokens(input.client, value), why, lowered, raised };
}

/** Lowers a value above the model's limit; values within it (and unknown limits) pass unchanged. */
export function capMaxTokens(value: number, facts: ModelFacts | undefined, thinking = false): number {
  const limit = outputLimitOf(facts, thinking);
  return limit !== undefined && value > limit ? limit : value;
}

/** The header value: the one sent, when it is not what the client asked for. */
export function reportedMaxTokens(client: number | undefined, sent: number | undefined): number | undefined {
  return sent !== undefined && sent !== client ? sent : undefined;
}
