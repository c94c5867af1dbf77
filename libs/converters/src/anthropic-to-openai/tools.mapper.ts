import { isJsonObject, type OpenAiFunctionTool, type OpenAiToolChoice } from '@switchboard/protocols';
import { invalidRequest } from './request-error';
import type { ToolNameMap } from '../shared/tool-names';

export interface MappedTools {
  tools?: OpenAiFunctionTool[];
  tool_choice?: OpenAiToolChoice;
  parallel_tool_calls?: boolean;
}

/**
 * Anthropic `tools` + `tool_choice` → OpenAI (conversion-spec §5.3). Only custom tools (no `type`, or
 * `type:"custom"`) have a schema an OpenAI model can call; Anthropic server tools and versioned client tools
 * (`web_search_*`, `bash_*`, `text_editor_*`, `computer_*`, `memory_*`, `code_execution_*`, …) are dropped.
 * When nothing is left, `tool_choice` and `parallel_tool_calls` are dropped too (OpenAI rejects them alone).
 */
export function mapTools(toolsIn: unknown, choiceIn: unknown, names: ToolNameMap): MappedTools {
  const tools: OpenAiFunctionTool[] = [];
  const declared = new Set<string>();
  const dropped = new Set<string>();
  if (toolsIn !== undefined && toolsIn !== null) {
    if (!Array.isArray(toolsIn)) throw invalidRequest('tools', 'must be an array');
    toolsIn.forEach((tool, i) => {
      const path = `tools.${i}`;
      if (!isJsonObject(tool)) throw invalidRequest(path, 'must be an object');
      if (typeof tool.name !== 'string' || tool.name.length === 0) {
        throw invalidRequest(`${path}.name`, 'must be a non-empty string');
      }
      if (tool.type !== undefined && tool.type !== null && tool.type !== 'custom') {
        dropped.add(tool.name);
        return;
      }
      if (!isJsonObject(tool.input_schema)) {
        throw invalidRequest(`${path}.input_schema`, 'must be a JSON Schema object');
      }
      const fn: OpenAiFunctionTool['function'] = {
        name: names.upstreamName(tool.name),
        parameters: tool.input_schema,
      };
      if (typeof tool.description === 'string' && tool.description.length > 0) {
        fn.description = tool.description;
      }
      if (typeof tool.strict === 'boolean') fn.strict = tool.strict;
      declared.add(tool.name);
      tools.push({ type: 'function', function: fn });
    });
  }

  if (choiceIn === undefined || choiceIn === null) return tools.length > 0 ? { tools } : {};
  if (!isJsonObject(choiceIn) || typeof choiceIn.type !== 'string') {
    throw invalidRequest('tool_choice', 'must be an object with a type');
  }
  if (tools.length === 0) return {};
  const out: MappedTools = { tools };
  switch (choiceIn.type) {
    case 'auto':
      out.tool_choice = 'auto';
      break;
    case 'any':
      out.tool_choice = 'required';
      break;
    case 'none':
      out.tool_choice = 'none';
      return out;
    case 'tool': {
      const name = choiceIn.name;
      if (typeof name !== 'string' || name.length === 0) {
        throw invalidRequest('tool_choice.name', 'must name a tool');
      }
      if (dropped.has(name)) {
        throw invalidRequest(
          'tool_choice.name',
          `${JSON.stringify(name)} is an Anthropic server tool, which an OpenAI upstream cannot run`,
        );
      }
      if (!declared.has(name))
        throw invalidRequest('tool_choice.name', `no tool named ${JSON.stringify(name)}`);
      out.tool_choice = { type: 'function', function: { name: names.upstreamName(name) } };
      break;
    }
    default:
      throw invalidRequest('tool_choice.type', 'must be one of auto, any, tool, none');
  }
  if (choiceIn.disable_parallel_tool_use === true) out.parallel_tool_calls = false;
  return out;
}
