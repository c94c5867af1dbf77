import { createStreamEndTracker } from '../stream/stream-end';
import { decodeThinkingCarrier, encodeThinkingCarrier } from './reasoning-carrier';
import { isResponsesStreamEnd, responsesErrorEvent, responsesStreamEvent } from './responses-events';

describe('Responses stream encoders', () => {
  it('names the event after data.type', () => {
    const event = responsesStreamEvent({ type: 'response.in_progress', sequence_number: 1 });
    expect(event.event).toBe('response.in_progress');
    expect(JSON.parse(event.data)).toEqual({ type: 'response.in_progress', sequence_number: 1 });
  });

  it('emits the error event flat and nested', () => {
    const event = responsesErrorEvent({ type: 'server_error', code: 'server_error', message: 'cut' }, 7);
    expect(JSON.parse(event.data)).toEqual({
      type: 'error',
      sequence_number: 7,
      code: 'server_error',
      message: 'cut',
      param: null,
      error: { type: 'server_error', code: 'server_error', message: 'cut', param: null },
    });
  });

  it('ends at a terminal lifecycle event or error, not before', () => {
    const tracker = createStreamEndTracker('openai-responses');
    expect(
      tracker.observe(responsesStreamEvent({ type: 'response.output_text.delta', sequence_number: 3 })),
    ).toBe(false);
    expect(isResponsesStreamEnd({ data: '{"type":"response.completed","sequence_number":4}' })).toBe(true);
    expect(tracker.observe(responsesStreamEvent({ type: 'response.incomplete', sequence_number: 4 }))).toBe(
      true,
    );
    expect(tracker.terminated).toBe(true);
  });
});

describe('thinking carrier', () => {
  it('round-trips a signature and redacted data', () => {
    expect(decodeThinkingCarrier(encodeThinkingCarrier({ signature: 'sig+/=' }))).toEqual({
      signature: 'sig+/=',
    });
    expect(decodeThinkingCarrier(encodeThinkingCarrier({ redacted: 'blob' }))).toEqual({ redacted: 'blob' });
  });

  it('ignores OpenAI blobs and malformed carriers', () => {
    expect(decodeThinkingCarrier('gAAAAABopaque')).toBeUndefined();
    expect(decodeThinkingCarrier('swb1:!!!')).toBeUndefined();
    expect(decodeThinkingCarrier(42)).toBeUndefined();
  });
});
