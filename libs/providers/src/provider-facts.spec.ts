import { PROVIDER_NAMES, providerFacts } from './provider-facts';
import { providerDrivers } from './provider-registry';

describe('providerFacts', () => {
  it('has a driver for every provider name and a name for every driver', () => {
    expect(
      providerDrivers()
        .map((driver) => driver.name)
        .sort(),
    ).toEqual([...PROVIDER_NAMES].sort());
  });

  it('states protocols (native first), the endpoint requirement and the auth convention', () => {
    expect(providerFacts('anthropic')).toEqual({
      nativeProtocol: 'anthropic-messages',
      protocols: ['anthropic-messages', 'openai-chat'],
      requiresEndpoint: false,
      defaultOrigin: 'https://api.anthropic.com',
      authStyle: 'x-api-key',
    });
    expect(providerFacts('azure-openai')).toMatchObject({
      nativeProtocol: 'openai-chat',
      protocols: ['openai-chat', 'openai-responses'],
      requiresEndpoint: true,
      authStyle: 'api-key',
    });
    expect(providerFacts('openai-compatible').requiresEndpoint).toBe(true);
    expect(providerFacts('anthropic-compatible').requiresEndpoint).toBe(true);
    expect(providerFacts('deepseek').requiresEndpoint).toBe(false);
  });
});
