import { mergeAnthropicUsage, tokenUsageFromAnthropic } from './anthropic-messages.usage';

describe('Anthropic usage → TokenUsage', () => {
  it('keeps the 1-hour part of the cache writes when there is one', () => {
    expect(
      tokenUsageFromAnthropic({
        input_tokens: 10,
        output_tokens: 5,
        cache_read_input_tokens: 0,
        cache_creation_input_tokens: 300,
        cache_creation: { ephemeral_5m_input_tokens: 100, ephemeral_1h_input_tokens: 200 },
      }),
    ).toEqual({
      input_tokens: 10,
      output_tokens: 5,
      cache_read_input_tokens: 0,
      cache_creation_input_tokens: 300,
      cache_creation_1h_input_tokens: 200,
    });
  });

  it('leaves it out when no write was a 1-hour one', () => {
    const usage = tokenUsageFromAnthropic({
      input_tokens: 10,
      output_tokens: 5,
      cache_creation_input_tokens: 100,
      cache_creation: { ephemeral_5m_input_tokens: 100, ephemeral_1h_input_tokens: 0 },
    });
    expect(usage).not.toHaveProperty('cache_creation_1h_input_tokens');
  });

  it('keeps the message_start value when message_delta omits it (stream counters are cumulative)', () => {
    const start = tokenUsageFromAnthropic({
      input_tokens: 10,
      output_tokens: 1,
      cache_creation_input_tokens: 50,
      cache_creation: { ephemeral_1h_input_tokens: 50 },
    })!;
    expect(mergeAnthropicUsage(start, { output_tokens: 40 })).toMatchObject({
      output_tokens: 40,
      cache_creation_input_tokens: 50,
      cache_creation_1h_input_tokens: 50,
    });
  });
});
