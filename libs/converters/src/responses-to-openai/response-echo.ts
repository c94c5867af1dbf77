import { isJsonObject } from '@switchboard/protocols';
import type { ResponsesResponse } from '@switchboard/protocols';
import { defaultEcho } from './conversion-memo';

/** The request fields a `Response` echoes back (responses-spec §3.1), with OpenAI's defaults. */
export type ResponseEcho = Pick<
  ResponsesResponse,
  | 'instructions'
  | 'max_output_tokens'
  | 'metadata'
  | 'parallel_tool_calls'
  | 'previous_response_id'
  | 'reasoning'
  | 'store'
  | 'temperature'
  | 'text'
  | 'tool_choice'
  | 'tools'
  | 'top_p'
  | 'truncation'
> & { user: string | null };

const num = (v: unknown, fallback: number | null): number | null =>
  typeof v === 'number' && Number.isFinite(v) ? v : fallback;
const str = (v: unknown): string | null => (typeof v === 'string' ? v : null);

export function echoOf(body: Record<string, unknown>): ResponseEcho {
  const base = defaultEcho();
  const reasoning = isJsonObject(body.reasoning)
    ? { effort: str(body.reasoning.effort), summary: str(body.reasoning.summary) }
    : null;
  const metadata: Record<string, string> = {};
  if (isJsonObject(body.metadata)) {
    for (const [key, value] of Object.entries(body.metadata))
      if (typeof value === 'string') metadata[key] = value;
  }
  const format =
    isJsonObject(body.text) && isJsonObject(body.text.format) ? body.text.format : base.text.format;
  return {
    instructions: str(body.instructions),
    max_output_tokens: num(body.max_output_tokens, null),
    metadata,
    parallel_tool_calls: body.parallel_tool_calls !== false,
    previous_response_id: str(body.previous_response_id),
    reasoning,
    store: body.store !== false,
    temperature: num(body.temperature, 1),
    text: { format },
    tool_choice: body.tool_choice ?? 'auto',
    tools: echoTools(body.tools),
    top_p: num(body.top_p, 1),
    truncation: body.truncation === 'auto' ? 'auto' : 'disabled',
    user: str(body.user),
  };
}

/**
 * The function tools as OpenAI echoes them (all schema-required keys present); namespace members are listed as
 * the functions (or custom tools) they are; built-ins, which never ran, are left out.
 */
function echoTools(tools: unknown): unknown[] {
  if (!Array.isArray(tools)) return [];
  const fn = (tool: Record<string, unknown>): Record<string, unknown> => ({
    type: 'function',
    name: tool.name,
    description: typeof tool.description === 'string' ? tool.description : null,
    parameters: isJsonObject(tool.parameters) ? tool.parameters : null,
    strict: typeof tool.strict === 'boolean' ? tool.strict : null,
  });
  const custom = (tool: Record<string, unknown>): Record<string, unknown> => {
    const echoed: Record<string, unknown> = { type: 'custom', name: tool.name };
    if (typeof tool.description === 'string') echoed.description = tool.description;
    if (isJsonObject(tool.format)) echoed.format = tool.format;
    return echoed;
  };
  return tools.filter(isJsonObject).flatMap((tool) => {
    if (tool.type === 'function' && typeof tool.name === 'string') return [fn(tool)];
    if (tool.type === 'custom' && typeof tool.name === 'string') return [custom(tool)];
    if (tool.type === 'namespace' && Array.isArray(tool.tools)) {
      return tool.tools
        .filter((m) => isJsonObject(m) && typeof m.name === 'string')
        .flatMap((m: Record<string, unknown>) =>
          m.type === 'function' ? [fn(m)] : m.type === 'custom' ? [custom(m)] : [],
        );
    }
    return [];
  });
}
