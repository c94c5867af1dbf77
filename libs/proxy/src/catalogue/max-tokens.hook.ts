import type { UpstreamTarget } from '@switchboard/converters';
import { capMaxTokens, outputLimitOf, reportedMaxTokens, type ModelFacts } from '@switchboard/catalogue';
import type { Protocol } from '@switchboard/protocols';

/**
 * The converter target with the model's limits: toward an Anthropic upstream, the model's maximum output is
 * the default max_tokens (an instance `defaults.max_tokens` still wins) and its limit caps max_tokens and
 * thinking budgets (an instance `conversion.max_tokens_limit` still wins).
 */
export function targetWithModelLimits(target: UpstreamTarget, facts: ModelFacts | undefined): UpstreamTarget {
  const limit = outputLimitOf(facts, true);
  const maxOutput = outputLimitOf(facts);
  if (limit === undefined || maxOutput === undefined) return target;
  const defaults =
    target.defaults?.max_tokens === undefined
      ? { ...target.defaults, max_tokens: maxOutput }
      : target.defaults;
  const conversion =
    target.conversion?.max_tokens_limit === undefined
      ? { ...target.conversion, max_tokens_limit: limit }
      : target.conversion;
  return { ...target, defaults, conversion };
}

/** The max_tokens the client itself asked for, in its protocol's field. */
export function clientMaxTokens(protocol: Protocol, body: Record<string, unknown>): number | undefined {
  const fields =
    protocol === 'openai-chat'
      ? ['max_completion_tokens', 'max_tokens']
      : protocol === 'anthropic-messages'
        ? ['max_tokens']
        : ['max_output_tokens'];
  for (const field of fields) {
    const value = body[field];
    if (typeof value === 'number') return value;
  }
  return undefined;
}

const thinkingEnabled = (body: Record<string, unknown>): boolean => {
  const thinking = body.thinking as { type?: unknown } | undefined;
  return thinking !== undefined && thinking !== null && thinking.type !== 'disabled';
};

/**
 * Toward an Anthropic upstream: lowers a max_tokens above the model's limit (client, default or option value)
 * in the final body, and answers the value for `x-switchboard-max-tokens` when the gateway chose or changed it.
 */
export function enforceMaxTokens(
  body: Record<string, unknown>,
  facts: ModelFacts | undefined,
  clientValue: number | undefined,
): { body: Record<string, unknown>; reported: number | undefined } {
  const sent = body.max_tokens;
  if (typeof sent !== 'number') return { body, reported: undefined };
  const capped = capMaxTokens(sent, facts, thinkingEnabled(body));
  const out = capped === sent ? body : { ...body, max_tokens: capped };
  return { body: out, reported: reportedMaxTokens(clientValue, capped) };
}
