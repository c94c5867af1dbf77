import type { UpstreamTarget } from '@switchboard/converters';
import type { ModelFacts } from '@switchboard/catalogue';
import type { Protocol } from '@switchboard/protocols';

/**
 * Client protocols whose converter toward Anthropic reads the model-dependent `conversion` keys (json_mode,
 * thinking_mode, omit_sampling_params): openai-to-anthropic, and responses-to-anthropic through it.
 */
const CONVERTING_CLIENTS: ReadonlySet<Protocol> = new Set<Protocol>(['openai-chat', 'openai-responses']);

/**
 * The converter target with the model's conversion defaults: each key the matched model's `conversion` sets
 * is filled into `target.conversion` unless the instance set it (the instance always wins). Models that refuse
 * the converter's defaults (forced tool use, manual thinking) then work without per-instance settings.
 */
export function targetWithModelConversion(
  target: UpstreamTarget,
  facts: ModelFacts | undefined,
  protocol: Protocol,
): UpstreamTarget {
  const defaults = facts?.conversion;
  if (defaults === undefined || !CONVERTING_CLIENTS.has(protocol)) return target;
  const own = target.conversion ?? {};
  const filled = Object.fromEntries(
    Object.entries(defaults).filter(([key, value]) => value !== undefined && own[key] === undefined),
  );
  if (Object.keys(filled).length === 0) return target;
  return { ...target, conversion: { ...filled, ...own } };
}
