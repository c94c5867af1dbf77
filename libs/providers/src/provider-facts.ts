import type { Protocol } from '@switchboard/protocols';
import type { AuthStyle } from './provider-driver';
import { getProviderDriver } from './provider-registry';

/** Every provider a route instance may name (the registry holds one driver per name). */
export const PROVIDER_NAMES = [
  'openai',
  'azure-openai',
  'openai-compatible',
  'deepseek',
  'anthropic',
  'anthropic-compatible',
] as const;
export type ProviderName = (typeof PROVIDER_NAMES)[number];

export function isProviderName(value: unknown): value is ProviderName {
  return (PROVIDER_NAMES as readonly unknown[]).includes(value);
}

/** What the route validator needs to know about a provider, without knowing any provider itself. */
export interface ProviderFacts {
  /** The protocol an instance speaks when it does not say. */
  readonly nativeProtocol: Protocol;
  /** Every protocol the provider serves, native first. */
  readonly protocols: readonly Protocol[];
  /** True when the provider has no public default origin, so `override.endpoint` is required. */
  readonly requiresEndpoint: boolean;
  /** The public origin used when an instance has no `override.endpoint`. */
  readonly defaultOrigin?: string;
  /** How the provider expects its key (the header an `auth.header` usually sets). */
  readonly authStyle: AuthStyle;
}

export function providerFacts(provider: ProviderName): ProviderFacts {
  const driver = getProviderDriver(provider);
  const spoken = Object.keys(driver.protocols) as Protocol[];
  return {
    nativeProtocol: driver.nativeProtocol,
    protocols: [driver.nativeProtocol, ...spoken.filter((protocol) => protocol !== driver.nativeProtocol)],
    requiresEndpoint: driver.defaultOrigin === undefined,
    defaultOrigin: driver.defaultOrigin,
    authStyle: driver.authStyle,
  };
}
