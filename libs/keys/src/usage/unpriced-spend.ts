import { Logger } from '@nestjs/common';
import { Counter, register } from 'prom-client';

const NAME = 'switchboard_key_budget_unpriced_requests_total';
/** Warned-about model names kept; past this every further model is still counted, no longer warned. */
const MAX_WARNED = 1000;

function unpricedCounter(): Counter {
  const existing = register.getSingleMetric(NAME);
  if (existing) return existing as Counter;
  return new Counter({
    name: NAME,
    help: 'Requests of keys with a USD budget whose cost is unknown (no catalogue price): not counted in the budget',
  });
}

/**
 * Requests of a key with a USD budget whose model has no price: they cannot be counted against the budget.
 * Every one is counted in the metric; the log warns once per model so an operator can add its prices.
 */
export class UnpricedSpend {
  private readonly logger = new Logger('KeyUsage');
  private readonly warned = new Set<string>();

  seen(model: string | null, keyName: string): void {
    unpricedCounter().inc();
    const name = model ?? '(none)';
    if (this.warned.has(name) || this.warned.size >= MAX_WARNED) return;
    this.warned.add(name);
    this.logger.warn(
      `Model "${name}" has no price in the model catalogue: its requests are not counted in USD budgets ` +
        `(first seen for key "${keyName}"; add prices with PUT /admin/models/:id)`,
    );
  }
}
