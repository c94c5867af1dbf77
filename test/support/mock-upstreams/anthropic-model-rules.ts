/**
 * What individual Claude models refuse, per the notes of their catalogue entries (sourced from Anthropic's
 * model pages, libs/catalogue/src/shipped-models/anthropic-current.ts): forced tool use and manual thinking.
 */
const NO_FORCED_TOOL = new Set([
  'claude-opus-5-5',
  'claude-sonnet-5-5',
  'claude-fable-5-1',
  'claude-fable-5-2',
]);
const NO_MANUAL_THINKING = new Set([...NO_FORCED_TOOL, 'claude-sonnet-5', 'claude-opus-4-7']);

export function anthropicModelProblem(body: Record<string, unknown>): string | undefined {
  const model = body.model as string;
  const choice = body.tool_choice as { type?: unknown } | undefined;
  if (NO_FORCED_TOOL.has(model) && (choice?.type === 'any' || choice?.type === 'tool'))
    return `tool_choice: forced tool use is not supported with ${model}; use tool_choice "auto" or "none"`;
  const thinking = body.thinking as { type?: unknown } | undefined;
  if (NO_MANUAL_THINKING.has(model) && thinking?.type === 'enabled')
    return `thinking.type: "enabled" is not supported for ${model}; use thinking.type "adaptive" with output_config.effort`;
  return undefined;
}
