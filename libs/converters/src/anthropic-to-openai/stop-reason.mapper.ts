import type { AnthropicStopReason as StopReason } from '@switchboard/protocols';
import type { AnthropicToOpenAiMemo } from './conversion-memo';

export interface StopOutcome {
  stop_reason: StopReason;
  stop_sequence: string | null;
}

export interface FinishFacts {
  finishReason: unknown;
  /** vLLM/SGLang extension: the stop string that ended generation (`choice.stop_reason`). */
  matchedStop?: unknown;
  /** The end of the generated text (some servers keep the stop sequence in the output). */
  textTail: string;
  hasToolCalls: boolean;
  sawRefusal: boolean;
}

/** OpenAI `finish_reason` → Anthropic `stop_reason` / `stop_sequence` (conversion-spec §6). */
export function mapStopReason(facts: FinishFacts, memo: AnthropicToOpenAiMemo): StopOutcome {
  switch (facts.finishReason) {
    case 'length':
      return { stop_reason: 'max_tokens', stop_sequence: null };
    case 'tool_calls':
    case 'function_call':
      return { stop_reason: 'tool_use', stop_sequence: null };
    case 'content_filter':
      return { stop_reason: memo.contentFilterStopReason, stop_sequence: null };
  }
  // "stop", null or anything unknown. Some compatible servers say "stop" while returning tool calls.
  if (facts.hasToolCalls) return { stop_reason: 'tool_use', stop_sequence: null };
  if (facts.sawRefusal) return { stop_reason: memo.contentFilterStopReason, stop_sequence: null };
  if (facts.finishReason === 'stop' && memo.stopSequences.length > 0) {
    const matched =
      typeof facts.matchedStop === 'string' && memo.stopSequences.includes(facts.matchedStop)
        ? facts.matchedStop
        : memo.stopSequences.find((s) => facts.textTail.endsWith(s));
    if (matched !== undefined) return { stop_reason: 'stop_sequence', stop_sequence: matched };
  }
  return { stop_reason: 'end_turn', stop_sequence: null };
}

/** How much trailing text to keep to recognise a stop sequence left in the output. */
export function stopTailLength(memo: AnthropicToOpenAiMemo): number {
  return memo.stopSequences.reduce((max, s) => Math.max(max, s.length), 0);
}
