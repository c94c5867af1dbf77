/** Admin-API route bodies pointing at loopback mocks; each test gets its own model names. */

let sequence = 0;

/** A model name no other test uses (routes may not share exact model names). */
export function uniqueModel(prefix: string): string {
  sequence += 1;
  return `${prefix}-${process.pid}-${sequence}`;
}

export interface InstanceOptions {
  weight?: number;
  priority?: number;
  options?: Record<string, unknown>;
  defaults?: Record<string, unknown>;
  enabled?: boolean;
  auth?: { header?: Record<string, string>; query?: Record<string, string> };
}

/** An `anthropic` instance with a Foundry-style endpoint on the mock. */
export function anthropicInstance(name: string, baseUrl: string, extra: InstanceOptions = {}) {
  return {
    name,
    provider: 'anthropic',
    override: { endpoint: `${baseUrl}/anthropic/v1/messages` },
    auth: { header: { 'x-api-key': upstreamKey(name) } },
    ...extra,
  };
}

/** An `openai-compatible` instance whose endpoint is an SDK-style base URL on the mock. */
export function openAiInstance(name: string, baseUrl: string, extra: InstanceOptions = {}) {
  return {
    name,
    provider: 'openai-compatible',
    override: { endpoint: `${baseUrl}/v1` },
    auth: { header: { authorization: `Bearer ${upstreamKey(name)}` } },
    ...extra,
  };
}

export function upstreamKey(instanceName: string): string {
  return `sk-upstream-${instanceName}`;
}

/** A route serving one model; short timeouts so failure tests stay fast. */
export function routeFor(model: string, instances: object[], extra: Record<string, unknown> = {}) {
  return {
    name: `route-${model}`,
    models: [model],
    instances,
    timeout: 5_000,
    ...extra,
  };
}
