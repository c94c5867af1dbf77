import type {
  AnthropicContentBlock,
  AnthropicStreamEvent as AnthropicEventOut,
} from '@switchboard/protocols';
import { slotFor, type Draft } from './stream.state';

/**
 * Anthropic content blocks built from Responses items (the block half of the stream reducer). One block per
 * item at a time, indices from the reducer's own counter (never `output_index`, which also counts items that
 * produce no block); an item's block opens on its first delta (tool calls: on `output_item.added`).
 */

export function closeOpen(s: Draft, out: AnthropicEventOut[]): void {
  if (s.open === undefined) return;
  const slot = slotFor(s, s.open);
  if (slot.index !== undefined && !slot.closed) out.push({ type: 'content_block_stop', index: slot.index });
  slot.closed = true;
  s.open = undefined;
}

/** Opens the item's block unless it is the open one; false when the item's block was already closed. */
export function openBlock(
  s: Draft,
  outputIndex: number,
  block: AnthropicContentBlock,
  out: AnthropicEventOut[],
): boolean {
  if (s.open === outputIndex) return true;
  const known = s.items[outputIndex];
  if (known?.closed) return false;
  closeOpen(s, out);
  const slot = slotFor(s, outputIndex);
  slot.index = s.nextIndex++;
  s.open = outputIndex;
  out.push({ type: 'content_block_start', index: slot.index, content_block: block });
  return true;
}

export function appendText(s: Draft, outputIndex: number, text: string, out: AnthropicEventOut[]): void {
  if (text.length === 0 || !openBlock(s, outputIndex, { type: 'text', text: '' }, out)) return;
  const slot = slotFor(s, outputIndex);
  slot.sent += text.length;
  out.push({ type: 'content_block_delta', index: slot.index as number, delta: { type: 'text_delta', text } });
}

export function appendThinking(
  s: Draft,
  outputIndex: number,
  text: string,
  summaryIndex: number | undefined,
  out: AnthropicEventOut[],
): void {
  if (text.length === 0) return;
  if (!openBlock(s, outputIndex, { type: 'thinking', thinking: '', signature: '' }, out)) return;
  const slot = slotFor(s, outputIndex);
  const separator =
    slot.sent > 0 && summaryIndex !== undefined && slot.summaryIndex !== summaryIndex ? '\n\n' : '';
  if (summaryIndex !== undefined) slot.summaryIndex = summaryIndex;
  slot.sent += text.length;
  out.push({
    type: 'content_block_delta',
    index: slot.index as number,
    delta: { type: 'thinking_delta', thinking: separator + text },
  });
}

export function appendArguments(s: Draft, outputIndex: number, json: string, out: AnthropicEventOut[]): void {
  const slot = s.items[outputIndex];
  if (json.length === 0 || s.open !== outputIndex || slot?.index === undefined) return;
  slotFor(s, outputIndex).sent += json.length;
  out.push({
    type: 'content_block_delta',
    index: slot.index,
    delta: { type: 'input_json_delta', partial_json: json },
  });
}
