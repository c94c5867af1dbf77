import { Counter, register } from 'prom-client';

const NAME = 'switchboard_secret_unreadable_total';

/** Stored secrets that no configured key could decrypt (each time a route holding one is loaded). */
export function unreadableSecretCounter(): Counter {
  const existing = register.getSingleMetric(NAME);
  if (existing) return existing as Counter;
  return new Counter({
    name: NAME,
    help: 'Stored instance secrets that no configured SECRETS_KEY could decrypt',
  });
}
