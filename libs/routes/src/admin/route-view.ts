import type { InstanceConfig, RouteConfig } from '../route.types';

export const SECRET_PLACEHOLDER = '******';

/** A route as the admin API shows it: extras back in place, server fields last; a write adds `warnings`. */
export type RouteView = Record<string, unknown>;

/**
 * The API shape of a stored route. `redact` replaces every value under `auth` with "******" (responses);
 * without it the view is the stored route in body form (the base a PATCH is merged over).
 */
export function toRouteView(route: RouteConfig, redact: boolean): RouteView {
  return {
    id: route.id,
    name: route.name,
    models: [...route.models],
    advertise: [...(route.advertise ?? [])],
    enabled: route.enabled,
    instances: route.instances.map((instance) => toInstanceView(instance, redact)),
    balancer: { ...route.balancer },
    fallback_strategy: [...route.fallback_strategy],
    fallback_http_statuses: [...route.fallback_http_statuses],
    max_retries: route.max_retries,
    timeout: route.timeout,
    first_byte_timeout: route.first_byte_timeout,
    total_timeout: route.total_timeout,
    circuit_breaker: { ...route.circuit_breaker },
    ...route.extras,
    version: route.version,
    created_at: route.created_at,
    updated_at: route.updated_at,
  };
}

function toInstanceView(instance: InstanceConfig, redact: boolean): Record<string, unknown> {
  return {
    name: instance.name,
    provider: instance.provider,
    protocol: instance.protocol,
    weight: instance.weight,
    priority: instance.priority,
    auth: {
      header: redact ? redactValues(instance.auth.header) : { ...instance.auth.header },
      query: redact ? redactValues(instance.auth.query) : { ...instance.auth.query },
    },
    options: instance.options,
    defaults: instance.defaults,
    conversion: instance.conversion,
    override: instance.override,
    enabled: instance.enabled,
    ...instance.extras,
  };
}

function redactValues(values: Record<string, string>): Record<string, string> {
  return Object.fromEntries(Object.keys(values).map((key) => [key, SECRET_PLACEHOLDER]));
}
