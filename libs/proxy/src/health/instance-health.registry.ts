import { CircuitBreaker, type CircuitState } from './circuit-breaker';

export interface InstanceHealthView {
  name: string;
  state: CircuitState;
  consecutive_failures: number;
  /** ISO 8601, null when closed. */
  open_until: string | null;
}

/** One instance's breaker as a serving replica publishes it with its heartbeat. */
export interface PublishedBreaker {
  state: CircuitState;
  consecutive_failures: number;
  /** ISO 8601, null when closed. */
  open_until: string | null;
  /** ISO 8601: when it last went open; null when closed. */
  opened_at: string | null;
}

/** Route id → instance name → breaker; instances closed with no failure are left out (they read as closed). */
export type PublishedBreakers = Record<string, Record<string, PublishedBreaker>>;

const isoOrNull = (epochMs: number | null | undefined): string | null =>
  epochMs === null || epochMs === undefined ? null : new Date(epochMs).toISOString();

/**
 * Process-wide passive-health state, keyed by route id and instance name. One instance is shared by the gateway
 * (which records outcomes) and the admin app (which reports them), so it must be provided once per process.
 */
export class InstanceHealthRegistry {
  private readonly routes = new Map<string, Map<string, CircuitBreaker>>();

  constructor(readonly now: () => number = Date.now) {}

  breaker(routeId: string, instanceName: string): CircuitBreaker {
    let instances = this.routes.get(routeId);
    if (instances === undefined) {
      instances = new Map();
      this.routes.set(routeId, instances);
    }
    let breaker = instances.get(instanceName);
    if (breaker === undefined) {
      breaker = new CircuitBreaker();
      instances.set(instanceName, breaker);
    }
    return breaker;
  }

  /** Health of the named instances, in order; an instance never seen is closed with no failures. */
  report(routeId: string, instanceNames: readonly string[]): InstanceHealthView[] {
    const now = this.now();
    const instances = this.routes.get(routeId);
    return instanceNames.map((name) => {
      const snapshot = instances?.get(name)?.snapshot(now);
      return {
        name,
        state: snapshot?.state ?? 'closed',
        consecutive_failures: snapshot?.consecutive_failures ?? 0,
        open_until: isoOrNull(snapshot?.open_until),
      };
    });
  }

  /** Every breaker that is open, half-open or counting failures: what this replica publishes. */
  published(): PublishedBreakers {
    const now = this.now();
    const published: PublishedBreakers = {};
    for (const [routeId, instances] of this.routes) {
      for (const [name, breaker] of instances) {
        const snapshot = breaker.snapshot(now);
        if (snapshot.state === 'closed' && snapshot.consecutive_failures === 0) continue;
        (published[routeId] ??= {})[name] = {
          state: snapshot.state,
          consecutive_failures: snapshot.consecutive_failures,
          open_until: isoOrNull(snapshot.open_until),
          opened_at: isoOrNull(snapshot.opened_at),
        };
      }
    }
    return published;
  }

  /** Forget a deleted route. */
  forget(routeId: string): void {
    this.routes.delete(routeId);
  }
}
