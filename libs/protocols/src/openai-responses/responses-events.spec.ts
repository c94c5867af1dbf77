import { StreamSignal } from '../stream/stream-watcher';
import { openAiResponsesGrammar } from './responses.grammar';
import {
  decodeReasoningItemCarrier,
  decodeThinkingCarrier,
  encodeReasoningItemCarrier,
  encodeThinkingCarrier,
} from './reasoning-carrier';
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
    const watcher = openAiResponsesGrammar.createStreamWatcher();
    const delta = responsesStreamEvent({ type: 'response.output_text.delta', sequence_number: 3 });
    expect(watcher.observe(delta)).toBe(StreamSignal.Continue);
    expect(watcher.firstTokenSeen).toBe(true);
    expect(watcher.endedCleanly).toBe(false);
    expect(isResponsesStreamEnd({ data: '{"type":"response.completed","sequence_number":4}' })).toBe(true);
    const incomplete = responsesStreamEvent({
      type: 'response.incomplete',
      sequence_number: 4,
      response: {
        model: 'gpt-x',
        usage: {
          input_tokens: 10,
          input_tokens_details: { cached_tokens: 4 },
          output_tokens: 3,
          output_tokens_details: { reasoning_tokens: 2 },
        },
      },
    } as { type: string; sequence_number: number });
    expect(watcher.observe(incomplete)).toBe(StreamSignal.Terminated);
    expect(watcher.endedCleanly).toBe(true);
    expect(watcher.model).toBe('gpt-x');
    expect(watcher.usage).toEqual({
      input_tokens: 6,
      output_tokens: 3,
      cache_read_input_tokens: 4,
      cache_creation_input_tokens: 0,
      reasoning_tokens: 2,
    });
  });

  it('reports an upstream error event with its status', () => {
    const watcher = openAiResponsesGrammar.createStreamWatcher();
    const event = responsesErrorEvent(
      { type: 'rate_limit_error', code: 'rate_limit_exceeded', message: 'slow' },
      2,
    );
    expect(openAiResponsesGrammar.isStreamErrorEvent(event)).toBe(true);
    expect(watcher.observe(event)).toBe(StreamSignal.UpstreamError);
    expect(watcher.upstreamError).toEqual({ type: 'rate_limit_error', message: 'slow', status: 429 });
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

describe('reasoning item carrier', () => {
  it('round-trips an OpenAI reasoning item through an Anthropic signature', () => {
    const carried = encodeReasoningItemCarrier({ id: 'rs_1', encrypted_content: 'gAAAAB+/=' });
    expect(carried).toMatch(/^swbr1:[A-Za-z0-9_-]+$/);
    expect(decodeReasoningItemCarrier(carried)).toEqual({ id: 'rs_1', encrypted_content: 'gAAAAB+/=' });
    expect(decodeReasoningItemCarrier(encodeReasoningItemCarrier({ encrypted_content: 'b' }))).toEqual({
      encrypted_content: 'b',
    });
  });

  it('never decodes real Anthropic signatures, the thinking carrier or malformed values', () => {
    expect(decodeReasoningItemCarrier('EqQBCkgIBxABGAIiQ')).toBeUndefined();
    expect(decodeReasoningItemCarrier(encodeThinkingCarrier({ signature: 's' }))).toBeUndefined();
    expect(decodeReasoningItemCarrier('swbr1:!!!')).toBeUndefined();
    expect(decodeReasoningItemCarrier('swbr1:e30')).toBeUndefined();
    expect(decodeReasoningItemCarrier(undefined)).toBeUndefined();
  });
});
