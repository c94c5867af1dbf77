import type { AttemptFailure } from './attempt-failure';

/** The route fields that decide fallback, precomputed once per route version. */
export interface FallbackPolicy {
  on429: boolean;
  on5xx: boolean;
  extraStatuses: ReadonlySet<number>;
  /** Attempts allowed in total (1 + max_retries); Infinity: every instance once. */
  maxAttempts: number;
}

export function compileFallbackPolicy(route: {
  fallback_strategy: readonly string[];
  fallback_http_statuses: readonly number[];
  max_retries: number | null;
}): FallbackPolicy {
  return {
    on429: route.fallback_strategy.includes('http_429'),
    on5xx: route.fallback_strategy.includes('http_5xx'),
    extraStatuses: new Set(route.fallback_http_statuses),
    maxAttempts:
      route.max_retries === null || route.max_retries === undefined ? Infinity : route.max_retries + 1,
  };
}

/**
 * Does this failure move on to the next instance? 429 with `http_429`; 5xx, network errors and timeouts with
 * `http_5xx`; any status in `fallback_http_statuses`. A total-timeout never does: the deadline is spent.
 */
export function isFallbackTrigger(policy: FallbackPolicy, failure: AttemptFailure): boolean {
  switch (failure.kind) {
    case 'status':
      if (policy.extraStatuses.has(failure.status)) return true;
      if (failure.status === 429) return policy.on429;
      return failure.status >= 500 && policy.on5xx;
    case 'timeout':
      return failure.phase !== 'total' && policy.on5xx;
    case 'network':
    case 'misconfigured':
      return policy.on5xx;
  }
}

/**
 * Whether a failure counts against the instance's circuit breaker (the instance, not the request, is at fault).
 * A failure before any upstream call (`misconfigured`: the request could not even be built) never does: no
 * request may move traffic off a healthy instance.
 */
export function countsAsInstanceFailure(policy: FallbackPolicy, failure: AttemptFailure): boolean {
  if (failure.kind === 'misconfigured') return false;
  if (failure.kind === 'timeout' && failure.phase === 'total') return false;
  return isFallbackTrigger(policy, failure);
}
