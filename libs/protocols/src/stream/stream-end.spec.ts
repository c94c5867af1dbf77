import { createStreamEndTracker, hasOpenAiFinishReason } from './stream-end';

describe('stream end rules', () => {
  it('Anthropic ends only at message_stop', () => {
    const t = createStreamEndTracker('anthropic-messages');
    expect(
      t.observe({
        event: 'message_delta',
        data: '{"type":"message_delta","delta":{"stop_reason":"end_turn"}}',
      }),
    ).toBe(false);
    expect(t.observe({ event: 'content_block_delta', data: '{"text":"message_stop"}' })).toBe(false);
    expect(t.observe({ event: 'message_stop', data: '{"type":"message_stop"}' })).toBe(true);
    expect(t.terminated).toBe(true);
  });

  it('OpenAI ends at [DONE], or counts as ended after a finish_reason', () => {
    const a = createStreamEndTracker('openai-chat');
    expect(
      a.observe({
        data: '{"choices":[{"delta":{"content":"\\"finish_reason\\":\\"x"},"finish_reason":null}]}',
      }),
    ).toBe(false);
    expect(a.observe({ data: '{"choices":[{"delta":{},"finish_reason": "stop"}]}' })).toBe(true);
    expect(a.terminated).toBe(false);
    const b = createStreamEndTracker('openai-chat');
    expect(b.observe({ data: '[DONE]' })).toBe(true);
    expect(b.terminated).toBe(true);
  });

  it('finish_reason null does not count', () => {
    expect(hasOpenAiFinishReason('{"finish_reason":null}')).toBe(false);
  });
});
