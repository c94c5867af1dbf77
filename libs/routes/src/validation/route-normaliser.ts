import type { Protocol } from '@switchboard/protocols';
import { providerFacts } from '@switchboard/providers/provider-facts';
import { DEFAULT_CIRCUIT_BREAKER, DEFAULT_TIMEOUT_MS } from '../route-defaults';
import { type FallbackTrigger, type InstanceConfig, type ProviderName } from '../route.types';
import type { InstanceBodyDto } from './dto/instance-body.dto';
import { FALLBACK_TRIGGERS, type RouteBodyDto } from './dto/route-body.dto';
import type { RouteBodyExtras } from './route-body-extras';
import type { RouteInput } from './route-input';

export function nativeProtocol(provider: ProviderName): Protocol {
  return providerFacts(provider).nativeProtocol;
}

/** A validated DTO with every default filled in and the extras put back. */
export function normaliseRoute(dto: RouteBodyDto, extras: RouteBodyExtras): RouteInput {
  const { routeExtras, instanceExtras, overrideExtras } = extras;
  const balancer: RouteInput['balancer'] =
    dto.balancer?.algorithm === 'chash'
      ? { algorithm: 'chash', hash_on: 'header', key: dto.balancer.key as string }
      : { algorithm: 'roundrobin' };
  const route: RouteInput = {
    name: dto.name,
    models: [...dto.models],
    advertise: [...(dto.advertise ?? [])],
    enabled: dto.enabled ?? true,
    instances: dto.instances.map((instance, index) =>
      normaliseInstance(instance, instanceExtras[index] ?? {}, overrideExtras[index] ?? {}),
    ),
    balancer,
    fallback_strategy: (dto.fallback_strategy as FallbackTrigger[] | undefined) ?? [...FALLBACK_TRIGGERS],
    fallback_http_statuses: dto.fallback_http_statuses ?? [],
    max_retries: dto.max_retries ?? null,
    timeout: dto.timeout ?? DEFAULT_TIMEOUT_MS,
    first_byte_timeout: dto.first_byte_timeout ?? null,
    total_timeout: dto.total_timeout ?? null,
    circuit_breaker: {
      failure_threshold: dto.circuit_breaker?.failure_threshold ?? DEFAULT_CIRCUIT_BREAKER.failure_threshold,
      cooldown: dto.circuit_breaker?.cooldown ?? DEFAULT_CIRCUIT_BREAKER.cooldown,
    },
    extras: routeExtras,
  };
  if (dto.id !== undefined && dto.id !== null) route.id = dto.id;
  return route;
}

function normaliseInstance(
  dto: InstanceBodyDto,
  extras: Record<string, unknown>,
  overrideExtras: Record<string, unknown>,
): InstanceConfig {
  const override: InstanceConfig['override'] = { ...overrideExtras };
  if (typeof dto.override?.endpoint === 'string') override.endpoint = dto.override.endpoint;
  return {
    name: dto.name,
    provider: dto.provider,
    protocol: dto.protocol ?? nativeProtocol(dto.provider),
    weight: dto.weight ?? 1,
    priority: dto.priority ?? 0,
    auth: { header: { ...(dto.auth?.header ?? {}) }, query: { ...(dto.auth?.query ?? {}) } },
    options: dto.options ?? {},
    defaults: dto.defaults ?? {},
    conversion: dto.conversion ?? {},
    override,
    enabled: dto.enabled ?? true,
    extras,
  };
}
