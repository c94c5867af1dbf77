import {
  clientErrorBody,
  isStreamErrorEvent,
  protocolGrammar,
  PROTOCOLS,
  StreamSignal,
  streamErrorStatusForType,
  type SseEvent,
} from './index';

describe('protocol grammars', () => {
  it('has one grammar per protocol', () => {
    for (const protocol of PROTOCOLS) expect(protocolGrammar(protocol).protocol).toBe(protocol);
  });

  it('writes gateway error bodies in the client protocol, carrying OpenAI param and code', () => {
    expect(
      clientErrorBody('openai-chat', 400, 'messages: required', { param: 'messages', code: 'missing' }),
    ).toEqual({
      error: {
        message: 'messages: required',
        type: 'invalid_request_error',
        param: 'messages',
        code: 'missing',
      },
    });
    expect(clientErrorBody('openai-chat', 429, 'slow down')).toEqual({
      error: { message: 'slow down', type: 'rate_limit_error', param: null, code: 'rate_limit_exceeded' },
    });
    expect(clientErrorBody('anthropic-messages', 529, 'busy', { param: 'x' })).toEqual({
      type: 'error',
      error: { type: 'overloaded_error', message: 'busy' },
    });
  });

  it('writes in-stream error events in each protocol', () => {
    expect(protocolGrammar('openai-chat').streamErrorEvents(504, 'late')).toEqual([
      { data: '{"error":{"message":"late","type":"timeout_error","param":null,"code":"timeout"}}' },
      { data: '[DONE]' },
    ]);
    expect(protocolGrammar('anthropic-messages').streamErrorEvents(500, 'cut')).toEqual([
      { event: 'error', data: '{"type":"error","error":{"type":"api_error","message":"cut"}}' },
    ]);
  });

  it.each<[string, SseEvent, boolean]>([
    ['openai-chat', { data: '{"error":{"message":"x","type":"server_error"}}' }, true],
    ['openai-chat', { data: '{"id":"c","error":{"message":"x"},"choices":[]}' }, true],
    ['openai-chat', { event: 'error', data: 'plain text' }, true],
    ['openai-chat', { data: '{"id":"c","error":null,"choices":[]}' }, false],
    ['openai-chat', { data: '{"choices":[{"delta":{"content":"\\"error\\": {\\"x\\"}"}}]}' }, false],
    ['openai-chat', { data: '[DONE]' }, false],
    ['anthropic-messages', { event: 'error', data: '{"type":"error","error":{}}' }, true],
    ['anthropic-messages', { data: '{"type":"error","error":{}}' }, true],
    ['anthropic-messages', { event: 'content_block_delta', data: '{"type":"content_block_delta"}' }, false],
  ])('%s: %j is an in-stream error: %s', (protocol, event, expected) => {
    expect(isStreamErrorEvent(protocol as 'openai-chat', event)).toBe(expected);
  });

  it.each<[string | undefined, number]>([
    ['overloaded_error', 529],
    ['rate_limit_error', 429],
    ['timeout_error', 504],
    ['api_error', 500],
    ['rate_limit_exceeded', 429],
    ['insufficient_quota', 402],
    ['server_error', 500],
    [undefined, 500],
  ])('in-stream error type %s stands for %i', (type, status) => {
    expect(streamErrorStatusForType(type)).toBe(status);
  });

  it('reads usage and model of non-stream bodies', () => {
    const openAi = protocolGrammar('openai-chat');
    expect(
      openAi.usageFromBody({
        usage: {
          prompt_tokens: 100,
          completion_tokens: 50,
          prompt_tokens_details: { cached_tokens: 60 },
          completion_tokens_details: { reasoning_tokens: 20 },
        },
      }),
    ).toEqual({
      input_tokens: 40,
      output_tokens: 50,
      cache_read_input_tokens: 60,
      cache_creation_input_tokens: 0,
      reasoning_tokens: 20,
    });
    expect(openAi.modelFromBody({ model: '' })).toBeUndefined();
    const anthropic = protocolGrammar('anthropic-messages');
    expect(
      anthropic.usageFromBody({
        usage: {
          input_tokens: 5,
          output_tokens: 9,
          cache_read_input_tokens: null,
          output_tokens_details: { thinking_tokens: 4 },
        },
      }),
    ).toEqual({
      input_tokens: 5,
      output_tokens: 9,
      cache_read_input_tokens: 0,
      cache_creation_input_tokens: 0,
      reasoning_tokens: 4,
    });
    expect(anthropic.modelFromBody({ model: 'claude-x' })).toBe('claude-x');
  });

  it('watches a stream: model, first token, usage, end', () => {
    const watcher = protocolGrammar('openai-chat').createStreamWatcher();
    const signals = [
      { data: '{"choices":[],"model":"","prompt_filter_results":[]}' },
      { data: '{"id":"c","model":"gpt-4o","choices":[{"index":0,"delta":{"content":"Hi"}}]}' },
      { data: '{"id":"c","model":"gpt-4o","choices":[],"usage":{"prompt_tokens":3,"completion_tokens":1}}' },
      { data: '[DONE]' },
    ].map((event) => watcher.observe(event));
    expect(signals).toEqual([
      StreamSignal.Continue,
      StreamSignal.Continue,
      StreamSignal.Continue,
      StreamSignal.Terminated,
    ]);
    expect(watcher.model).toBe('gpt-4o');
    expect(watcher.firstTokenSeen).toBe(true);
    expect(watcher.usage?.input_tokens).toBe(3);
    expect(watcher.endedCleanly).toBe(true);
  });
});
