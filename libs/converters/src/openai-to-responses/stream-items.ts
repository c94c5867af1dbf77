import { asString, isJsonObject, type OpenAiChatStreamEvent } from '@switchboard/protocols';
import { messageTexts, REASONING_SEPARATOR, toolCallOf } from './output-items';
import { chunkEvent, concatEvents, NO_EVENTS } from '../shared/openai-client-chunks';
import type { CallState, StepResult, StreamState } from './stream.reducer';

/** Output items of a Responses stream → Chat deltas (the item half of the stream reducer). */

type Json = Record<string, unknown>;

const firstToken = (s: StreamState): StreamState => (s.firstTokenSeen ? s : { ...s, firstTokenSeen: true });

/** A function call's key: its item id, else its output index. */
function callKey(itemId: unknown, outputIndex: unknown): string | undefined {
  if (typeof itemId === 'string' && itemId.length > 0) return itemId;
  return typeof outputIndex === 'number' ? `#${outputIndex}` : undefined;
}

function findCall(s: StreamState, data: Json): [string, CallState] | undefined {
  for (const key of [callKey(data.item_id, undefined), callKey(undefined, data.output_index)]) {
    if (key !== undefined && s.calls[key]) return [key, s.calls[key]];
  }
  return undefined;
}

function withCall(s: StreamState, keys: string[], call: CallState): StreamState {
  const calls = { ...s.calls };
  for (const key of keys) calls[key] = call;
  return { ...s, calls };
}

function keysOf(item: Json, outputIndex: unknown): string[] {
  const keys = [callKey(item.id, undefined), callKey(undefined, outputIndex)].filter(
    (k): k is string => k !== undefined,
  );
  // Without item id and index the call is still recorded, so its `.done` finds it by call_id.
  return keys.length > 0 ? keys : [`call:${String(item.call_id)}`];
}

/** Opens a call: id, type and name first (with the arguments when the item already holds them). */
function openCall(s: StreamState, item: Json, outputIndex: unknown, withArguments: boolean): StepResult {
  const call = toolCallOf(item, s.memo.toolNames, () => `call_${s.id.slice(9)}_${s.toolCount}`);
  const args = withArguments ? call.function.arguments : (asString(item.arguments) ?? '');
  const index = s.toolCount;
  const state = withCall(firstToken({ ...s, toolCount: index + 1 }), keysOf(item, outputIndex), {
    index,
    callId: call.id,
    sentArguments: args.length > 0,
  });
  const delta = {
    index,
    id: call.id,
    type: 'function' as const,
    function: { name: call.function.name, arguments: args },
  };
  return [state, [chunkEvent(state, { tool_calls: [delta] })]];
}

/** Arguments not streamed as deltas are sent in one fragment (`{}` when there are none). */
function sendArguments(s: StreamState, key: string, call: CallState, args: unknown): StepResult {
  if (call.sentArguments) return [s, NO_EVENTS];
  const text = typeof args === 'string' && args.length > 0 ? args : '{}';
  const state = withCall(
    s,
    Object.keys(s.calls).filter((k) => s.calls[k] === call),
    { ...call, sentArguments: true },
  );
  return [state, [chunkEvent(state, { tool_calls: [{ index: call.index, function: { arguments: text } }] })]];
}

export function onItemAdded(s: StreamState, item: Json, outputIndex: unknown): StepResult {
  if (item.type !== 'function_call') return [s, NO_EVENTS];
  const key = keysOf(item, outputIndex)[0];
  if (key !== undefined && s.calls[key]) return [s, NO_EVENTS];
  return openCall(s, item, outputIndex, false);
}

function content(s: StreamState, itemId: unknown, text: string): StepResult {
  if (text.length === 0) return [s, NO_EVENTS];
  const key = typeof itemId === 'string' ? itemId : '';
  const state = firstToken(s.textItems[key] ? s : { ...s, textItems: { ...s.textItems, [key]: true } });
  return [state, [chunkEvent(state, { content: text })]];
}

export function onItemDone(s: StreamState, item: Json, outputIndex: unknown): StepResult {
  if (item.type === 'message') {
    if (typeof item.id === 'string' && s.textItems[item.id]) return [s, NO_EVENTS];
    return content(s, item.id, messageTexts(item).text);
  }
  if (item.type !== 'function_call') return [s, NO_EVENTS];
  const found =
    findCall(s, { item_id: item.id, output_index: outputIndex }) ??
    Object.entries(s.calls).find(([, call]) => call.callId === item.call_id);
  if (!found) return openCall(s, item, outputIndex, true);
  return sendArguments(s, found[0], found[1], item.arguments);
}

function reasoning(s: StreamState, part: string, text: string): StepResult {
  if (!s.memo.exposeReasoning || text.length === 0) return [s, NO_EVENTS];
  const separated = s.reasoningPart !== undefined && s.reasoningPart !== part;
  const state = firstToken({ ...s, reasoningPart: part });
  return [state, [chunkEvent(state, { reasoning_content: separated ? REASONING_SEPARATOR + text : text })]];
}

export function onItemEvent(s: StreamState, type: string, data: Json): StepResult {
  const delta = asString(data.delta) ?? '';
  switch (type) {
    case 'response.output_text.delta':
      return content(s, data.item_id, delta);
    case 'response.refusal.delta': {
      if (delta.length === 0) return [s, NO_EVENTS];
      const state = firstToken(s);
      return [state, [chunkEvent(state, { refusal: delta })]];
    }
    case 'response.reasoning_summary_text.delta':
      return reasoning(s, `${String(data.item_id)}:s${String(data.summary_index)}`, delta);
    case 'response.reasoning_text.delta':
      return reasoning(s, `${String(data.item_id)}:c${String(data.content_index)}`, delta);
    case 'response.function_call_arguments.delta': {
      const found = findCall(s, data);
      if (!found || delta.length === 0) return [s, NO_EVENTS];
      const [, call] = found;
      const state = call.sentArguments
        ? s
        : withCall(
            s,
            Object.keys(s.calls).filter((k) => s.calls[k] === call),
            { ...call, sentArguments: true },
          );
      return [
        state,
        [chunkEvent(state, { tool_calls: [{ index: call.index, function: { arguments: delta } }] })],
      ];
    }
    case 'response.function_call_arguments.done': {
      const found = findCall(s, data);
      return found ? sendArguments(s, found[0], found[1], data.arguments) : [s, NO_EVENTS];
    }
    default:
      // Lifecycle repeats, content/summary part events, text .done events, annotations, built-in tool progress.
      return [s, NO_EVENTS];
  }
}

/** Items of the final `response.output` the stream never showed (an upstream that sends only the terminal event). */
export function openMissingItems(s: StreamState, output: unknown): [StreamState, OpenAiChatStreamEvent[]] {
  if (!Array.isArray(output)) return [s, NO_EVENTS];
  let state = s;
  let out = NO_EVENTS;
  output.forEach((item, k) => {
    if (!isJsonObject(item)) return;
    const seen = (callId: unknown) => Object.values(state.calls).some((c) => c.callId === callId);
    if (item.type === 'function_call' && !seen(item.call_id) && !findCall(state, { item_id: item.id })) {
      let more: OpenAiChatStreamEvent[];
      [state, more] = openCall(state, item, `final${k}`, true);
      out = concatEvents(out, more);
    } else if (item.type === 'message' && Object.keys(state.textItems).length === 0) {
      let more: OpenAiChatStreamEvent[];
      [state, more] = onItemDone(state, item, k);
      out = concatEvents(out, more);
    }
  });
  return [state, out];
}
