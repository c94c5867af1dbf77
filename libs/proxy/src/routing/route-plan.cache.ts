import type { RouteConfig } from '@switchboard/routes';
import type { InstanceHealthRegistry } from '../health/instance-health.registry';
import { RoutePlan } from './route-plan';

/** Compiled plans keyed by route id; a plan is rebuilt when the route's version moves. */
export class RoutePlanCache {
  private readonly plans = new Map<string, RoutePlan>();

  constructor(private readonly health: InstanceHealthRegistry) {}

  planFor(route: RouteConfig): RoutePlan {
    const cached = this.plans.get(route.id);
    if (cached !== undefined && cached.version === route.version && cached.name === route.name) return cached;
    const plan = new RoutePlan(route, this.health);
    this.plans.set(route.id, plan);
    return plan;
  }
}
