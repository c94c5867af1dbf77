import {
  isJsonObject,
  type AnthropicStreamEvent as AnthropicEventOut,
  type JsonObject,
} from '@switchboard/protocols';
import { restoreToolName } from '../shared/tool-names';
import { reasoningSignature, reasoningText } from './reasoning-blocks';
import { appendArguments, appendText, appendThinking, closeOpen, openBlock } from './stream-blocks';
import { slotFor, type Draft, type ItemSlot } from './stream.state';

/** Item lifecycle events (`output_item.added` / `.done`) → block starts, `.done`-only content, signatures, stops. */

function kindOf(item: JsonObject): ItemSlot['kind'] {
  return item.type === 'message' || item.type === 'reasoning' || item.type === 'function_call'
    ? item.type
    : 'other';
}

function openToolBlock(s: Draft, outputIndex: number, item: JsonObject, out: AnthropicEventOut[]): void {
  s.hasToolCalls = true;
  const callId = typeof item.call_id === 'string' && item.call_id.length > 0 ? item.call_id : undefined;
  const name = typeof item.name === 'string' ? restoreToolName(s.memo.toolNames, item.name) : '';
  const id = callId ?? `toolu_${s.messageId.replace(/^msg_/, '')}_${outputIndex}`;
  openBlock(s, outputIndex, { type: 'tool_use', id, name, input: {} }, out);
}

export function itemAdded(s: Draft, outputIndex: number, item: JsonObject, out: AnthropicEventOut[]): void {
  const slot = slotFor(s, outputIndex, kindOf(item));
  slot.kind = kindOf(item);
  if (slot.kind !== 'function_call') return;
  openToolBlock(s, outputIndex, item, out);
  if (typeof item.arguments === 'string') appendArguments(s, outputIndex, item.arguments, out);
}

function messageDone(s: Draft, outputIndex: number, item: JsonObject, out: AnthropicEventOut[]): void {
  const parts = Array.isArray(item.content) ? item.content.filter(isJsonObject) : [];
  const unsent = (s.items[outputIndex]?.sent ?? 0) === 0;
  for (const part of parts) {
    const refusal = part.type === 'refusal' && typeof part.refusal === 'string' ? part.refusal : '';
    if (refusal) s.sawRefusal = true;
    const text = part.type === 'output_text' && typeof part.text === 'string' ? part.text : refusal;
    if (unsent) appendText(s, outputIndex, text, out);
  }
}

function reasoningDone(s: Draft, outputIndex: number, item: JsonObject, out: AnthropicEventOut[]): void {
  const slot = s.items[outputIndex];
  const signature = reasoningSignature(item);
  if (slot?.index === undefined) {
    const text = reasoningText(item);
    if (text) appendThinking(s, outputIndex, text, undefined, out);
    else if (signature) {
      openBlock(s, outputIndex, { type: 'redacted_thinking', data: signature }, out);
      return;
    }
  }
  const index = s.items[outputIndex]?.index;
  if (signature && index !== undefined && s.open === outputIndex) {
    out.push({ type: 'content_block_delta', index, delta: { type: 'signature_delta', signature } });
  }
}

function functionCallDone(s: Draft, outputIndex: number, item: JsonObject, out: AnthropicEventOut[]): void {
  if (s.items[outputIndex]?.index === undefined) openToolBlock(s, outputIndex, item, out);
  if ((s.items[outputIndex]?.sent ?? 0) === 0 && typeof item.arguments === 'string') {
    appendArguments(s, outputIndex, item.arguments, out);
  }
}

export function itemDone(s: Draft, outputIndex: number, item: JsonObject, out: AnthropicEventOut[]): void {
  if (s.items[outputIndex]?.closed) return;
  slotFor(s, outputIndex, kindOf(item));
  if (item.type === 'message') messageDone(s, outputIndex, item, out);
  else if (item.type === 'reasoning') reasoningDone(s, outputIndex, item, out);
  else if (item.type === 'function_call') functionCallDone(s, outputIndex, item, out);
  if (s.open === outputIndex) closeOpen(s, out);
  slotFor(s, outputIndex).closed = true;
}
