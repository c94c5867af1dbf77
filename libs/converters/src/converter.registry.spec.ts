import { GatewayError, GatewayErrorCode } from '@switchboard/common/errors';
import { ConverterRegistry, findConverter } from './converter.registry';
import { anthropicIdentityConverter, openAiIdentityConverter } from './identity/identity.converter';

describe('converter registry', () => {
  it('finds a converter for every client/upstream pair, keyed from → to', () => {
    expect(findConverter('openai-chat', 'openai-chat')).toBe(openAiIdentityConverter);
    expect(findConverter('anthropic-messages', 'anthropic-messages')).toBe(anthropicIdentityConverter);
    const o2a = findConverter('openai-chat', 'anthropic-messages');
    expect([o2a.from, o2a.to]).toEqual(['openai-chat', 'anthropic-messages']);
    const a2o = findConverter('anthropic-messages', 'openai-chat');
    expect([a2o.from, a2o.to]).toEqual(['anthropic-messages', 'openai-chat']);
    const a2r = findConverter('anthropic-messages', 'openai-responses');
    expect([a2r.from, a2r.to]).toEqual(['anthropic-messages', 'openai-responses']);
  });

  it('marks only identity converters as passthrough', () => {
    expect(findConverter('openai-chat', 'openai-chat').passthrough).toBe(true);
    expect(findConverter('openai-chat', 'anthropic-messages').passthrough).toBeFalsy();
  });

  it('throws UNSUPPORTED_CONVERSION for a missing pair', () => {
    const registry = new ConverterRegistry([openAiIdentityConverter]);
    expect(registry.has('openai-chat', 'openai-chat')).toBe(true);
    let caught: unknown;
    try {
      registry.find('anthropic-messages', 'openai-chat');
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(GatewayError);
    expect((caught as GatewayError).code).toBe(GatewayErrorCode.UNSUPPORTED_CONVERSION);
  });
});
