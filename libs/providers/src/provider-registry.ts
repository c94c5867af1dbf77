import { GatewayError, GatewayErrorCode } from '@switchboard/common/errors';
import { anthropicCompatibleDriver } from './drivers/anthropic-compatible.driver';
import { anthropicDriver } from './drivers/anthropic.driver';
import { azureOpenAiDriver } from './drivers/azure-openai.driver';
import { deepSeekDriver } from './drivers/deepseek.driver';
import { openAiCompatibleDriver } from './drivers/openai-compatible.driver';
import { openAiDriver } from './drivers/openai.driver';
import type { ProviderDriver } from './provider-driver';

const DRIVERS: ReadonlyMap<string, ProviderDriver> = new Map(
  [
    openAiDriver,
    azureOpenAiDriver,
    openAiCompatibleDriver,
    deepSeekDriver,
    anthropicDriver,
    anthropicCompatibleDriver,
  ].map((driver) => [driver.name, driver]),
);

export function providerDrivers(): ProviderDriver[] {
  return [...DRIVERS.values()];
}

export function getProviderDriver(provider: string): ProviderDriver {
  const driver = DRIVERS.get(provider);
  if (driver === undefined) {
    throw new GatewayError(GatewayErrorCode.INTERNAL, `unknown provider '${provider}'`);
  }
  return driver;
}
