import type { ConversionMemo } from '../converter.interface';

/** What the request side of anthropic-to-responses hands to the response side of the same attempt. */
export interface AnthropicToResponsesMemo {
  /** The model the Anthropic client asked for (used when the upstream names none). */
  requestedModel: string;
  /** Shortened upstream tool name → the client's original name (only names that had to change). */
  toolNames: Record<string, string>;
  /** Anthropic `stop_reason` a `content_filter` end (or a refusal) becomes. */
  contentFilterStopReason: 'refusal' | 'end_turn';
}

export function toMemo(memo: AnthropicToResponsesMemo): ConversionMemo {
  return memo as unknown as ConversionMemo;
}

/** Reads a memo defensively: the data plane hands back whatever convertRequest produced (or nothing). */
export function readMemo(memo: ConversionMemo | undefined): AnthropicToResponsesMemo {
  const raw = (memo ?? {}) as Partial<AnthropicToResponsesMemo>;
  return {
    requestedModel: typeof raw.requestedModel === 'string' ? raw.requestedModel : '',
    toolNames: typeof raw.toolNames === 'object' && raw.toolNames !== null ? { ...raw.toolNames } : {},
    contentFilterStopReason: raw.contentFilterStopReason === 'end_turn' ? 'end_turn' : 'refusal',
  };
}
