import type { ResponsesReasoningItem } from '@switchboard/protocols';
import type { StreamEmitter } from './stream-emitter';
import type { OpenText } from './stream.state';

/**
 * Message and reasoning items of a Responses stream: at most one is open at a time; its part (or summary part) is
 * added before any delta, and closing it sends the `.done` events of the text, the part and the item.
 */

function openText(draft: StreamEmitter, kind: OpenText['kind']): OpenText {
  const current = draft.state.text;
  if (current?.kind === kind) return current;
  closeText(draft);
  draft.state.firstTokenSeen = true;
  if (kind === 'message') {
    const id = draft.newId('message');
    const index = draft.add({ type: 'message', id, role: 'assistant', status: 'in_progress', content: [] });
    draft.emit({
      type: 'response.content_part.added',
      item_id: id,
      output_index: index,
      content_index: 0,
      part: { type: 'output_text', text: '', annotations: [], logprobs: [] },
    });
    draft.state.text = { kind, index, text: '' };
  } else {
    const id = draft.newId('reasoning');
    const index = draft.add({ type: 'reasoning', id, summary: [], status: 'in_progress' });
    draft.emit({
      type: 'response.reasoning_summary_part.added',
      item_id: id,
      output_index: index,
      summary_index: 0,
      part: { type: 'summary_text', text: '' },
    });
    draft.state.text = { kind, index, text: '' };
  }
  return draft.state.text;
}

export function appendText(draft: StreamEmitter, kind: OpenText['kind'], delta: string): void {
  if (delta.length === 0) return;
  const open = openText(draft, kind);
  const location = { item_id: draft.state.output[open.index].id, output_index: open.index };
  draft.state.text = { ...open, text: open.text + delta };
  if (kind === 'message') {
    draft.emit({ type: 'response.output_text.delta', ...location, content_index: 0, delta, logprobs: [] });
  } else {
    draft.emit({ type: 'response.reasoning_summary_text.delta', ...location, summary_index: 0, delta });
  }
}

/** Attach Switchboard's signature carrier to the open reasoning item (sent in its `output_item.done`). */
export function setReasoningCarrier(draft: StreamEmitter, carrier: string): void {
  draft.state.text = { ...openText(draft, 'reasoning'), carrier };
}

/** A reasoning item with no readable text (Anthropic redacted thinking): added and done at once. */
export function addOpaqueReasoning(draft: StreamEmitter, carrier: string): void {
  closeText(draft);
  const id = draft.newId('reasoning');
  const index = draft.add({ type: 'reasoning', id, summary: [], status: 'in_progress' });
  draft.done(index, { type: 'reasoning', id, summary: [], encrypted_content: carrier, status: 'completed' });
}

export function closeText(draft: StreamEmitter): void {
  const open = draft.state.text;
  if (!open) return;
  draft.state.text = undefined;
  const id = draft.state.output[open.index].id;
  const location = { item_id: id, output_index: open.index };
  if (open.kind === 'message') {
    const part = { type: 'output_text' as const, text: open.text, annotations: [], logprobs: [] };
    draft.emit({
      type: 'response.output_text.done',
      ...location,
      content_index: 0,
      text: open.text,
      logprobs: [],
    });
    draft.emit({ type: 'response.content_part.done', ...location, content_index: 0, part });
    draft.done(open.index, { type: 'message', id, role: 'assistant', status: 'completed', content: [part] });
    return;
  }
  const part = { type: 'summary_text' as const, text: open.text };
  draft.emit({
    type: 'response.reasoning_summary_text.done',
    ...location,
    summary_index: 0,
    text: open.text,
  });
  draft.emit({ type: 'response.reasoning_summary_part.done', ...location, summary_index: 0, part });
  const item: ResponsesReasoningItem = { type: 'reasoning', id, summary: [part], status: 'completed' };
  if (open.carrier) item.encrypted_content = open.carrier;
  draft.done(open.index, item);
}
