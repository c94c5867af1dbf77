import type { UpstreamTarget } from '@switchboard/converters';
import { compileUpstream, type CompiledUpstream } from '@switchboard/providers';
import type { InstanceConfig, RouteConfig } from '@switchboard/routes';
import { ConsistentHashRing } from '../balancer/consistent-hash-ring';
import { SmoothWeightedRoundRobin } from '../balancer/smooth-weighted-round-robin';
import type { CircuitBreaker, CircuitBreakerSettings } from '../health/circuit-breaker';
import type { InstanceHealthRegistry } from '../health/instance-health.registry';
import { headerSafe } from '../http/header-value';
import { compileFallbackPolicy, type FallbackPolicy } from '../fallback/fallback-policy';

export const DEFAULT_TIMEOUT_MS = 30000;
export const DEFAULT_FAILURE_THRESHOLD = 3;
export const DEFAULT_COOLDOWN_MS = 30000;

/** One enabled instance of a route, with everything request-independent precomputed. */
export interface PlannedInstance {
  readonly index: number;
  readonly config: InstanceConfig;
  readonly name: string;
  /** `name` as it can go in the x-switchboard-instance header. */
  readonly headerName: string;
  readonly weight: number;
  /** What the converter is told about this instance (provider, `defaults`, `conversion` options). */
  readonly target: UpstreamTarget;
  /** Undefined when the instance cannot be reached as configured; `compileError` says why. */
  readonly upstream?: CompiledUpstream;
  readonly compileError?: string;
  readonly breaker: CircuitBreaker;
}

interface PriorityGroup {
  readonly members: readonly PlannedInstance[];
  readonly roundRobin: SmoothWeightedRoundRobin;
  readonly ring?: ConsistentHashRing;
}

/** A route compiled for the data plane; rebuilt when the route's version changes (balancer state included). */
export class RoutePlan {
  readonly id: string;
  readonly name: string;
  /** `name` as it can go in the x-switchboard-route header. */
  readonly headerName: string;
  readonly version: number;
  readonly instances: readonly PlannedInstance[];
  /** Enabled instances left out because no SECRETS_KEY decrypts their stored secret (named in the 503). */
  readonly unreadableSecrets: readonly string[];
  readonly policy: FallbackPolicy;
  readonly timeout: number;
  readonly firstByteTimeout: number;
  readonly totalTimeout: number | null;
  readonly breakerSettings: CircuitBreakerSettings;
  /** Skip instances whose model cannot serve the request (route option `capability_routing`, default on). */
  readonly capabilityRouting: boolean;
  /** Lower-cased header name for chash, undefined for round robin. */
  readonly hashHeader?: string;
  private readonly groups: readonly PriorityGroup[];
  private readonly now: () => number;

  constructor(route: RouteConfig, health: InstanceHealthRegistry) {
    this.id = route.id;
    this.name = route.name;
    this.headerName = headerSafe(route.name);
    this.version = route.version;
    this.now = health.now;
    this.policy = compileFallbackPolicy(route);
    this.capabilityRouting = route.extras?.capability_routing !== false;
    this.timeout = route.timeout ?? DEFAULT_TIMEOUT_MS;
    this.firstByteTimeout = route.first_byte_timeout ?? this.timeout;
    this.totalTimeout = route.total_timeout ?? null;
    this.breakerSettings = {
      failure_threshold: route.circuit_breaker?.failure_threshold ?? DEFAULT_FAILURE_THRESHOLD,
      cooldown: route.circuit_breaker?.cooldown ?? DEFAULT_COOLDOWN_MS,
    };
    if (route.balancer?.algorithm === 'chash' && route.balancer.key) {
      this.hashHeader = route.balancer.key.toLowerCase();
    }

    const enabled = route.instances.filter((instance) => instance.enabled !== false);
    // An instance whose stored secret no SECRETS_KEY decrypts would only send empty credentials.
    const unreadable = (instance: InstanceConfig): boolean => instance.extras?.secret_unreadable === true;
    this.unreadableSecrets = enabled.filter(unreadable).map((instance) => instance.name);
    this.instances = enabled
      .filter((instance) => !unreadable(instance))
      .map((config, index) => planInstance(config, index, route.id, health));

    const byPriority = new Map<number, PlannedInstance[]>();
    for (const instance of this.instances) {
      const priority = instance.config.priority ?? 0;
      const group = byPriority.get(priority) ?? [];
      group.push(instance);
      byPriority.set(priority, group);
    }
    this.groups = [...byPriority.entries()]
      .sort((a, b) => b[0] - a[0])
      .map(([, members]) => ({
        members,
        roundRobin: new SmoothWeightedRoundRobin(members.map((m) => m.weight)),
        ring:
          this.hashHeader === undefined
            ? undefined
            : new ConsistentHashRing(
                members.map((m) => m.name),
                members.map((m) => m.weight),
              ),
      }));
  }

  /** True when at least one instance can take traffic (weight > 0). */
  get hasCapacity(): boolean {
    return this.instances.some((instance) => instance.weight > 0);
  }

  /**
   * Next instance to try: untried instances of the highest group first (chash on `hashKey` when configured,
   * smooth weighted round robin otherwise), then lower groups. Instances whose circuit is open are skipped while
   * any untried healthy one is left; when none is, open ones are still tried rather than refusing the request.
   * `accept` filters instances (e.g. count_tokens needs an Anthropic one). Undefined: nothing left.
   */
  pick(
    tried: ReadonlySet<number>,
    hashKey: string | undefined,
    accept?: (instance: PlannedInstance) => boolean,
  ): PlannedInstance | undefined {
    const now = this.now();
    const healthy = this.pickWhere(
      hashKey,
      (m) => !tried.has(m.index) && (!accept || accept(m)) && m.breaker.allows(now),
    );
    if (healthy !== undefined) {
      healthy.breaker.acquire(now);
      return healthy;
    }
    return this.pickWhere(hashKey, (m) => !tried.has(m.index) && (!accept || accept(m)));
  }

  private pickWhere(
    hashKey: string | undefined,
    eligible: (member: PlannedInstance) => boolean,
  ): PlannedInstance | undefined {
    for (const group of this.groups) {
      const members = group.members;
      const chosen =
        group.ring !== undefined && hashKey !== undefined
          ? group.ring.pick(hashKey, (i) => eligible(members[i]))
          : group.roundRobin.pick((i) => eligible(members[i]));
      if (chosen !== -1) return members[chosen];
    }
    return undefined;
  }
}

function planInstance(
  config: InstanceConfig,
  index: number,
  routeId: string,
  health: InstanceHealthRegistry,
): PlannedInstance {
  const base = {
    index,
    config,
    name: config.name,
    headerName: headerSafe(config.name),
    weight: config.weight ?? 1,
    target: {
      provider: config.provider,
      defaults: config.defaults,
      conversion: config.conversion,
    },
    breaker: health.breaker(routeId, config.name),
  };
  try {
    return { ...base, upstream: compileUpstream(config) };
  } catch (error) {
    return { ...base, compileError: error instanceof Error ? error.message : String(error) };
  }
}
