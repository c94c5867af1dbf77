import { GatewayError } from '@switchboard/common/errors';
import { resolveEndpoint } from './endpoint-resolver';
import { getProviderDriver } from './provider-registry';

const resolve = (
  provider: string,
  protocol: 'openai-chat' | 'anthropic-messages' | 'openai-responses',
  endpoint?: string,
  query = {},
) => resolveEndpoint(getProviderDriver(provider), protocol, endpoint, query);

describe('resolveEndpoint', () => {
  it.each([
    ['openai', 'openai-chat', 'https://api.openai.com/v1/chat/completions'],
    ['deepseek', 'openai-chat', 'https://api.deepseek.com/chat/completions'],
    ['anthropic', 'anthropic-messages', 'https://api.anthropic.com/v1/messages'],
    ['openai', 'openai-responses', 'https://api.openai.com/v1/responses'],
  ] as const)('uses the %s default %s endpoint without an override', (provider, protocol, url) => {
    expect(resolve(provider, protocol).url).toBe(url);
  });

  it('appends the provider default path to a scheme+host[:port] endpoint', () => {
    expect(resolve('openai-compatible', 'openai-chat', 'http://127.0.0.1:9000').url).toBe(
      'http://127.0.0.1:9000/v1/chat/completions',
    );
    expect(resolve('anthropic-compatible', 'anthropic-messages', 'http://127.0.0.1:9000/').url).toBe(
      'http://127.0.0.1:9000/v1/messages',
    );
    expect(resolve('deepseek', 'openai-chat', 'https://proxy.example').url).toBe(
      'https://proxy.example/chat/completions',
    );
  });

  it('keeps a path that already ends in the operation', () => {
    const foundry = 'https://res.services.ai.azure.com/anthropic/v1/messages';
    expect(resolve('anthropic', 'anthropic-messages', foundry).url).toBe(foundry);
    const azure =
      'https://r.openai.azure.com/openai/deployments/gpt4/chat/completions?api-version=2024-10-21';
    const resolved = resolve('azure-openai', 'openai-chat', azure);
    expect(resolved.url).toBe(azure);
    expect(resolved.origin).toBe('https://r.openai.azure.com');
    expect(resolved.path).toBe('/openai/deployments/gpt4/chat/completions?api-version=2024-10-21');
  });

  it('resolves the three endpoint forms for openai-responses', () => {
    expect(resolve('openai-compatible', 'openai-responses', 'http://127.0.0.1:9000').url).toBe(
      'http://127.0.0.1:9000/v1/responses',
    );
    expect(resolve('openai-compatible', 'openai-responses', 'http://127.0.0.1:9000/v1').url).toBe(
      'http://127.0.0.1:9000/v1/responses',
    );
    const azure = 'https://r.openai.azure.com/openai/v1/responses?api-version=preview';
    expect(resolve('azure-openai', 'openai-responses', azure).url).toBe(azure);
  });

  it('treats any other path as an SDK base URL', () => {
    expect(
      resolve('anthropic', 'anthropic-messages', 'https://res.services.ai.azure.com/anthropic/').url,
    ).toBe('https://res.services.ai.azure.com/anthropic/v1/messages');
    expect(
      resolve('anthropic', 'anthropic-messages', 'https://res.services.ai.azure.com/anthropic').url,
    ).toBe('https://res.services.ai.azure.com/anthropic/v1/messages');
    expect(resolve('openai-compatible', 'openai-chat', 'http://localhost:8000/v1').url).toBe(
      'http://localhost:8000/v1/chat/completions',
    );
    expect(resolve('openai', 'openai-chat', 'https://gw.example/openai/v1/').url).toBe(
      'https://gw.example/openai/v1/chat/completions',
    );
  });

  it('merges auth.query into the endpoint query', () => {
    const resolved = resolve(
      'azure-openai',
      'openai-chat',
      'https://r.openai.azure.com/openai/deployments/d/chat/completions?api-version=1',
      { key: 'a b' },
    );
    expect(resolved.path).toBe('/openai/deployments/d/chat/completions?api-version=1&key=a+b');
  });

  it('derives count_tokens from the /messages path, keeping the query', () => {
    expect(resolve('anthropic', 'anthropic-messages').countTokensPath).toBe('/v1/messages/count_tokens');
    expect(
      resolve('anthropic', 'anthropic-messages', 'https://h.example/anthropic/v1/messages?x=1')
        .countTokensPath,
    ).toBe('/anthropic/v1/messages/count_tokens?x=1');
    expect(resolve('openai', 'openai-chat').countTokensPath).toBeUndefined();
  });

  it('refuses providers that need an endpoint, unknown protocols and bad URLs', () => {
    expect(() => resolve('openai-compatible', 'openai-chat')).toThrow(GatewayError);
    expect(() => resolve('anthropic-compatible', 'openai-chat', 'http://h')).toThrow(/does not speak/);
    expect(() => resolve('openai-compatible', 'openai-chat', 'not a url')).toThrow(/not a URL/);
    expect(() => resolve('openai-compatible', 'openai-chat', 'ftp://h/x')).toThrow(/http/);
  });
});
