import type { PlannedInstance } from '../routing/route-plan';

/**
 * The body sent to one instance: the converted body (shallow-copied, so nothing leaks between attempts), the
 * instance `defaults` where unset, then its `options` written over it (`options.model` overrides the model);
 * azure-openai drops `model` (the deployment is in the URL).
 */
export function upstreamBody(converted: Record<string, unknown>, instance: PlannedInstance): string {
  const body: Record<string, unknown> = { ...converted };
  const { defaults, options } = instance.config;
  if (defaults) {
    for (const key in defaults) if (body[key] === undefined) body[key] = defaults[key];
  }
  if (options) {
    for (const key in options) body[key] = options[key];
  }
  if (instance.upstream?.removeModel) delete body.model;
  return JSON.stringify(body);
}

/** count_tokens accepts only the Messages input fields: just the model override (and azure's removal) apply. */
export function countTokensBody(original: Record<string, unknown>, instance: PlannedInstance): string {
  const model = instance.config.options?.model;
  if (model === undefined && !instance.upstream?.removeModel) return JSON.stringify(original);
  const body: Record<string, unknown> = { ...original };
  if (model !== undefined) body.model = model;
  if (instance.upstream?.removeModel) delete body.model;
  return JSON.stringify(body);
}
