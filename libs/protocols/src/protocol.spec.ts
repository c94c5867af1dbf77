import { isProtocol } from './protocol';

describe('isProtocol', () => {
  it('accepts the three wire protocols and nothing else', () => {
    expect(isProtocol('openai-chat')).toBe(true);
    expect(isProtocol('anthropic-messages')).toBe(true);
    expect(isProtocol('openai-responses')).toBe(true);
    expect(isProtocol('openai-completions')).toBe(false);
    expect(isProtocol(undefined)).toBe(false);
  });
});
