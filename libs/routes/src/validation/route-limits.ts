/**
 * Upper bounds of a route's numeric fields: far beyond any sane setting, well inside PostgreSQL's int4, so a
 * typo (`1e12`) is a 400 naming the field instead of a database error. Documented in README (route fields).
 */
export const ROUTE_LIMITS = {
  /** As APISIX ai-proxy-multi: 10 minutes per socket operation. */
  timeoutMs: 600_000,
  firstByteTimeoutMs: 600_000,
  /** One hour across every attempt. */
  totalTimeoutMs: 3_600_000,
  maxRetries: 100,
  weight: 10_000,
  priority: 1_000_000,
  /** Up to a billion: a threshold nothing reaches switches the breaker off (benchmarks do). */
  failureThreshold: 1_000_000_000,
  cooldownMs: 3_600_000,
  advertisedModels: 1_000,
} as const;
