import type { Protocol } from '@switchboard/protocols';
import { resolveEndpoint, type ResolvedEndpoint } from './endpoint-resolver';
import { getProviderDriver } from './provider-registry';
import type { ProviderDriver } from './provider-driver';
import { compileHeaderTemplate, type UpstreamHeaderTemplate } from './upstream-headers';

/** The instance fields the data plane needs to reach an upstream (a subset of the routes lib's InstanceConfig). */
export interface InstanceTarget {
  name: string;
  provider: string;
  protocol: Protocol;
  auth: { header: Record<string, string>; query: Record<string, string> };
  override: { endpoint?: string };
}

/** Everything about reaching one instance that does not depend on the request. */
export interface CompiledUpstream {
  readonly driver: ProviderDriver;
  readonly protocol: Protocol;
  readonly endpoint: ResolvedEndpoint;
  readonly headers: UpstreamHeaderTemplate;
  readonly removeModel: boolean;
}

export function compileUpstream(instance: InstanceTarget): CompiledUpstream {
  const driver = getProviderDriver(instance.provider);
  const protocol = instance.protocol ?? driver.nativeProtocol;
  return {
    driver,
    protocol,
    endpoint: resolveEndpoint(driver, protocol, instance.override?.endpoint, instance.auth?.query ?? {}),
    headers: compileHeaderTemplate(protocol, instance.auth?.header ?? {}),
    // Azure's Responses API names the deployment in the body's `model`, not in the URL.
    removeModel: driver.removeModel && protocol !== 'openai-responses',
  };
}
