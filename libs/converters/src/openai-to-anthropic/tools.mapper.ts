import { isJsonObject, type AnthropicTool, type AnthropicToolChoice } from '@switchboard/protocols';
import type { ToolNameMap } from '../shared/tool-names';
import { invalidRequest, unsupported } from '../shared/request-error';

/** OpenAI tools, tool_choice and parallel_tool_calls → Anthropic (conversion-spec §2.5). */

export interface MappedTools {
  tools: AnthropicTool[];
  toolChoice?: AnthropicToolChoice;
}

function inputSchemaOf(parameters: unknown, path: string): Record<string, unknown> {
  if (parameters === undefined || parameters === null) return { type: 'object', properties: {} };
  if (!isJsonObject(parameters))
    throw invalidRequest(path, 'function.parameters must be a JSON schema object.');
  if (parameters.type === undefined) return { type: 'object', ...parameters };
  if (parameters.type !== 'object')
    throw invalidRequest(`${path}.type`, 'function.parameters must describe an object.');
  return parameters;
}

function toolOf(raw: unknown, path: string, names: ToolNameMap): AnthropicTool {
  if (!isJsonObject(raw)) throw invalidRequest(path, 'Each tool must be an object.');
  if (raw.type !== 'function') {
    throw unsupported(
      `${path}.type`,
      `Tools of type ${JSON.stringify(raw.type)} cannot be sent to an Anthropic upstream.`,
    );
  }
  const fn = raw.function;
  if (!isJsonObject(fn) || typeof fn.name !== 'string' || fn.name.length === 0) {
    throw invalidRequest(`${path}.function.name`, 'function.name is required.');
  }
  const tool: AnthropicTool = {
    name: names.upstreamName(fn.name),
    input_schema: inputSchemaOf(fn.parameters, `${path}.function.parameters`),
  };
  if (typeof fn.description === 'string' && fn.description.length > 0) tool.description = fn.description;
  if (typeof fn.strict === 'boolean') tool.strict = fn.strict;
  return tool;
}

/** Legacy `functions` entries are tools without the wrapper. */
function legacyFunctions(raw: unknown): unknown[] {
  if (!Array.isArray(raw)) return [];
  return raw.map((fn) => ({ type: 'function', function: fn }));
}

function choiceOf(
  raw: unknown,
  tools: AnthropicTool[],
  names: ToolNameMap,
): { choice?: AnthropicToolChoice; allowed?: Set<string> } {
  if (raw === undefined || raw === null) return {};
  if (raw === 'auto') return { choice: { type: 'auto' } };
  if (raw === 'none') return { choice: { type: 'none' } };
  if (raw === 'required' || raw === 'any') return { choice: { type: 'any' } };
  if (isJsonObject(raw)) {
    if (raw.type === 'function' && isJsonObject(raw.function) && typeof raw.function.name === 'string') {
      const name = names.upstreamName(raw.function.name);
      if (!tools.some((t) => t.name === name)) {
        throw invalidRequest('tool_choice', `tool_choice names ${raw.function.name}, which is not in tools.`);
      }
      return { choice: { type: 'tool', name } };
    }
    if (
      raw.type === 'allowed_tools' &&
      isJsonObject(raw.allowed_tools) &&
      Array.isArray(raw.allowed_tools.tools)
    ) {
      const allowed = new Set<string>();
      for (const entry of raw.allowed_tools.tools) {
        if (isJsonObject(entry) && isJsonObject(entry.function) && typeof entry.function.name === 'string') {
          allowed.add(names.upstreamName(entry.function.name));
        }
      }
      return { choice: { type: raw.allowed_tools.mode === 'required' ? 'any' : 'auto' }, allowed };
    }
  }
  throw invalidRequest('tool_choice', 'tool_choice must be auto, none, required or a named function.');
}

export function mapTools(body: Record<string, unknown>, names: ToolNameMap): MappedTools {
  const rawTools = body.tools ?? legacyFunctions(body.functions);
  if (rawTools !== undefined && rawTools !== null && !Array.isArray(rawTools)) {
    throw invalidRequest('tools', 'tools must be an array.');
  }
  let tools = (Array.isArray(rawTools) ? rawTools : []).map((t, i) => toolOf(t, `tools[${i}]`, names));
  const seen = new Set<string>();
  for (const tool of tools) {
    if (seen.has(tool.name)) throw invalidRequest('tools', `Tool name ${tool.name} is defined twice.`);
    seen.add(tool.name);
  }

  const legacyChoice = body.function_call;
  const rawChoice =
    body.tool_choice ??
    (isJsonObject(legacyChoice) ? { type: 'function', function: legacyChoice } : legacyChoice);
  const { choice, allowed } = choiceOf(rawChoice, tools, names);
  if (allowed) tools = tools.filter((t) => allowed.has(t.name));
  if (tools.length === 0) return { tools };

  let toolChoice = choice;
  if (body.parallel_tool_calls === false && toolChoice?.type !== 'none') {
    toolChoice = {
      ...(toolChoice ?? { type: 'auto' }),
      disable_parallel_tool_use: true,
    } as AnthropicToolChoice;
  }
  return { tools, toolChoice };
}
