import { isJsonObject, type JsonObject, type OpenAiFunctionTool } from '@switchboard/protocols';
import { invalidRequest } from '../shared/request-error';
import { upstreamToolName, type MappedTools } from './tools.mapper';

/**
 * Responses `tool_choice` → Chat `tool_choice` and the tools it leaves on offer (responses-spec §2.5): `auto`,
 * `none`, `required` as they are; a named function or custom tool → that function; `allowed_tools` → only the
 * listed tools are sent, with `auto` or `required` (Anthropic: `any`, by the Chat → Messages step). Forcing a
 * built-in the upstream cannot run, or a tool not sent, is a 400.
 */

export interface ToolOffer {
  tools: OpenAiFunctionTool[];
  /** Undefined: send none (the upstream's default). */
  choice?: unknown;
}

const NO_CHOICE = new Set(['none', 'auto']);

function requireName(value: unknown, path: string): string {
  if (typeof value !== 'string' || value.length === 0)
    throw invalidRequest(path, `${path} must be a non-empty string.`);
  return value;
}

function sentName(
  tools: MappedTools,
  offered: OpenAiFunctionTool[],
  entry: JsonObject,
  path: string,
): string {
  const name = requireName(entry.name, `${path}.name`);
  const namespace = typeof entry.namespace === 'string' ? entry.namespace : undefined;
  const upstream = upstreamToolName(tools, name, namespace);
  if (!offered.some((t) => t.function.name === upstream)) {
    throw invalidRequest(path, `${path} names '${name}', which is not among the tools sent upstream.`);
  }
  return upstream;
}

/** The tools `allowed_tools` keeps: its function and custom entries (built-ins listed there were dropped). */
function allowedOffer(raw: JsonObject, tools: MappedTools): ToolOffer {
  if (!Array.isArray(raw.tools))
    throw invalidRequest('tool_choice.tools', 'tool_choice.tools must be an array.');
  const keep = new Set<string>();
  raw.tools.forEach((entry, k) => {
    const path = `tool_choice.tools[${k}]`;
    if (!isJsonObject(entry)) throw invalidRequest(path, `${path} must be an object.`);
    if (entry.type === 'function' || entry.type === 'custom')
      keep.add(sentName(tools, tools.tools, entry, path));
  });
  const offered = tools.tools.filter((t) => keep.has(t.function.name));
  if (raw.mode === 'required') {
    if (offered.length === 0) {
      throw invalidRequest(
        'tool_choice',
        'tool_choice allowed_tools with mode required lists no tool this route can send upstream.',
      );
    }
    return { tools: offered, choice: 'required' };
  }
  if (raw.mode !== 'auto' && raw.mode !== undefined)
    throw invalidRequest('tool_choice.mode', 'tool_choice.mode must be auto or required.');
  return offered.length === 0 ? { tools: [] } : { tools: offered, choice: 'auto' };
}

export function mapToolChoice(raw: unknown, tools: MappedTools): ToolOffer {
  const all = tools.tools;
  if (raw === undefined || raw === null) return { tools: all };
  if (typeof raw === 'string' && NO_CHOICE.has(raw))
    return all.length > 0 ? { tools: all, choice: raw } : { tools: all };
  // Without tools left (built-ins dropped) there is nothing to force; kept lenient as before.
  if (raw === 'required') return all.length > 0 ? { tools: all, choice: raw } : { tools: all };
  if (!isJsonObject(raw))
    throw invalidRequest('tool_choice', 'tool_choice must be auto, none, required or an object.');
  if (raw.type === 'function' || raw.type === 'custom') {
    return {
      tools: all,
      choice: { type: 'function', function: { name: sentName(tools, all, raw, 'tool_choice') } },
    };
  }
  if (raw.type === 'allowed_tools') return allowedOffer(raw, tools);
  throw invalidRequest(
    'tool_choice',
    `tool_choice '${String(raw.type)}' forces a built-in tool this route's upstream cannot run.`,
  );
}
