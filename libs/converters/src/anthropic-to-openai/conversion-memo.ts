import type { ConversionMemo } from '../converter.interface';

/** What the request side of anthropic-to-openai hands to the response side of the same attempt. */
export interface AnthropicToOpenAiMemo {
  /** The model the Anthropic client asked for (used when the upstream response names none). */
  requestedModel: string;
  /** Stop sequences sent upstream: a finish "stop" that matched one becomes `stop_reason: stop_sequence`. */
  stopSequences: string[];
  /** Shortened OpenAI tool name → the client's original name (only names over 64 characters are shortened). */
  toolNames: Record<string, string>;
  /** Anthropic `stop_reason` an OpenAI `content_filter` finish becomes (instance option, default `refusal`). */
  contentFilterStopReason: 'refusal' | 'end_turn';
  /** Stream tool arguments once per call, repaired into a valid object, instead of fragment by fragment. */
  bufferToolArguments: boolean;
}

export function toMemo(memo: AnthropicToOpenAiMemo): ConversionMemo {
  return memo as unknown as ConversionMemo;
}

/** Reads a memo defensively: the data plane hands back whatever convertRequest produced (or nothing). */
export function readMemo(memo: ConversionMemo | undefined): AnthropicToOpenAiMemo {
  const raw = (memo ?? {}) as Partial<AnthropicToOpenAiMemo>;
  return {
    requestedModel: typeof raw.requestedModel === 'string' ? raw.requestedModel : '',
    stopSequences: Array.isArray(raw.stopSequences)
      ? raw.stopSequences.filter((s): s is string => typeof s === 'string' && s.length > 0)
      : [],
    toolNames: typeof raw.toolNames === 'object' && raw.toolNames !== null ? { ...raw.toolNames } : {},
    contentFilterStopReason: raw.contentFilterStopReason === 'end_turn' ? 'end_turn' : 'refusal',
    bufferToolArguments: raw.bufferToolArguments === true,
  };
}
