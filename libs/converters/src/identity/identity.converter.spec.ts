import { GatewayError, GatewayErrorCode } from '@switchboard/common/errors';
import { encodeSseEvent, type SseEvent } from '@switchboard/protocols';
import { concat, from, lastValueFrom, type Observable, throwError, toArray } from 'rxjs';
import type { TokenUsage } from '../converter.interface';
import { anthropicIdentityConverter, openAiIdentityConverter } from './identity.converter';

const clock = { newId: () => 'id1', now: () => 1_767_225_600_000 };

interface Run {
  events: SseEvent[];
  error?: unknown;
  usage: TokenUsage[];
  firstTokens: number;
}

async function run(converter: typeof openAiIdentityConverter, source: Observable<SseEvent>): Promise<Run> {
  const events: SseEvent[] = [];
  const usage: TokenUsage[] = [];
  let firstTokens = 0;
  const hooks = { onUsage: (u: TokenUsage) => usage.push(u), onFirstToken: () => (firstTokens += 1) };
  return new Promise((resolve) => {
    source.pipe(converter.convertStream({}, clock, hooks)).subscribe({
      next: (e) => events.push(e),
      error: (error: unknown) => resolve({ events, error, usage, firstTokens }),
      complete: () => resolve({ events, usage, firstTokens }),
    });
  });
}

const anthropicEvents: SseEvent[] = [
  {
    event: 'message_start',
    data: '{"type":"message_start","message":{"id":"msg_1","type":"message","role":"assistant","content":[],"model":"claude","stop_reason":null,"stop_sequence":null,"usage":{"input_tokens":10,"cache_read_input_tokens":5,"output_tokens":1}}}',
  },
  {
    event: 'content_block_start',
    data: '{"type":"content_block_start","index":0,"content_block":{"type":"text","text":""}}',
  },
  {
    event: 'content_block_delta',
    data: '{"type":"content_block_delta","index":0,"delta":{"type":"text_delta","text":"Hi"}}',
  },
  { event: 'content_block_stop', data: '{"type":"content_block_stop","index":0}' },
  {
    event: 'message_delta',
    data: '{"type":"message_delta","delta":{"stop_reason":"end_turn","stop_sequence":null},"usage":{"output_tokens":7}}',
  },
  { event: 'message_stop', data: '{"type":"message_stop"}' },
];

const openAiEvents: SseEvent[] = [
  {
    data: '{"id":"c1","object":"chat.completion.chunk","created":1,"model":"gpt","choices":[{"index":0,"delta":{"role":"assistant","content":""},"finish_reason":null}]}',
  },
  {
    data: '{"id":"c1","object":"chat.completion.chunk","created":1,"model":"gpt","choices":[{"index":0,"delta":{"content":"Hi"},"finish_reason":null}]}',
  },
  {
    data: '{"id":"c1","object":"chat.completion.chunk","created":1,"model":"gpt","choices":[{"index":0,"delta":{},"finish_reason":"stop"}]}',
  },
  {
    data: '{"id":"c1","object":"chat.completion.chunk","created":1,"model":"gpt","choices":[],"usage":{"prompt_tokens":30,"completion_tokens":4,"total_tokens":34,"prompt_tokens_details":{"cached_tokens":20}}}',
  },
  { data: '[DONE]' },
];

describe('identity converters', () => {
  it('pass requests and responses through unchanged', () => {
    const body = { model: 'x', messages: [], vendor_field: { a: 1 } };
    expect(openAiIdentityConverter.convertRequest(body, { provider: 'openai' }, clock).body).toBe(body);
    const usage: TokenUsage[] = [];
    const response = {
      id: 'msg',
      usage: { input_tokens: 3, output_tokens: 4, cache_read_input_tokens: null },
    };
    expect(
      anthropicIdentityConverter.convertResponse(response, {}, clock, { onUsage: (u) => usage.push(u) }),
    ).toBe(response);
    expect(usage).toEqual([
      { input_tokens: 3, output_tokens: 4, cache_read_input_tokens: 0, cache_creation_input_tokens: 0 },
    ]);
  });

  it('rejects a non-object response body with a GatewayError', () => {
    expect(() => openAiIdentityConverter.convertResponse('oops', {}, clock)).toThrow(GatewayError);
  });

  it('forwards an Anthropic stream byte-for-byte and reports usage and first token', async () => {
    const result = await run(anthropicIdentityConverter, from(anthropicEvents));
    expect(result.error).toBeUndefined();
    expect(result.events.map(encodeSseEvent).join('')).toBe(anthropicEvents.map(encodeSseEvent).join(''));
    expect(result.usage).toEqual([
      { input_tokens: 10, output_tokens: 7, cache_read_input_tokens: 5, cache_creation_input_tokens: 0 },
    ]);
    expect(result.firstTokens).toBe(1);
  });

  it('forwards an OpenAI stream and reports usage net of cached tokens', async () => {
    const result = await run(openAiIdentityConverter, from(openAiEvents));
    expect(result.error).toBeUndefined();
    expect(result.events).toEqual(openAiEvents);
    expect(result.usage).toEqual([
      { input_tokens: 10, output_tokens: 4, cache_read_input_tokens: 20, cache_creation_input_tokens: 0 },
    ]);
    expect(result.firstTokens).toBe(1);
  });

  it('appends an Anthropic error event and raises UPSTREAM_STREAM_CUT when the stream stops before message_stop', async () => {
    const result = await run(anthropicIdentityConverter, from(anthropicEvents.slice(0, 3)));
    expect(result.events.slice(0, 3)).toEqual(anthropicEvents.slice(0, 3));
    expect(result.events[3]?.event).toBe('error');
    expect(JSON.parse(result.events[3]!.data)).toMatchObject({ type: 'error', error: { type: 'api_error' } });
    expect(result.events).toHaveLength(4);
    expect((result.error as GatewayError).code).toBe(GatewayErrorCode.UPSTREAM_STREAM_CUT);
  });

  it('appends an OpenAI error frame and [DONE] when an OpenAI stream is cut before a finish_reason', async () => {
    const result = await run(openAiIdentityConverter, from(openAiEvents.slice(0, 2)));
    expect(result.events.slice(2).map((e) => e.data)).toEqual([
      expect.stringMatching(
        /^\{"error":\{"message":".+","type":"server_error","param":null,"code":null\}\}$/,
      ),
      '[DONE]',
    ]);
    expect((result.error as GatewayError).code).toBe(GatewayErrorCode.UPSTREAM_STREAM_CUT);
  });

  it('treats an OpenAI close after a finish_reason as a normal end and adds [DONE]', async () => {
    const result = await run(openAiIdentityConverter, from(openAiEvents.slice(0, 4)));
    expect(result.error).toBeUndefined();
    expect(result.events.at(-1)).toEqual({ data: '[DONE]' });
    expect(result.usage).toHaveLength(1);
  });

  it('forwards an upstream in-stream error and then raises UPSTREAM_ERROR', async () => {
    const errorEvent = {
      event: 'error',
      data: '{"type":"error","error":{"type":"overloaded_error","message":"Overloaded"}}',
    };
    const result = await run(
      anthropicIdentityConverter,
      from([...anthropicEvents.slice(0, 2), errorEvent, anthropicEvents[5]!]),
    );
    expect(result.events.at(-1)).toBe(errorEvent);
    expect(result.events).toHaveLength(3);
    expect(result.error).toMatchObject({
      code: GatewayErrorCode.UPSTREAM_ERROR,
      upstreamType: 'overloaded_error',
    });

    const openAiError = {
      data: '{"id":"c1","error":{"message":"Provider disconnected","code":"server_error"},"choices":[]}',
    };
    const second = await run(openAiIdentityConverter, from([openAiEvents[0]!, openAiError]));
    expect(second.events.slice(1)).toEqual([openAiError, { data: '[DONE]' }]);
    expect(second.error).toMatchObject({
      code: GatewayErrorCode.UPSTREAM_ERROR,
      message: 'Provider disconnected',
    });
  });

  it('keeps a timeout raised by the source as the final error, after telling the client', async () => {
    const timeout = new GatewayError(GatewayErrorCode.UPSTREAM_TIMEOUT, 'idle timeout');
    const result = await run(
      anthropicIdentityConverter,
      concat(
        from(anthropicEvents.slice(0, 2)),
        throwError(() => timeout),
      ),
    );
    expect(JSON.parse(result.events.at(-1)!.data)).toEqual({
      type: 'error',
      error: { type: 'timeout_error', message: 'idle timeout' },
    });
    expect(result.error).toBe(timeout);
  });

  it('ignores anything after the end marker', async () => {
    const result = await run(openAiIdentityConverter, from([...openAiEvents, openAiEvents[1]!]));
    expect(result.events).toEqual(openAiEvents);
    await expect(
      lastValueFrom(from(openAiEvents).pipe(openAiIdentityConverter.convertStream({}, clock), toArray())),
    ).resolves.toHaveLength(5);
  });

  it('rewrites error bodies only when they are not already in the protocol shape', () => {
    const openAiBody = { error: { message: 'bad', type: 'invalid_request_error', param: 'n', code: null } };
    expect(openAiIdentityConverter.convertError(400, openAiBody)).toEqual({ status: 400, body: openAiBody });
    expect(openAiIdentityConverter.convertError(502, '<html>Bad gateway</html>')).toEqual({
      status: 502,
      body: { error: { message: '<html>Bad gateway</html>', type: 'server_error', param: null, code: null } },
    });
    const anthropicBody = { type: 'error', error: { type: 'overloaded_error', message: 'Overloaded' } };
    expect(anthropicIdentityConverter.convertError(529, anthropicBody)).toEqual({
      status: 529,
      body: anthropicBody,
    });
    expect(anthropicIdentityConverter.convertError(429, { message: 'slow down' })).toEqual({
      status: 429,
      body: { type: 'error', error: { type: 'rate_limit_error', message: 'slow down' } },
    });
  });

  it('reports the upstream model once, skipping Azure filter-only chunks with model ""', async () => {
    const models: string[] = [];
    const azureFilter: SseEvent = {
      data: '{"choices":[],"created":0,"id":"","model":"","object":"","prompt_filter_results":[{"prompt_index":0,"content_filter_results":{}}]}',
    };
    const openAi = from([azureFilter, ...openAiEvents]).pipe(
      openAiIdentityConverter.convertStream({}, clock, { onModel: (m) => models.push(m) }),
      toArray(),
    );
    await lastValueFrom(openAi);
    const anthropic = from(anthropicEvents).pipe(
      anthropicIdentityConverter.convertStream({}, clock, { onModel: (m) => models.push(m) }),
      toArray(),
    );
    await lastValueFrom(anthropic);
    expect(models).toEqual(['gpt', 'claude']);

    anthropicIdentityConverter.convertResponse({ model: 'claude-x', usage: {} }, {}, clock, {
      onModel: (m) => models.push(m),
    });
    openAiIdentityConverter.convertResponse({ model: '', usage: {} }, {}, clock, {
      onModel: (m) => models.push(m),
    });
    expect(models).toEqual(['gpt', 'claude', 'claude-x']);
  });

  it('carries the status an in-stream error stands for on the raised GatewayError', async () => {
    const overloaded = {
      event: 'error',
      data: '{"type":"error","error":{"type":"overloaded_error","message":"Overloaded"}}',
    };
    const anthropic = await run(anthropicIdentityConverter, from([anthropicEvents[0]!, overloaded]));
    expect(anthropic.error).toMatchObject({ upstreamStatus: 529, upstreamType: 'overloaded_error' });
    const rateLimited = {
      data: '{"error":{"message":"Too many requests","type":"rate_limit_exceeded","code":"429"}}',
    };
    const openAi = await run(openAiIdentityConverter, from([openAiEvents[0]!, rateLimited]));
    expect(openAi.error).toMatchObject({ upstreamStatus: 429, upstreamType: 'rate_limit_exceeded' });
  });

  it('reports reasoning tokens in usage when the upstream counts them', async () => {
    const withReasoning: SseEvent = {
      data: '{"id":"c1","object":"chat.completion.chunk","created":1,"model":"o4","choices":[],"usage":{"prompt_tokens":5,"completion_tokens":40,"total_tokens":45,"completion_tokens_details":{"reasoning_tokens":32}}}',
    };
    const result = await run(
      openAiIdentityConverter,
      from([...openAiEvents.slice(0, 3), withReasoning, { data: '[DONE]' }]),
    );
    expect(result.usage).toEqual([
      {
        input_tokens: 5,
        output_tokens: 40,
        cache_read_input_tokens: 0,
        cache_creation_input_tokens: 0,
        reasoning_tokens: 32,
      },
    ]);
  });
});
