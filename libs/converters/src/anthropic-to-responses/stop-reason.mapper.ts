import type { AnthropicStopReason } from '@switchboard/protocols';
import type { AnthropicToResponsesMemo } from './conversion-memo';

export interface ResponsesEndFacts {
  /** `status` of the Response (`completed`, `incomplete`, …). */
  status: unknown;
  /** `incomplete_details.reason`. */
  incompleteReason: unknown;
  hasToolCalls: boolean;
  sawRefusal: boolean;
}

/**
 * Responses `status` / `incomplete_details` → Anthropic `stop_reason` (responses-spec §9.3, §10):
 * incomplete `max_output_tokens` → `max_tokens`; incomplete `content_filter` and a `refusal` part → the instance's
 * `content_filter_stop_reason` (default `refusal`); a function call → `tool_use`; otherwise `end_turn`.
 * `stop_sequence` is always null (Responses has no stop sequences).
 */
export function mapStopReason(facts: ResponsesEndFacts, memo: AnthropicToResponsesMemo): AnthropicStopReason {
  if (facts.status === 'incomplete') {
    if (facts.incompleteReason === 'content_filter') return memo.contentFilterStopReason;
    return 'max_tokens';
  }
  if (facts.hasToolCalls) return 'tool_use';
  if (facts.sawRefusal) return memo.contentFilterStopReason;
  return 'end_turn';
}
