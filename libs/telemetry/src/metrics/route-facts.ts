import { compileUpstream } from '@switchboard/providers';
import type { RouteConfig, RouteTable } from '@switchboard/routes';

export const UNMATCHED = 'unmatched';

/** OpenTelemetry `gen_ai.provider.name` of a Switchboard provider id. */
const OTEL_PROVIDER: Record<string, string> = {
  openai: 'openai',
  'openai-compatible': 'openai',
  'azure-openai': 'azure.ai.openai',
  deepseek: 'deepseek',
  anthropic: 'anthropic',
  'anthropic-compatible': 'anthropic',
};

export function otelProviderName(provider: string): string {
  return OTEL_PROVIDER[provider] ?? '_OTHER';
}

interface Snapshot {
  revision: number;
  /** Model names a label may take: routes' exact models and instances' `options.model`. */
  models: Set<string>;
  /** `route id \0 instance name` → upstream host. */
  hosts: Map<string, string>;
}

/**
 * What the metrics need from the route table, rebuilt only when its revision changes: the bounded set of model
 * names (anything else is labelled `unmatched`) and each instance's upstream host (`server_address`).
 */
export class RouteFacts {
  private snapshot: Snapshot = { revision: Number.NaN, models: new Set(), hosts: new Map() };

  constructor(private readonly routes: RouteTable | undefined) {}

  modelLabel(model: string | null): string {
    if (model === null) return UNMATCHED;
    return this.current().models.has(model) ? model : UNMATCHED;
  }

  serverAddress(routeId: string | null, instance: string): string {
    if (routeId === null) return UNMATCHED;
    return this.current().hosts.get(`${routeId}\0${instance}`) ?? UNMATCHED;
  }

  revision(): number {
    return this.routes?.currentRevision() ?? -1;
  }

  private current(): Snapshot {
    const revision = this.revision();
    if (revision !== this.snapshot.revision) this.snapshot = build(revision, this.routes?.all() ?? []);
    return this.snapshot;
  }
}

function build(revision: number, routes: RouteConfig[]): Snapshot {
  const models = new Set<string>();
  const hosts = new Map<string, string>();
  for (const route of routes) {
    for (const model of route.models) if (!model.includes('*')) models.add(model);
    for (const instance of route.instances) {
      if (typeof instance.options.model === 'string') models.add(instance.options.model);
      try {
        const origin = compileUpstream(instance).endpoint.origin;
        hosts.set(`${route.id}\0${instance.name}`, new URL(origin).hostname);
      } catch {
        // A misconfigured instance has no host; its attempts are labelled `unmatched`.
      }
    }
  }
  return { revision, models, hosts };
}
