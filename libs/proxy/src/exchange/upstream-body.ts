import type { PlannedInstance } from '../routing/route-plan';

/**
 * The body sent to one instance: the converted body (shallow-copied, so nothing leaks between attempts), the
 * instance `defaults` where unset, then its `options` written over it (`options.model` overrides the model);
 * azure-openai drops `model` (the deployment is in the URL).
 */
export function upstreamBody(converted: Record<string, unknown>, instance: PlannedInstance): string {
  const { defaults, options } = instance.config;
  const removeModel = instance.upstream?.removeModel === true;
  // Nothing to merge: the copy would serialise to the same text.
  if (isEmpty(defaults) && isEmpty(options) && !removeModel) return JSON.stringify(converted);
  const body: Record<string, unknown> = { ...converted };
  if (defaults) {
    for (const key in defaults) if (body[key] === undefined) body[key] = defaults[key];
  }
  if (options) {
    for (const key in options) body[key] = options[key];
  }
  if (removeModel) delete body.model;
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

function isEmpty(record: Record<string, unknown> | undefined): boolean {
  if (!record) return true;
  // The same for-in the merge below runs: any enumerable key means there is something to merge.
  for (const key in record) return key === undefined;
  return true;
}

/** The model the instance is sent: its `options.model` override, else the client's. */
export function sentModel(instance: PlannedInstance, clientModel: string): string {
  const override = instance.config.options?.model;
  return typeof override === 'string' ? override : clientModel;
}
