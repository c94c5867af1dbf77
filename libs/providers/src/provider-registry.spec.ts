import { getProviderDriver, providerDrivers } from './provider-registry';

describe('provider drivers', () => {
  it('declare the six providers with their native protocols', () => {
    const natives = Object.fromEntries(providerDrivers().map((d) => [d.name, d.nativeProtocol]));
    expect(natives).toEqual({
      openai: 'openai-chat',
      'azure-openai': 'openai-chat',
      'openai-compatible': 'openai-chat',
      deepseek: 'openai-chat',
      anthropic: 'anthropic-messages',
      'anthropic-compatible': 'anthropic-messages',
    });
  });

  it('require an endpoint exactly for the providers without a public default', () => {
    const withoutDefault = providerDrivers()
      .filter((d) => d.defaultOrigin === undefined)
      .map((d) => d.name)
      .sort();
    expect(withoutDefault).toEqual(['anthropic-compatible', 'azure-openai', 'openai-compatible']);
  });

  it('rejects an unknown provider', () => {
    expect(() => getProviderDriver('gemini')).toThrow(/unknown provider/);
  });
});
