import { isJsonObject, type JsonObject } from '@switchboard/protocols';
import type { ConversionClock } from '../converter.interface';
import type { ToolNameMap } from '../shared/tool-names';
import { textOf, userContent } from './content.mapper';
import { invalidRequest } from '../shared/request-error';

/**
 * Chat `messages` → Responses `instructions` + `input` items (responses-spec §9.1):
 * 1. system/developer messages before the first other message → `instructions` (joined by a blank line); later
 *    ones stay in place as input messages of their role;
 * 2. user → a user message (input_text / input_image / input_file parts); assistant → an assistant message with
 *    its text, then one `function_call` item per tool call; tool (and legacy function) → `function_call_output`;
 * 3. repairs so OpenAI accepts the history: a call nobody answered gets a `(no result)` output right after it, an
 *    output that answers no earlier call becomes user text. `reasoning_content` is dropped: a Responses upstream
 *    only takes reasoning back with its encrypted blob, which a Chat client never had.
 */

export interface MappedMessages {
  instructions?: string;
  input: JsonObject[];
}

function callArguments(value: unknown): string {
  if (typeof value === 'string') return value.length > 0 ? value : '{}';
  if (value === undefined || value === null) return '{}';
  return JSON.stringify(value);
}

class CallIds {
  private readonly legacy = new Map<string, string>();
  constructor(private readonly clock: ConversionClock) {}
  /** Legacy `function_call`s have no id: one is made up and answered by the next `function` message of that name. */
  forLegacyCall(name: string): string {
    const id = `call_${this.clock.newId()}`;
    this.legacy.set(name, id);
    return id;
  }
  forLegacyResult(name: unknown): string {
    return (typeof name === 'string' ? this.legacy.get(name) : undefined) ?? `call_${this.clock.newId()}`;
  }
}

export function mapMessages(raw: unknown, names: ToolNameMap, clock: ConversionClock): MappedMessages {
  if (!Array.isArray(raw) || raw.length === 0) {
    throw invalidRequest('messages', 'messages must be a non-empty array.');
  }
  const instructions: string[] = [];
  const input: JsonObject[] = [];
  const ids = new CallIds(clock);
  let leading = true;

  raw.forEach((message, i) => {
    const path = `messages[${i}]`;
    if (!isJsonObject(message)) throw invalidRequest(path, 'Each message must be an object.');
    const role = message.role;
    if (role === 'system' || role === 'developer') {
      const text = textOf(message.content, `${path}.content`);
      if (leading) {
        if (text.length > 0) instructions.push(text);
      } else if (text.length > 0) input.push({ type: 'message', role, content: text });
      return;
    }
    leading = false;
    switch (role) {
      case 'user': {
        const content = userContent(message.content, `${path}.content`);
        if (content !== undefined && content.length > 0) input.push({ type: 'message', role, content });
        return;
      }
      case 'assistant':
        return assistantItems(message, path, names, ids, input);
      case 'tool':
        if (typeof message.tool_call_id !== 'string' || message.tool_call_id.length === 0) {
          throw invalidRequest(`${path}.tool_call_id`, 'tool messages need tool_call_id.');
        }
        input.push({
          type: 'function_call_output',
          call_id: message.tool_call_id,
          output: textOf(message.content, `${path}.content`),
        });
        return;
      case 'function':
        input.push({
          type: 'function_call_output',
          call_id: ids.forLegacyResult(message.name),
          output: textOf(message.content, `${path}.content`),
        });
        return;
      default:
        throw invalidRequest(`${path}.role`, `Unsupported role ${JSON.stringify(role)}.`);
    }
  });

  const repaired = pairCalls(input);
  if (repaired.length === 0 && instructions.length === 0) {
    throw invalidRequest('messages', 'messages must contain at least one message with content.');
  }
  return instructions.length > 0
    ? { instructions: instructions.join('\n\n'), input: repaired }
    : { input: repaired };
}

function assistantItems(
  message: JsonObject,
  path: string,
  names: ToolNameMap,
  ids: CallIds,
  input: JsonObject[],
): void {
  const text = textOf(message.content, `${path}.content`);
  const refusal = typeof message.refusal === 'string' ? message.refusal : '';
  const said = text.length > 0 ? text : refusal;
  if (said.length > 0) input.push({ type: 'message', role: 'assistant', content: said });
  const calls = message.tool_calls;
  if (calls !== undefined && calls !== null && !Array.isArray(calls)) {
    throw invalidRequest(`${path}.tool_calls`, 'tool_calls must be an array.');
  }
  (Array.isArray(calls) ? calls : []).forEach((call, k) => {
    const at = `${path}.tool_calls[${k}]`;
    if (!isJsonObject(call) || !isJsonObject(call.function) || typeof call.function.name !== 'string') {
      throw invalidRequest(at, 'Each tool call needs function.name.');
    }
    if (typeof call.id !== 'string' || call.id.length === 0) {
      throw invalidRequest(`${at}.id`, 'Each tool call needs an id.');
    }
    input.push({
      type: 'function_call',
      call_id: call.id,
      name: names.upstreamName(call.function.name),
      arguments: callArguments(call.function.arguments),
    });
  });
  const legacy = message.function_call;
  if (isJsonObject(legacy) && typeof legacy.name === 'string') {
    input.push({
      type: 'function_call',
      call_id: ids.forLegacyCall(legacy.name),
      name: names.upstreamName(legacy.name),
      arguments: callArguments(legacy.arguments),
    });
  }
}

/** OpenAI rejects a call without an output and an output without its call (`No tool output found…`). */
function pairCalls(items: JsonObject[]): JsonObject[] {
  const open = new Set<string>();
  const out: JsonObject[] = [];
  const answeredLater = (id: string, from: number): boolean =>
    items.some((item, k) => k > from && item.type === 'function_call_output' && item.call_id === id);
  items.forEach((item, i) => {
    if (item.type === 'function_call_output') {
      const id = item.call_id as string;
      if (open.delete(id)) out.push(item);
      else if (typeof item.output === 'string' && item.output.trim().length > 0) {
        out.push({ type: 'message', role: 'user', content: `Tool result (${id}): ${item.output}` });
      }
      return;
    }
    out.push(item);
    if (item.type !== 'function_call') return;
    open.add(item.call_id as string);
    if (items[i + 1]?.type === 'function_call') return;
    // The end of a group of calls: the ones never answered get their output here.
    for (const id of [...open]) {
      if (answeredLater(id, i)) continue;
      out.push({ type: 'function_call_output', call_id: id, output: '(no result)' });
      open.delete(id);
    }
  });
  return out;
}
