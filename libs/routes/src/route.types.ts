import type { Protocol } from '@switchboard/protocols';

/**
 * The domain shape of a route as the data plane and admin API see it (snake_case, as in APISIX ai-proxy-multi).
 * Secrets under `auth` are real values here; redaction happens only at the admin API boundary.
 */

import { PROVIDER_NAMES, type ProviderName } from '@switchboard/providers/provider-facts';

/** The provider names a route instance may use (owned by the providers lib). */
export const PROVIDERS = PROVIDER_NAMES;
export type { ProviderName };

export type FallbackTrigger = 'http_429' | 'http_5xx';

export interface InstanceAuth {
  header: Record<string, string>;
  query: Record<string, string>;
}

export interface InstanceOverride {
  endpoint?: string;
  /** Accepted-but-unimplemented APISIX fields (e.g. `llm_options`) are kept here verbatim. */
  [field: string]: unknown;
}

export interface InstanceConfig {
  name: string;
  provider: ProviderName;
  /** Resolved at write time: the provider's native protocol when the client did not set one. */
  protocol: Protocol;
  weight: number;
  priority: number;
  auth: InstanceAuth;
  /** Written over the upstream body after conversion (wins over the client); `options.model` overrides the model. */
  options: Record<string, unknown>;
  /** Fill only what the client left unset. */
  defaults: Record<string, unknown>;
  /** Per-instance converter options (see docs/conversion-matrix.md), e.g. `{ "expose_reasoning": false }`. */
  conversion: Record<string, unknown>;
  override: InstanceOverride;
  enabled: boolean;
  /** Accepted-but-unimplemented APISIX instance fields, stored and returned verbatim. */
  extras: Record<string, unknown>;
}

export interface BalancerConfig {
  algorithm: 'roundrobin' | 'chash';
  hash_on?: 'header';
  /** Header name when `algorithm` is `chash`. */
  key?: string;
}

export interface CircuitBreakerConfig {
  failure_threshold: number;
  /** Milliseconds an open instance is left out before a half-open probe. */
  cooldown: number;
}

export interface RouteConfig {
  id: string;
  name: string;
  models: string[];
  /** Model names listed by GET /v1/models for this route's globs (each matches one of `models`). */
  advertise?: string[];
  enabled: boolean;
  instances: InstanceConfig[];
  balancer: BalancerConfig;
  fallback_strategy: FallbackTrigger[];
  fallback_http_statuses: number[];
  /** null: every instance may be tried once. */
  max_retries: number | null;
  /** Per socket operation, ms. */
  timeout: number;
  /** Time to the upstream's first byte, ms; null: same as `timeout`. */
  first_byte_timeout: number | null;
  /** One deadline across all attempts, ms; null: none. */
  total_timeout: number | null;
  circuit_breaker: CircuitBreakerConfig;
  /** Accepted-but-unimplemented APISIX route fields, stored and returned verbatim. */
  extras: Record<string, unknown>;
  version: number;
  created_at: string;
  updated_at: string;
}
