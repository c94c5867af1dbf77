import { asString, isJsonObject, type OpenAiToolCall } from '@switchboard/protocols';
import { restoreToolName } from '../shared/tool-names';

/** Reads the parts of Responses output items a Chat answer is made of (shared by the response and the stream). */

/** Summary texts of a reasoning item (or its raw `reasoning_text` content when it has no summary). */
export function reasoningTexts(item: Record<string, unknown>): string[] {
  const pick = (parts: unknown, type: string): string[] =>
    Array.isArray(parts)
      ? parts.flatMap((p) =>
          isJsonObject(p) && p.type === type && typeof p.text === 'string' ? [p.text] : [],
        )
      : [];
  const summary = pick(item.summary, 'summary_text');
  return summary.length > 0 ? summary : pick(item.content, 'reasoning_text');
}

/** Parts between two reasoning summaries (OpenAI writes each summary part as its own paragraph). */
export const REASONING_SEPARATOR = '\n\n';

export function messageTexts(item: Record<string, unknown>): { text: string; refusal: string } {
  let text = '';
  let refusal = '';
  for (const part of Array.isArray(item.content) ? item.content : []) {
    if (!isJsonObject(part)) continue;
    if (part.type === 'output_text' && typeof part.text === 'string') text += part.text;
    else if (part.type === 'refusal' && typeof part.refusal === 'string') refusal += part.refusal;
  }
  return { text, refusal };
}

export function toolCallOf(
  item: Record<string, unknown>,
  toolNames: Readonly<Record<string, string>>,
  fallbackId: () => string,
): OpenAiToolCall {
  const args = asString(item.arguments);
  return {
    id: asString(item.call_id) ?? asString(item.id) ?? fallbackId(),
    type: 'function',
    function: {
      name: restoreToolName(toolNames, asString(item.name) ?? ''),
      arguments: args && args.length > 0 ? args : '{}',
    },
  };
}
