import { Counter, register } from 'prom-client';

const NAME = 'switchboard_key_limit_redis_fallbacks_total';

/** Limit-counter operations served by per-process counters because Redis did not answer. */
export function redisFallbackCounter(): Counter {
  const existing = register.getSingleMetric(NAME);
  if (existing) return existing as Counter;
  return new Counter({
    name: NAME,
    help: 'Key limit counter operations served per process because Redis did not answer',
  });
}
