import { randomUUID } from 'node:crypto';
import { requestNeeds, type CatalogueState, type RequestNeeds } from '@switchboard/catalogue';
import { findConverter } from '@switchboard/converters';
import type { Protocol } from '@switchboard/protocols';
import type { RouteConfig } from '@switchboard/routes';
import { resolveInstanceModel } from '../catalogue/attempt-model';
import { CapabilityGate } from '../catalogue/capability-gate';
import { prepareUpstreamBody } from '../catalogue/prepare-upstream-body';
import { sentModel } from '../exchange/upstream-body';
import type { InstanceHealthRegistry } from '../health/instance-health.registry';
import { RoutePlan, type PlannedInstance } from '../routing/route-plan';

export type ExplainProtocol = 'openai-chat' | 'anthropic-messages' | 'openai-responses';

export interface ExplainedInstance {
  instance: string;
  priority: number;
  weight: number;
  breaker: string;
  upstream_protocol: Protocol;
  upstream_model: string;
  /** The catalogue entry the model matched, or null when the catalogue does not know it. */
  catalogue: { id: string; how: string; origin: string } | null;
  /** 1-based place in the order of attempts; null when it would not be tried. */
  attempt: number | null;
  why: string;
}

export interface Explanation {
  route: { id: string; name: string; version: number };
  protocol: ExplainProtocol;
  needs: RequestNeeds;
  capability_routing: boolean;
  max_attempts: number;
  instances: ExplainedInstance[];
  /** What the first instance would be sent; null when no instance would be tried. */
  first: {
    instance: string;
    upstream_protocol: Protocol;
    body?: Record<string, unknown>;
    max_tokens_header?: number;
    /** The converter options the body was made with (instance `conversion` + the model's limits and defaults). */
    conversion?: Record<string, unknown>;
    error?: string;
  } | null;
}

/**
 * Which instances a request would try, in which order and why, without calling any upstream. Mirrors
 * RoutePlan.pick on a fresh balancer: higher priority first, then higher weight; instances with an open
 * circuit after every healthy one; capability skips and weight 0 never; at most max_attempts.
 */
export function explainRoute(
  route: RouteConfig,
  protocol: ExplainProtocol,
  body: Record<string, unknown>,
  health: InstanceHealthRegistry,
  catalogue: CatalogueState,
): Explanation {
  const plan = new RoutePlan(route, health);
  const clientModel = typeof body.model === 'string' ? body.model : (route.models[0] ?? '');
  const gate = new CapabilityGate(catalogue, protocol as Protocol, body, clientModel);
  const now = health.now();
  const byPreference = [...plan.instances].sort(
    (a, b) => (b.config.priority ?? 0) - (a.config.priority ?? 0) || b.weight - a.weight || a.index - b.index,
  );
  const reasons = new Map<number, string>();
  const candidates: PlannedInstance[] = [];
  for (const instance of byPreference) {
    const missing = plan.capabilityRouting ? gate.missing(instance) : undefined;
    if (missing !== undefined) reasons.set(instance.index, `skipped: the model lacks ${missing}`);
    else if (instance.weight <= 0) reasons.set(instance.index, 'never picked: weight 0');
    else candidates.push(instance);
  }
  const healthy = candidates.filter((i) => i.breaker.state(now) !== 'open');
  const open = candidates.filter((i) => i.breaker.state(now) === 'open');
  const order = [...healthy, ...open].slice(0, plan.policy.maxAttempts);
  order.forEach((instance, position) => {
    const state = instance.breaker.state(now);
    const because =
      state === 'open'
        ? 'circuit open: tried only after every healthy instance'
        : `priority ${instance.config.priority ?? 0}, weight ${instance.weight}${position === 0 ? ' (first choice on a fresh balancer; round robin rotates equal priorities)' : ''}`;
    reasons.set(instance.index, because);
  });
  for (const instance of candidates) {
    if (!order.includes(instance))
      reasons.set(instance.index, `not tried: max_attempts (${plan.policy.maxAttempts}) reached`);
  }

  const instances = plan.instances.map((instance): ExplainedInstance => {
    const resolved = resolveInstanceModel(catalogue, instance, clientModel);
    const position = order.indexOf(instance);
    return {
      instance: instance.name,
      priority: instance.config.priority ?? 0,
      weight: instance.weight,
      breaker: instance.breaker.state(now),
      upstream_protocol: instance.config.protocol,
      upstream_model: sentModel(instance, clientModel),
      catalogue:
        resolved === undefined ? null : { id: resolved.facts.id, how: resolved.how, origin: resolved.origin },
      attempt: position === -1 ? null : position + 1,
      why: reasons.get(instance.index) ?? '',
    };
  });
  instances.sort((a, b) => (a.attempt ?? Infinity) - (b.attempt ?? Infinity));

  return {
    route: { id: route.id, name: route.name, version: route.version },
    protocol,
    needs: requestNeeds(protocol, body),
    capability_routing: plan.capabilityRouting,
    max_attempts: plan.policy.maxAttempts,
    instances,
    first: order[0] === undefined ? null : firstBody(order[0], protocol, body, catalogue, clientModel),
  };
}

function firstBody(
  instance: PlannedInstance,
  protocol: ExplainProtocol,
  body: Record<string, unknown>,
  catalogue: CatalogueState,
  clientModel: string,
): Explanation['first'] {
  const head = { instance: instance.name, upstream_protocol: instance.config.protocol };
  if (instance.upstream === undefined)
    return { ...head, error: instance.compileError ?? 'instance is misconfigured' };
  try {
    const converter = findConverter(protocol as Protocol, instance.upstream.protocol);
    const prepared = prepareUpstreamBody(
      converter,
      protocol as Protocol,
      body,
      instance,
      resolveInstanceModel(catalogue, instance, clientModel),
      { newId: () => randomUUID().replace(/-/g, ''), now: Date.now },
    );
    return {
      ...head,
      body: prepared.body,
      max_tokens_header: prepared.maxTokensHeader,
      conversion: prepared.conversion,
    };
  } catch (error) {
    return { ...head, error: (error as Error).message };
  }
}
