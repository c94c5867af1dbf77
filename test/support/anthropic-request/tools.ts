import { TOOL_NAME, SERVER_TOOL_TYPE, isObject, type Problems } from './problems';
import { checkCacheControl } from './content-blocks';

export function checkTools(p: Problems, tools: unknown): string[] {
  if (tools === undefined) return [];
  if (!Array.isArray(tools)) {
    p.add('tools', 'must be an array');
    return [];
  }
  const names: string[] = [];
  tools.forEach((tool, i) => {
    const path = `tools.${i}`;
    if (!isObject(tool)) return p.add(path, 'must be an object');
    if (typeof tool.type === 'string' && SERVER_TOOL_TYPE.test(tool.type)) {
      if (typeof tool.name === 'string') names.push(tool.name);
      return;
    }
    p.onlyKeys(path, tool, ['type', 'name', 'description', 'input_schema', 'strict', 'cache_control']);
    if (tool.type !== undefined && tool.type !== 'custom')
      p.add(`${path}.type`, 'must be custom when present');
    if (typeof tool.name !== 'string' || !TOOL_NAME.test(tool.name))
      p.add(`${path}.name`, 'must match ^[a-zA-Z0-9_-]{1,128}$');
    else if (names.includes(tool.name)) p.add(`${path}.name`, 'tool names must be unique');
    else names.push(tool.name);
    if (tool.description !== undefined && typeof tool.description !== 'string')
      p.add(`${path}.description`, 'must be a string');
    if (!isObject(tool.input_schema) || tool.input_schema.type !== 'object') {
      p.add(`${path}.input_schema`, 'must be a JSON schema object with type "object"');
    }
    if (tool.strict !== undefined && typeof tool.strict !== 'boolean')
      p.add(`${path}.strict`, 'must be a boolean');
    checkCacheControl(p, `${path}.cache_control`, tool.cache_control);
  });
  return names;
}

export function checkToolChoice(p: Problems, choice: unknown, toolNames: string[], hasTools: boolean): void {
  if (choice === undefined) return;
  if (!isObject(choice)) return p.add('tool_choice', 'must be an object');
  switch (choice.type) {
    case 'auto':
    case 'any':
      p.onlyKeys('tool_choice', choice, ['type', 'disable_parallel_tool_use']);
      break;
    case 'tool':
      p.onlyKeys('tool_choice', choice, ['type', 'name', 'disable_parallel_tool_use']);
      if (typeof choice.name !== 'string' || !toolNames.includes(choice.name)) {
        p.add('tool_choice.name', 'must name a tool defined in tools');
      }
      break;
    case 'none':
      p.onlyKeys('tool_choice', choice, ['type']);
      return;
    default:
      return p.add('tool_choice.type', 'must be auto, any, tool or none');
  }
  if (
    choice.disable_parallel_tool_use !== undefined &&
    typeof choice.disable_parallel_tool_use !== 'boolean'
  ) {
    p.add('tool_choice.disable_parallel_tool_use', 'must be a boolean');
  }
  if (!hasTools) p.add('tool_choice', 'tool_choice requires tools');
}
