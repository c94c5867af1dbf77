import { GatewayError, GatewayErrorCode } from '@switchboard/common/errors';
import {
  canServe,
  describeMissing,
  requestNeeds,
  type CatalogueState,
  type ClientProtocol,
  type MissingCapability,
  type RequestNeeds,
} from '@switchboard/catalogue';
import type { PlannedInstance } from '../routing/route-plan';
import { resolveInstanceModel } from './attempt-model';

/**
 * Per request: which instances' models cannot serve what the request needs. Needs are read once, lazily;
 * each instance is judged once. Unknown models and unknown facts pass (today's behaviour).
 */
export class CapabilityGate {
  private needs: RequestNeeds | undefined;
  private readonly verdicts = new Map<number, MissingCapability | null>();

  constructor(
    private readonly catalogue: CatalogueState,
    private readonly protocol: ClientProtocol,
    private readonly body: Record<string, unknown>,
    private readonly clientModel: string,
  ) {}

  /** The capability the instance's model lacks for this request; undefined when it can serve it. */
  missing(instance: PlannedInstance): MissingCapability | undefined {
    let verdict = this.verdicts.get(instance.index);
    if (verdict === undefined) {
      this.needs ??= requestNeeds(this.protocol, this.body);
      const resolved = resolveInstanceModel(this.catalogue, instance, this.clientModel);
      const result = canServe(this.needs, resolved?.facts);
      verdict = result.ok ? null : result.missing;
      this.verdicts.set(instance.index, verdict);
    }
    return verdict ?? undefined;
  }
}

/** The 400 when every instance was passed over: what the request needs that none supports. */
export function noCapableInstanceError(
  route: string,
  skipped: ReadonlyMap<string, MissingCapability>,
): GatewayError {
  const missing = [...new Set(skipped.values())].map(describeMissing);
  const detail = [...skipped.entries()].map(([name, what]) => `${name}: ${what}`).join(', ');
  return new GatewayError(
    GatewayErrorCode.NO_CAPABLE_INSTANCE,
    `No instance of route '${route}' supports what this request needs: ${missing.join(', ')} (${detail}).`,
  );
}
