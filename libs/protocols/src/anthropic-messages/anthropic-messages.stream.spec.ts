import fc from 'fast-check';
import { encodeAnthropicEvent } from './anthropic-messages.stream';
import type { AnthropicStreamEvent as AnthropicEventOut } from './anthropic-messages.types';

describe('encodeAnthropicEvent', () => {
  it('writes a text delta exactly as JSON.stringify of the event would (property)', () => {
    fc.assert(
      fc.property(fc.nat({ max: 1000 }), fc.string({ unit: 'binary', maxLength: 40 }), (index, text) => {
        const event: AnthropicEventOut = {
          type: 'content_block_delta',
          index,
          delta: { type: 'text_delta', text },
        };
        expect(encodeAnthropicEvent(event)).toEqual({
          event: 'content_block_delta',
          data: JSON.stringify(event),
          singleLine: true,
        });
      }),
      { numRuns: 300 },
    );
  });

  it('serialises every other event as a whole', () => {
    const event: AnthropicEventOut = {
      type: 'content_block_delta',
      index: 2,
      delta: { type: 'thinking_delta', thinking: 'hm "x"' },
    };
    expect(encodeAnthropicEvent(event)).toEqual({
      event: 'content_block_delta',
      data: JSON.stringify(event),
      singleLine: true,
    });
    expect(encodeAnthropicEvent({ type: 'message_stop' })).toEqual({
      event: 'message_stop',
      data: '{"type":"message_stop"}',
      singleLine: true,
    });
  });
});
