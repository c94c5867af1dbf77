import type {
  ResponsesCustomToolCallItem,
  ResponsesFunctionCallItem,
  ResponsesOutputItem,
} from '@switchboard/protocols';
import { customInputOf, partialCustomInput } from './custom-tools';
import type { StreamEmitter } from './stream-emitter';
import { closeText } from './stream-text-items';

/**
 * Tool-call items of a Responses stream, keyed by the upstream's call key: `function_call` items stream their
 * arguments as they come; calls to converted `custom` tools become `custom_tool_call` items whose deltas are the
 * decoded `input` string, never the JSON around it. All open calls close together, in opening order.
 */

export function openCall(draft: StreamEmitter, key: string, callId: string, upstreamName: string): void {
  closeText(draft);
  draft.state.firstTokenSeen = true;
  const { namespaced, custom } = draft.state.memo;
  const customTool = custom[upstreamName];
  let item: ResponsesOutputItem;
  if (customTool) {
    const call: ResponsesCustomToolCallItem = {
      type: 'custom_tool_call',
      id: draft.newId('customToolCall'),
      call_id: callId,
      name: customTool.name,
      input: '',
    };
    if (customTool.namespace !== undefined) call.namespace = customTool.namespace;
    item = call;
  } else {
    const mapped = namespaced[upstreamName];
    const call: ResponsesFunctionCallItem = {
      type: 'function_call',
      id: draft.newId('functionCall'),
      call_id: callId,
      name: mapped ? mapped.name : upstreamName,
      arguments: '',
      status: 'in_progress',
    };
    if (mapped) call.namespace = mapped.namespace;
    item = call;
  }
  const index = draft.add(item);
  draft.state.calls[key] = customTool ? { index, arguments: '', customSent: 0 } : { index, arguments: '' };
}

export function hasCall(draft: StreamEmitter, key: string): boolean {
  return Object.prototype.hasOwnProperty.call(draft.state.calls, key);
}

export function appendArguments(draft: StreamEmitter, key: string, delta: string): void {
  const call = draft.state.calls[key];
  if (!call || delta.length === 0) return;
  const args = call.arguments + delta;
  const location = { item_id: draft.state.output[call.index].id, output_index: call.index };
  if (call.customSent === undefined) {
    draft.state.calls[key] = { ...call, arguments: args };
    draft.emit({ type: 'response.function_call_arguments.delta', ...location, delta });
    return;
  }
  const decoded = partialCustomInput(args);
  draft.state.calls[key] = {
    ...call,
    arguments: args,
    customSent: Math.max(call.customSent, decoded.length),
  };
  if (decoded.length > call.customSent) {
    draft.emit({
      type: 'response.custom_tool_call_input.delta',
      ...location,
      delta: decoded.slice(call.customSent),
    });
  }
}

export function closeCalls(draft: StreamEmitter): void {
  for (const [key, call] of Object.entries(draft.state.calls)) {
    const item = draft.state.output[call.index];
    const location = { item_id: item.id, output_index: call.index };
    if (item.type === 'custom_tool_call') {
      const input = customInputOf(call.arguments);
      const sent = call.customSent ?? 0;
      if (input.length > sent) {
        draft.emit({ type: 'response.custom_tool_call_input.delta', ...location, delta: input.slice(sent) });
      }
      draft.emit({ type: 'response.custom_tool_call_input.done', ...location, input });
      draft.done(call.index, { ...item, input });
    } else if (item.type === 'function_call') {
      const args = call.arguments.length > 0 ? call.arguments : '{}';
      draft.emit({
        type: 'response.function_call_arguments.done',
        ...location,
        arguments: args,
        name: item.name,
      });
      draft.done(call.index, { ...item, arguments: args, status: 'completed' });
    }
    delete draft.state.calls[key];
  }
}
