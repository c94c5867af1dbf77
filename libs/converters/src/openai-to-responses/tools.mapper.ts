import { isJsonObject, type JsonObject } from '@switchboard/protocols';
import type { ToolNameMap } from '../shared/tool-names';
import { invalidRequest, unsupported } from '../shared/request-error';

/**
 * Chat tools (nested `function`) → Responses function tools (flat), `tool_choice` and the legacy
 * `functions`/`function_call` (responses-spec §2.4, §2.5). `strict` is always written: Responses treats a
 * function without it as strict, and a schema that is not strict-ready would then be refused.
 */

export interface MappedTools {
  tools: JsonObject[];
  toolChoice?: unknown;
}

function toolOf(raw: unknown, path: string, names: ToolNameMap): JsonObject {
  if (!isJsonObject(raw)) throw invalidRequest(path, 'Each tool must be an object.');
  if (raw.type !== 'function') {
    throw unsupported(
      `${path}.type`,
      `Tools of type ${JSON.stringify(raw.type)} cannot be sent to a Responses upstream from a Chat client.`,
    );
  }
  const fn = raw.function;
  if (!isJsonObject(fn) || typeof fn.name !== 'string' || fn.name.length === 0) {
    throw invalidRequest(`${path}.function.name`, 'function.name is required.');
  }
  if (fn.parameters !== undefined && fn.parameters !== null && !isJsonObject(fn.parameters)) {
    throw invalidRequest(`${path}.function.parameters`, 'function.parameters must be a JSON schema object.');
  }
  const tool: JsonObject = {
    type: 'function',
    name: names.upstreamName(fn.name),
    parameters: isJsonObject(fn.parameters) ? fn.parameters : { type: 'object', properties: {} },
    strict: fn.strict === true,
  };
  if (typeof fn.description === 'string' && fn.description.length > 0) tool.description = fn.description;
  return tool;
}

function nameOf(entry: unknown): string | undefined {
  if (!isJsonObject(entry)) return undefined;
  if (isJsonObject(entry.function) && typeof entry.function.name === 'string') return entry.function.name;
  return typeof entry.name === 'string' ? entry.name : undefined;
}

function choiceOf(raw: unknown, tools: JsonObject[], names: ToolNameMap): unknown {
  if (raw === undefined || raw === null) return undefined;
  if (raw === 'auto' || raw === 'none' || raw === 'required') return raw;
  const known = (name: string, path: string): string => {
    const upstream = names.upstreamName(name);
    if (!tools.some((t) => t.name === upstream))
      throw invalidRequest(path, `tool_choice names ${name}, which is not in tools.`);
    return upstream;
  };
  if (isJsonObject(raw) && raw.type === 'function') {
    const name = nameOf(raw);
    if (name) return { type: 'function', name: known(name, 'tool_choice') };
  }
  if (isJsonObject(raw) && raw.type === 'allowed_tools' && isJsonObject(raw.allowed_tools)) {
    const spec = raw.allowed_tools;
    if (Array.isArray(spec.tools)) {
      const listed = spec.tools.map((entry, k) => {
        const name = nameOf(entry);
        if (!name) throw invalidRequest(`tool_choice.allowed_tools.tools[${k}]`, 'Each entry needs a name.');
        return { type: 'function', name: known(name, `tool_choice.allowed_tools.tools[${k}]`) };
      });
      return { type: 'allowed_tools', mode: spec.mode === 'required' ? 'required' : 'auto', tools: listed };
    }
  }
  throw invalidRequest('tool_choice', 'tool_choice must be auto, none, required or a named function.');
}

export function mapTools(body: JsonObject, names: ToolNameMap): MappedTools {
  const rawTools =
    body.tools ??
    (Array.isArray(body.functions)
      ? body.functions.map((fn) => ({ type: 'function', function: fn }))
      : undefined);
  if (rawTools !== undefined && rawTools !== null && !Array.isArray(rawTools)) {
    throw invalidRequest('tools', 'tools must be an array.');
  }
  const tools = (Array.isArray(rawTools) ? rawTools : []).map((t, i) => toolOf(t, `tools[${i}]`, names));
  const seen = new Set<string>();
  for (const tool of tools) {
    if (seen.has(tool.name as string))
      throw invalidRequest('tools', `Tool name ${String(tool.name)} is defined twice.`);
    seen.add(tool.name as string);
  }
  const legacy = body.function_call;
  const rawChoice =
    body.tool_choice ?? (isJsonObject(legacy) ? { type: 'function', function: legacy } : legacy);
  const toolChoice = choiceOf(rawChoice, tools, names);
  if (tools.length === 0) {
    // Nothing to choose from: `required` or a named tool cannot be honoured.
    if (toolChoice !== undefined && toolChoice !== 'auto' && toolChoice !== 'none') {
      throw invalidRequest('tool_choice', 'tool_choice requires tools.');
    }
    return { tools };
  }
  return toolChoice === undefined ? { tools } : { tools, toolChoice };
}
