import type { GatewayError } from '@switchboard/common/errors';
import type { CatalogueState, MissingCapability } from '@switchboard/catalogue';
import { CapabilityGate, noCapableInstanceError } from '../catalogue/capability-gate';
import type { ClientCall } from '../intake/client-call';
import type { PlannedInstance, RoutePlan } from '../routing/route-plan';
import type { AttemptLedger } from './attempt-ledger';

/**
 * The capability step of the fallback loop: an instance whose model cannot serve the request is passed over
 * (recorded once in the ledger as a skipped attempt) in favour of the next one that can.
 */
export class CapabilitySkips {
  private readonly skipped = new Map<string, MissingCapability>();

  private constructor(
    private readonly gate: CapabilityGate,
    private readonly ledger: AttemptLedger,
  ) {}

  /** Undefined when there is nothing to check: no catalogue, the route turned it off, or count_tokens. */
  static forRequest(
    catalogue: CatalogueState | undefined,
    plan: RoutePlan,
    call: ClientCall,
    ledger: AttemptLedger,
  ): CapabilitySkips | undefined {
    if (catalogue === undefined || !plan.capabilityRouting || call.endpoint === 'count_tokens')
      return undefined;
    return new CapabilitySkips(new CapabilityGate(catalogue, call.protocol, call.body, call.model), ledger);
  }

  /** The balancer's filter: true when the instance can serve the request. */
  readonly accept = (instance: PlannedInstance): boolean => {
    const missing = this.gate.missing(instance);
    if (missing === undefined) return true;
    if (!this.skipped.has(instance.name)) {
      this.skipped.set(instance.name, missing);
      this.ledger.skipped(instance, `capability:${missing}`, performance.now());
    }
    return false;
  };

  /** The 400 when instances were passed over and none was tried; undefined when nothing was skipped. */
  noneCapable(route: string): GatewayError | undefined {
    return this.skipped.size === 0 ? undefined : noCapableInstanceError(route, this.skipped);
  }
}
