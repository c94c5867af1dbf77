import { CircuitBreaker, type CircuitState } from './circuit-breaker';

export interface InstanceHealthView {
  name: string;
  state: CircuitState;
  consecutive_failures: number;
  /** ISO 8601, null when closed. */
  open_until: string | null;
}

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
        open_until:
          snapshot?.open_until === null || snapshot?.open_until === undefined
            ? null
            : new Date(snapshot.open_until).toISOString(),
      };
    });
  }

  /** Forget a deleted route. */
  forget(routeId: string): void {
    this.routes.delete(routeId);
  }
}
