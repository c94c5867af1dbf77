import type { ResponsesFunctionTool, ResponsesToolChoice } from '@switchboard/protocols';
import { mapTools as mapChatTools } from '../anthropic-to-openai/tools.mapper';
import type { ToolNameMap } from '../shared/tool-names';

export interface MappedTools {
  tools?: ResponsesFunctionTool[];
  tool_choice?: ResponsesToolChoice;
  parallel_tool_calls?: boolean;
}

/**
 * Anthropic `tools` + `tool_choice` → Responses: the anthropic-to-openai rules (custom tools only; server and
 * versioned tools dropped; `tool_choice` naming a dropped or unknown tool → 400; nothing left → no tool_choice),
 * then the nested Chat function re-shaped flat. `strict` is always present (the Responses schema requires it).
 */
export function mapTools(toolsIn: unknown, choiceIn: unknown, names: ToolNameMap): MappedTools {
  const chat = mapChatTools(toolsIn, choiceIn, names);
  const out: MappedTools = {};
  if (chat.tools) {
    out.tools = chat.tools.map(({ function: fn }) => ({
      type: 'function',
      name: fn.name,
      ...(fn.description !== undefined ? { description: fn.description } : {}),
      parameters: fn.parameters ?? null,
      strict: fn.strict ?? false,
    }));
  }
  const choice = chat.tool_choice;
  if (choice === 'auto' || choice === 'none' || choice === 'required') out.tool_choice = choice;
  else if (choice !== undefined && typeof choice === 'object' && 'function' in choice) {
    out.tool_choice = { type: 'function', name: choice.function.name };
  }
  if (chat.parallel_tool_calls !== undefined) out.parallel_tool_calls = chat.parallel_tool_calls;
  return out;
}
