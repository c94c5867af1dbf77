import { responsesId, type ResponsesIdKind } from '@switchboard/protocols';

/**
 * Input items as stored: every item gets an `id` (the SDK pages `input_items` with `after: <last id>` and stops at
 * an item without one). Items that carry an id keep it; the others get one with their type's prefix.
 */
type Item = Record<string, unknown>;

function prefixFor(item: Item): ResponsesIdKind {
  switch (item.type) {
    case 'function_call':
      return 'functionCall';
    case 'custom_tool_call':
      return 'customToolCall';
    case 'function_call_output':
    case 'custom_tool_call_output':
      return 'functionCallOutput';
    case 'reasoning':
      return 'reasoning';
    default:
      return 'message';
  }
}

export function withInputItemIds(input: unknown, newId: () => string): Item[] {
  const items: Item[] =
    typeof input === 'string'
      ? [{ type: 'message', role: 'user', content: [{ type: 'input_text', text: input }] }]
      : Array.isArray(input)
        ? input.filter((i): i is Item => typeof i === 'object' && i !== null && !Array.isArray(i))
        : [];
  return items.map((item) => {
    const typed = item.type === undefined && item.role !== undefined ? { type: 'message', ...item } : item;
    return typeof typed.id === 'string' && typed.id.length > 0
      ? typed
      : { ...typed, id: responsesId(prefixFor(typed), newId()) };
  });
}
