import type { ConversionClock, ConversionMemo, Converter } from '@switchboard/converters';
import type { ResolvedModel } from '@switchboard/catalogue';
import type { Protocol } from '@switchboard/protocols';
import { upstreamBodyObject } from '../exchange/upstream-body';
import type { PlannedInstance } from '../routing/route-plan';
import { targetWithModelConversion } from './conversion-defaults.hook';
import { clientMaxTokens, enforceMaxTokens, targetWithModelLimits } from './max-tokens.hook';

export interface PreparedBody {
  body: Record<string, unknown>;
  memo: ConversionMemo;
  /** x-switchboard-max-tokens: the value sent when the gateway chose or changed it. */
  maxTokensHeader: number | undefined;
  /** The converter options used (the instance's `conversion` with the model's limits and defaults filled in). */
  conversion: Record<string, unknown> | undefined;
}

/**
 * The body one instance is sent for a client request: converted (with the model's limits and conversion
 * defaults toward an Anthropic upstream), instance defaults/options merged, max_tokens lowered to the model's limit. Shared by the data
 * plane and explain, so explain shows exactly what a request would send. Throws what the converter throws.
 */
export function prepareUpstreamBody(
  converter: Converter,
  protocol: Protocol,
  clientBody: Record<string, unknown>,
  instance: PlannedInstance,
  model: ResolvedModel | undefined,
  clock: ConversionClock,
): PreparedBody {
  const anthropic = instance.upstream?.protocol === 'anthropic-messages';
  const target = anthropic
    ? targetWithModelConversion(targetWithModelLimits(instance.target, model?.facts), model?.facts, protocol)
    : instance.target;
  const converted = converter.convertRequest(clientBody, target, clock);
  const merged = upstreamBodyObject(converted.body, instance);
  const conversion = target.conversion;
  if (!anthropic) return { body: merged, memo: converted.memo, maxTokensHeader: undefined, conversion };
  const enforced = enforceMaxTokens(merged, model?.facts, clientMaxTokens(protocol, clientBody));
  return { body: enforced.body, memo: converted.memo, maxTokensHeader: enforced.reported, conversion };
}
