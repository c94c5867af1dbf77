import type { Protocol } from '@switchboard/protocols';
import type {
  BalancerConfig,
  CircuitBreakerConfig,
  FallbackTrigger,
  InstanceAuth,
  InstanceConfig,
  ProviderName,
  RouteConfig,
} from '../route.types';
import type { RouteInput } from '../validation/route-input';
import { InstanceEntity } from './instance.entity';
import { RouteEntity } from './route.entity';

/** Pure conversions between rows and the domain RouteConfig. */
export function toRouteConfig(row: RouteEntity, instances: InstanceEntity[]): RouteConfig {
  return {
    id: row.id,
    name: row.name,
    models: [...row.models],
    advertise: [...row.advertise],
    enabled: row.enabled,
    instances: [...instances].sort((a, b) => a.position - b.position).map(toInstanceConfig),
    balancer: row.balancer as unknown as BalancerConfig,
    fallback_strategy: row.fallback_strategy as FallbackTrigger[],
    fallback_http_statuses: [...row.fallback_http_statuses],
    max_retries: row.max_retries,
    timeout: row.timeout,
    first_byte_timeout: row.first_byte_timeout,
    total_timeout: row.total_timeout,
    circuit_breaker: row.circuit_breaker as unknown as CircuitBreakerConfig,
    extras: row.extras as Record<string, unknown>,
    version: row.version,
    created_at: row.created_at.toISOString(),
    updated_at: row.updated_at.toISOString(),
  };
}

export function toInstanceConfig(row: InstanceEntity): InstanceConfig {
  return {
    name: row.name,
    provider: row.provider as ProviderName,
    protocol: row.protocol as Protocol,
    weight: row.weight,
    priority: row.priority,
    auth: row.auth as unknown as InstanceAuth,
    options: row.options as Record<string, unknown>,
    defaults: row.defaults as Record<string, unknown>,
    conversion: row.conversion as Record<string, unknown>,
    override: row.override as InstanceConfig['override'],
    enabled: row.enabled,
    extras: row.extras as Record<string, unknown>,
  };
}

export interface RouteRowMeta {
  id: string;
  version: number;
  created_at: Date;
  updated_at: Date;
}

export function toRouteEntity(input: RouteInput, meta: RouteRowMeta): RouteEntity {
  const row = new RouteEntity();
  Object.assign(row, {
    id: meta.id,
    name: input.name,
    models: input.models,
    advertise: input.advertise ?? [],
    enabled: input.enabled,
    balancer: input.balancer,
    fallback_strategy: input.fallback_strategy,
    fallback_http_statuses: input.fallback_http_statuses,
    max_retries: input.max_retries,
    timeout: input.timeout,
    first_byte_timeout: input.first_byte_timeout,
    total_timeout: input.total_timeout,
    circuit_breaker: input.circuit_breaker,
    extras: input.extras,
    version: meta.version,
    created_at: meta.created_at,
    updated_at: meta.updated_at,
  });
  return row;
}

export function toInstanceEntity(
  instance: InstanceConfig,
  position: number,
  routeId: string,
  id: string,
  at: Date,
): InstanceEntity {
  const row = new InstanceEntity();
  Object.assign(row, {
    id,
    route_id: routeId,
    position,
    name: instance.name,
    provider: instance.provider,
    protocol: instance.protocol,
    weight: instance.weight,
    priority: instance.priority,
    auth: instance.auth,
    options: instance.options,
    defaults: instance.defaults,
    conversion: instance.conversion,
    override: instance.override,
    enabled: instance.enabled,
    extras: instance.extras,
    created_at: at,
    updated_at: at,
  });
  return row;
}
