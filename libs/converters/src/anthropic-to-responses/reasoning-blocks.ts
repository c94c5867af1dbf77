import {
  encodeReasoningItemCarrier,
  isJsonObject,
  type AnthropicRedactedThinkingBlock,
  type AnthropicThinkingBlock,
  type JsonObject,
} from '@switchboard/protocols';

/**
 * A Responses `reasoning` item → the Anthropic block a client keeps and sends back (responses-spec §9.3):
 * summary text (or raw `reasoning_text` content from open-weight servers) → `thinking`, its signature carrying the
 * item's id and `encrypted_content`; an item with a blob but no text → `redacted_thinking` carrying it; an item
 * with neither (no `include`, nothing to show) → nothing.
 */

export function reasoningText(item: JsonObject): string {
  const texts = (parts: unknown, type: string): string[] =>
    Array.isArray(parts)
      ? parts
          .filter(isJsonObject)
          .filter((p) => p.type === type && typeof p.text === 'string' && p.text.length > 0)
          .map((p) => p.text as string)
      : [];
  const summary = texts(item.summary, 'summary_text');
  return (summary.length > 0 ? summary : texts(item.content, 'reasoning_text')).join('\n\n');
}

/** The signature carrying the item (empty when OpenAI sent no `encrypted_content`). */
export function reasoningSignature(item: JsonObject): string {
  const blob = item.encrypted_content;
  if (typeof blob !== 'string' || blob.length === 0) return '';
  const id = typeof item.id === 'string' && item.id.length > 0 ? item.id : undefined;
  return encodeReasoningItemCarrier({ id, encrypted_content: blob });
}

export function reasoningBlock(
  item: JsonObject,
): AnthropicThinkingBlock | AnthropicRedactedThinkingBlock | undefined {
  const thinking = reasoningText(item);
  const signature = reasoningSignature(item);
  if (thinking.length > 0) return { type: 'thinking', thinking, signature };
  if (signature.length > 0) return { type: 'redacted_thinking', data: signature };
  return undefined;
}
