import { type Json, EFFORTS, isObject, type Problems } from './problems';

export function checkRange(
  p: Problems,
  body: Json,
  field: string,
  min: number,
  max: number,
  integer = false,
): void {
  const value = body[field];
  if (value === undefined) return;
  if (typeof value !== 'number' || !Number.isFinite(value) || (integer && !Number.isInteger(value))) {
    return p.add(field, integer ? 'must be an integer' : 'must be a number');
  }
  if (value < min || value > max) p.add(field, `must be between ${min} and ${max}`);
}

export function checkThinking(p: Problems, body: Json): void {
  const thinking = body.thinking;
  if (thinking === undefined) return;
  if (!isObject(thinking)) return p.add('thinking', 'must be an object');
  if (thinking.type === 'enabled') {
    p.onlyKeys('thinking', thinking, ['type', 'budget_tokens', 'display']);
    const budget = thinking.budget_tokens;
    if (typeof budget !== 'number' || !Number.isInteger(budget) || budget < 1024) {
      p.add('thinking.budget_tokens', 'must be an integer >= 1024');
    } else if (typeof body.max_tokens === 'number' && budget >= body.max_tokens) {
      p.add('thinking.budget_tokens', 'must be less than max_tokens');
    }
  } else if (thinking.type === 'adaptive') {
    p.onlyKeys('thinking', thinking, ['type', 'display']);
  } else if (thinking.type === 'disabled') {
    p.onlyKeys('thinking', thinking, ['type']);
    return;
  } else {
    return p.add('thinking.type', 'must be enabled, adaptive or disabled');
  }
  if (thinking.display !== undefined && thinking.display !== 'summarized' && thinking.display !== 'omitted') {
    p.add('thinking.display', 'must be summarized or omitted');
  }
  if (body.temperature !== undefined && body.temperature !== 1)
    p.add('temperature', 'must be unset or 1 with thinking');
  if (body.top_k !== undefined) p.add('top_k', 'must be unset with thinking');
  if (typeof body.top_p === 'number' && body.top_p < 0.95) p.add('top_p', 'must be >= 0.95 with thinking');
  const choice = body.tool_choice;
  if (isObject(choice) && (choice.type === 'any' || choice.type === 'tool')) {
    p.add('tool_choice', 'Thinking may not be enabled when tool_choice forces tool use');
  }
}

export function checkOutputConfig(p: Problems, config: unknown): void {
  if (config === undefined) return;
  if (!isObject(config)) return p.add('output_config', 'must be an object');
  p.onlyKeys('output_config', config, ['effort', 'format']);
  if (config.effort !== undefined && (typeof config.effort !== 'string' || !EFFORTS.has(config.effort))) {
    p.add('output_config.effort', 'must be low, medium, high, xhigh or max');
  }
  if (config.format !== undefined) {
    const format = config.format;
    if (!isObject(format) || format.type !== 'json_schema' || !isObject(format.schema)) {
      p.add('output_config.format', 'must be {type:"json_schema", schema:{…}}');
    } else {
      p.onlyKeys('output_config.format', format, ['type', 'schema']);
    }
  }
}
