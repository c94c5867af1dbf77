import { isJsonObject, type AnthropicContentBlock } from '@switchboard/protocols';

/** An assistant message's thinking, from `thinking_blocks` or the `reasoning_content` + signature pair. */
export function thinkingBlocksOf(message: Record<string, unknown>): AnthropicContentBlock[] {
  const out: AnthropicContentBlock[] = [];
  if (Array.isArray(message.thinking_blocks)) {
    for (const block of message.thinking_blocks) {
      if (!isJsonObject(block)) continue;
      if (
        block.type === 'thinking' &&
        typeof block.thinking === 'string' &&
        typeof block.signature === 'string' &&
        block.signature
      ) {
        out.push({ type: 'thinking', thinking: block.thinking, signature: block.signature });
      } else if (block.type === 'redacted_thinking' && typeof block.data === 'string' && block.data) {
        out.push({ type: 'redacted_thinking', data: block.data });
      }
    }
  } else if (
    typeof message.reasoning_content === 'string' &&
    typeof message.reasoning_signature === 'string' &&
    message.reasoning_signature.length > 0
  ) {
    out.push({
      type: 'thinking',
      thinking: message.reasoning_content,
      signature: message.reasoning_signature,
    });
  }
  return out;
}
