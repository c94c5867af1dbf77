import { GatewayError, GatewayErrorCode } from '@switchboard/common/errors';
import { validateAnthropicRequest } from '@switchboard/testing/anthropic-request.validator';
import type { UpstreamTarget } from '../converter.interface';
import { fixedClock } from '../testing/fixed-clock';
import { readMemo } from './conversion-memo';
import { mapRequest } from './request.mapper';

const target: UpstreamTarget = { provider: 'anthropic' };

function convert(body: Record<string, unknown>, t: UpstreamTarget = target) {
  const result = mapRequest({ model: 'claude-sonnet-4-5', ...body }, t, fixedClock());
  expect(validateAnthropicRequest(result.body)).toEqual([]);
  // Tests walk the converted body freely; its shape is checked by the strict validator above.
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  return { body: result.body as Record<string, any>, memo: readMemo(result.memo) };
}

function errorOf(body: Record<string, unknown>): GatewayError {
  try {
    mapRequest({ model: 'm', ...body }, target, fixedClock());
  } catch (error) {
    if (error instanceof GatewayError) return error;
    throw error;
  }
  throw new Error('expected a GatewayError');
}

const user = (content: unknown) => ({ role: 'user', content });

describe('OpenAI → Anthropic request', () => {
  it('converts the worked example of conversion-spec §2.8', () => {
    const { body, memo } = convert({
      stream: true,
      stream_options: { include_usage: true },
      temperature: 1.4,
      stop: ['\n', 'END'],
      parallel_tool_calls: false,
      user: 'u-123',
      messages: [
        { role: 'system', content: 'You are terse.' },
        user([
          { type: 'text', text: 'Weather in Paris and Rome?' },
          { type: 'image_url', image_url: { url: 'data:image/png;base64,iVBOR' } },
        ]),
        {
          role: 'assistant',
          content: null,
          tool_calls: [
            {
              id: 'call_1',
              type: 'function',
              function: { name: 'get_weather', arguments: '{"city":"Paris"}' },
            },
            {
              id: 'call_2',
              type: 'function',
              function: { name: 'get_weather', arguments: '{"city":"Rome"}' },
            },
          ],
        },
        { role: 'tool', tool_call_id: 'call_1', content: '18C' },
        { role: 'tool', tool_call_id: 'call_2', content: '22C' },
        { role: 'developer', content: 'Answer in one line.' },
      ],
      tools: [
        {
          type: 'function',
          function: {
            name: 'get_weather',
            parameters: { type: 'object', properties: { city: { type: 'string' } }, required: ['city'] },
          },
        },
      ],
      tool_choice: 'auto',
    });
    expect(body).toEqual({
      model: 'claude-sonnet-4-5',
      max_tokens: 4096,
      stream: true,
      temperature: 1,
      stop_sequences: ['END'],
      metadata: { user_id: 'u-123' },
      system: [
        { type: 'text', text: 'You are terse.' },
        { type: 'text', text: 'Answer in one line.' },
      ],
      messages: [
        {
          role: 'user',
          content: [
            { type: 'text', text: 'Weather in Paris and Rome?' },
            { type: 'image', source: { type: 'base64', media_type: 'image/png', data: 'iVBOR' } },
          ],
        },
        {
          role: 'assistant',
          content: [
            { type: 'tool_use', id: 'call_1', name: 'get_weather', input: { city: 'Paris' } },
            { type: 'tool_use', id: 'call_2', name: 'get_weather', input: { city: 'Rome' } },
          ],
        },
        {
          role: 'user',
          content: [
            { type: 'tool_result', tool_use_id: 'call_1', content: '18C' },
            { type: 'tool_result', tool_use_id: 'call_2', content: '22C' },
          ],
        },
      ],
      tools: [
        {
          name: 'get_weather',
          input_schema: { type: 'object', properties: { city: { type: 'string' } }, required: ['city'] },
        },
      ],
      tool_choice: { type: 'auto', disable_parallel_tool_use: true },
    });
    expect(memo.includeUsage).toBe(true);
  });

  it('hoists system and developer messages from anywhere, skipping empty ones', () => {
    const { body } = convert({
      messages: [
        {
          role: 'developer',
          content: [
            { type: 'text', text: 'A' },
            { type: 'text', text: '  ' },
          ],
        },
        user('hi'),
        { role: 'assistant', content: 'hello' },
        { role: 'system', content: 'B' },
        { role: 'system', content: '' },
        user('again'),
      ],
    });
    expect(body.system).toEqual([
      { type: 'text', text: 'A' },
      { type: 'text', text: 'B' },
    ]);
    expect(body.messages.map((m: { role: string }) => m.role)).toEqual(['user', 'assistant', 'user']);
  });

  it.each<[Record<string, unknown>, UpstreamTarget, number]>([
    [{ max_completion_tokens: 100, max_tokens: 50 }, target, 100],
    [{ max_tokens: 50 }, { provider: 'anthropic', defaults: { max_tokens: 8192 } }, 50],
    [{}, { provider: 'anthropic', defaults: { max_tokens: 8192 } }, 8192],
    [{}, target, 4096],
  ])('max_tokens from %j with %j → %i', (fields, t, expected) => {
    expect(convert({ ...fields, messages: [user('hi')] }, t).body.max_tokens).toBe(expected);
  });

  it('clamps max_tokens to the instance limit, keeping budget_tokens below it', () => {
    const limited = { provider: 'anthropic', conversion: { max_tokens_limit: 8000 } };
    expect(convert({ max_tokens: 100_000, messages: [user('hi')] }, limited).body.max_tokens).toBe(8000);
    const thinking = convert(
      { max_tokens: 7000, reasoning_effort: 'max', messages: [user('hi')] },
      limited,
    ).body;
    expect(thinking).toMatchObject({ max_tokens: 8000, thinking: { type: 'enabled', budget_tokens: 4000 } });
    const tiny = convert(
      { reasoning_effort: 'high', messages: [user('hi')] },
      { provider: 'anthropic', conversion: { max_tokens_limit: 1500 } },
    ).body;
    expect(tiny.max_tokens).toBe(1500);
    expect(tiny).not.toHaveProperty('thinking');
  });

  it('rejects a non-positive max_tokens', () => {
    expect(errorOf({ max_tokens: 0, messages: [user('hi')] }).param).toBe('max_tokens');
  });

  it('clamps temperature and top_p to 0–1', () => {
    expect(convert({ temperature: 1.7, top_p: 2, messages: [user('hi')] }).body).toMatchObject({
      temperature: 1,
      top_p: 1,
    });
    expect(convert({ temperature: -1, messages: [user('hi')] }).body.temperature).toBe(0);
    expect(convert({ temperature: 0.3, messages: [user('hi')] }).body.temperature).toBe(0.3);
  });

  it('drops sampling parameters for models that deprecate or combine-reject them (per-instance options)', () => {
    const sampling = { temperature: 0.5, top_p: 0.5, top_k: 5, messages: [user('hi')] };
    const omitted = convert(sampling, {
      provider: 'anthropic',
      conversion: { omit_sampling_params: true },
    }).body;
    expect(omitted).not.toHaveProperty('temperature');
    expect(omitted).not.toHaveProperty('top_p');
    expect(omitted).not.toHaveProperty('top_k');
    const exclusive = convert(sampling, {
      provider: 'anthropic',
      conversion: { temperature_top_p_exclusive: true },
    }).body;
    expect(exclusive).toMatchObject({ temperature: 0.5, top_k: 5 });
    expect(exclusive).not.toHaveProperty('top_p');
    expect(convert(sampling).body).toMatchObject({ temperature: 0.5, top_p: 0.5, top_k: 5 });
  });

  it.each<[unknown, unknown]>([
    ['\n', undefined],
    [['\n', 'END'], ['END']],
    ['STOP', ['STOP']],
    [[' ', '\t'], undefined],
  ])('stop %j → stop_sequences %j', (stop, expected) => {
    expect(convert({ stop, messages: [user('hi')] }).body.stop_sequences).toEqual(expected);
  });

  it('rejects n > 1 with UNSUPPORTED_CONVERSION and param n', () => {
    const error = errorOf({ n: 2, messages: [user('hi')] });
    expect(error.code).toBe(GatewayErrorCode.UNSUPPORTED_CONVERSION);
    expect(error.param).toBe('n');
    expect(error.message).toMatch(/n > 1/);
    expect(convert({ n: 1, messages: [user('hi')] }).body).not.toHaveProperty('n');
  });

  it('drops fields without an Anthropic equivalent', () => {
    const { body } = convert({
      messages: [user('hi')],
      n: 1,
      stream_options: { include_usage: true },
      presence_penalty: 1,
      frequency_penalty: 1,
      logit_bias: { '1': 2 },
      logprobs: true,
      top_logprobs: 2,
      seed: 7,
      metadata: { a: 'b' },
      store: true,
      service_tier: 'flex',
      modalities: ['text'],
      audio: { voice: 'x' },
      prediction: { type: 'content', content: 'x' },
      verbosity: 'low',
      prompt_cache_key: 'k',
      web_search_options: {},
      extra_body: { x: 1 },
      user: 'someone@example.com',
    });
    expect(Object.keys(body).sort()).toEqual(['max_tokens', 'messages', 'model']);
  });

  it('maps tool_choice values and parallel_tool_calls', () => {
    const tools = [
      { type: 'function', function: { name: 'a' } },
      { type: 'function', function: { name: 'b' } },
    ];
    const choice = (tool_choice: unknown, extra: Record<string, unknown> = {}) =>
      convert({ messages: [user('hi')], tools, tool_choice, ...extra }).body.tool_choice;
    expect(choice('auto')).toEqual({ type: 'auto' });
    expect(choice('none')).toEqual({ type: 'none' });
    expect(choice('required')).toEqual({ type: 'any' });
    expect(choice({ type: 'function', function: { name: 'b' } })).toEqual({ type: 'tool', name: 'b' });
    expect(choice('required', { parallel_tool_calls: false })).toEqual({
      type: 'any',
      disable_parallel_tool_use: true,
    });
    expect(choice('none', { parallel_tool_calls: false })).toEqual({ type: 'none' });
    expect(choice(undefined, { parallel_tool_calls: false })).toEqual({
      type: 'auto',
      disable_parallel_tool_use: true,
    });
    const allowed = convert({
      messages: [user('hi')],
      tools,
      tool_choice: {
        type: 'allowed_tools',
        allowed_tools: { mode: 'required', tools: [{ type: 'function', function: { name: 'a' } }] },
      },
    }).body;
    expect(allowed.tools.map((t: { name: string }) => t.name)).toEqual(['a']);
    expect(allowed.tool_choice).toEqual({ type: 'any' });
    expect(convert({ messages: [user('hi')], tool_choice: 'auto' }).body).not.toHaveProperty('tool_choice');
    expect(
      errorOf({ messages: [user('hi')], tools, tool_choice: { type: 'function', function: { name: 'zzz' } } })
        .param,
    ).toBe('tool_choice');
  });

  it('maps tool definitions, defaulting missing parameters to an empty object schema', () => {
    const { body } = convert({
      messages: [user('hi')],
      tools: [
        {
          type: 'function',
          function: {
            name: 'a',
            description: 'does a',
            strict: true,
            parameters: {
              type: 'object',
              properties: { x: { type: 'number' } },
              additionalProperties: false,
            },
          },
        },
        { type: 'function', function: { name: 'b' } },
      ],
    });
    expect(body.tools).toEqual([
      {
        name: 'a',
        description: 'does a',
        strict: true,
        input_schema: { type: 'object', properties: { x: { type: 'number' } }, additionalProperties: false },
      },
      { name: 'b', input_schema: { type: 'object', properties: {} } },
    ]);
    expect(errorOf({ messages: [user('hi')], tools: [{ type: 'custom', custom: { name: 'x' } }] }).code).toBe(
      GatewayErrorCode.UNSUPPORTED_CONVERSION,
    );
  });

  it('turns tool_call arguments into input objects without ever dropping a tool_use', () => {
    const calls = ['', '{"a":1', '[1,2]', 'garbage'].map((args, i) => ({
      id: `c${i}`,
      type: 'function',
      function: { name: 'f', arguments: args },
    }));
    const { body } = convert({
      messages: [
        user('go'),
        { role: 'assistant', content: '', tool_calls: calls },
        ...calls.map((c) => ({ role: 'tool', tool_call_id: c.id, content: 'ok' })),
      ],
      tools: [{ type: 'function', function: { name: 'f' } }],
    });
    expect(body.messages[1].content.map((b: { input: unknown }) => b.input)).toEqual([
      {},
      { a: 1 },
      { value: [1, 2] },
      {},
    ]);
    expect(body.messages[2].content).toHaveLength(4);
  });

  it('merges consecutive tool results and following user text into one user turn, results first', () => {
    const { body } = convert({
      messages: [
        user('go'),
        {
          role: 'assistant',
          tool_calls: [
            { id: 'functions.Bash:0', type: 'function', function: { name: 'f', arguments: '{}' } },
            { id: 'b', type: 'function', function: { name: 'f', arguments: '{}' } },
          ],
        },
        { role: 'tool', tool_call_id: 'functions.Bash:0', content: [{ type: 'text', text: 'one' }] },
        { role: 'tool', tool_call_id: 'b', content: '' },
        user('and now?'),
        user([{ type: 'text', text: 'more' }]),
      ],
      tools: [{ type: 'function', function: { name: 'f' } }],
    });
    expect(body.messages[1].content[0].id).toBe('functions_Bash_0');
    expect(body.messages[2]).toEqual({
      role: 'user',
      content: [
        { type: 'tool_result', tool_use_id: 'functions_Bash_0', content: [{ type: 'text', text: 'one' }] },
        { type: 'tool_result', tool_use_id: 'b' },
        { type: 'text', text: 'and now?' },
        { type: 'text', text: 'more' },
      ],
    });
    expect(body.messages).toHaveLength(3);
  });

  it('answers an unanswered tool call and turns an orphan result into text', () => {
    const { body } = convert({
      messages: [
        user('go'),
        {
          role: 'assistant',
          tool_calls: [{ id: 'x', type: 'function', function: { name: 'f', arguments: '{}' } }],
        },
        user('never mind'),
        { role: 'tool', tool_call_id: 'ghost', content: 'late' },
      ],
      tools: [{ type: 'function', function: { name: 'f' } }],
    });
    expect(body.messages[2].content).toEqual([
      { type: 'tool_result', tool_use_id: 'x', content: '(no result)', is_error: true },
      { type: 'text', text: 'Tool result (ghost): late' },
      { type: 'text', text: 'never mind' },
    ]);
  });

  it('describes history tools when the request has no tools and forbids new calls', () => {
    const { body } = convert({
      messages: [
        user('go'),
        {
          role: 'assistant',
          tool_calls: [{ id: 'x', type: 'function', function: { name: 'f', arguments: '{}' } }],
        },
        { role: 'tool', tool_call_id: 'x', content: 'done' },
      ],
    });
    expect(body.tools).toEqual([
      { name: 'f', description: 'Tool used earlier in this conversation.', input_schema: { type: 'object' } },
    ]);
    expect(body.tool_choice).toEqual({ type: 'none' });
  });

  it('shortens tool names over 64 characters and remembers the original', () => {
    const long = `mcp__server__${'very_long_tool_name_'.repeat(4)}`;
    const { body, memo } = convert({
      messages: [user('go')],
      tools: [{ type: 'function', function: { name: long } }],
      tool_choice: { type: 'function', function: { name: long } },
    });
    const short = body.tools[0].name as string;
    expect(short.length).toBeLessThanOrEqual(64);
    expect(body.tool_choice).toEqual({ type: 'tool', name: short });
    expect(memo.toolNames).toEqual({ [short]: long });
  });

  it('maps content parts: images, PDFs, files; drops empty text; merges same-role turns', () => {
    const { body } = convert({
      messages: [
        user([
          { type: 'text', text: ' ' },
          { type: 'image_url', image_url: { url: 'https://example.com/cat.png', detail: 'high' } },
          { type: 'image_url', image_url: { url: 'data:application/pdf;base64,JVBERi0' } },
          { type: 'file', file: { file_data: 'data:application/pdf;base64,JVBERi1', filename: 'a.pdf' } },
          { type: 'file', file: { file_data: 'JVBERi2', filename: 'b.pdf' } },
        ]),
        user('second'),
        { role: 'assistant', content: '' },
        { role: 'assistant', content: [{ type: 'text', text: 'ok' }] },
        user('third'),
      ],
    });
    expect(body.messages[0].content).toEqual([
      { type: 'image', source: { type: 'url', url: 'https://example.com/cat.png' } },
      { type: 'document', source: { type: 'base64', media_type: 'application/pdf', data: 'JVBERi0' } },
      { type: 'document', source: { type: 'base64', media_type: 'application/pdf', data: 'JVBERi1' } },
      { type: 'document', source: { type: 'base64', media_type: 'application/pdf', data: 'JVBERi2' } },
      { type: 'text', text: 'second' },
    ]);
    expect(body.messages[1]).toEqual({ role: 'assistant', content: [{ type: 'text', text: 'ok' }] });
    expect(
      errorOf({ messages: [user([{ type: 'input_audio', input_audio: { data: 'x', format: 'wav' } }])] })
        .code,
    ).toBe(GatewayErrorCode.UNSUPPORTED_CONVERSION);
    expect(
      errorOf({
        messages: [user([{ type: 'image_url', image_url: { url: 'data:image/tiff;base64,AAAA' } }])],
      }).code,
    ).toBe(GatewayErrorCode.UNSUPPORTED_CONVERSION);
  });

  it('starts with a user turn and trims a trailing assistant prefill', () => {
    const { body } = convert({
      messages: [
        { role: 'assistant', content: 'Earlier' },
        user('hi'),
        { role: 'assistant', content: 'Sure: ' },
      ],
    });
    expect(body.messages[0]).toEqual({ role: 'user', content: [{ type: 'text', text: '...' }] });
    expect(body.messages[3]).toEqual({ role: 'assistant', content: [{ type: 'text', text: 'Sure:' }] });
  });

  it('rejects requests with nothing to send', () => {
    expect(errorOf({ messages: [{ role: 'system', content: 'only system' }] }).param).toBe('messages');
    expect(errorOf({ messages: [] }).param).toBe('messages');
    expect(errorOf({ messages: [{ role: 'wizard', content: 'x' }] }).code).toBe(
      GatewayErrorCode.INVALID_REQUEST,
    );
  });

  it('emulates response_format with a forced tool, or output_config when configured', () => {
    const schema = { type: 'object', properties: { a: { type: 'string' } }, required: ['a'] };
    const tool = convert({
      messages: [user('hi')],
      response_format: { type: 'json_schema', json_schema: { name: 's', schema } },
    });
    expect(tool.body.tools).toEqual([
      { name: 'json_response', description: 'Respond with a JSON object.', input_schema: schema },
    ]);
    expect(tool.body.tool_choice).toEqual({ type: 'tool', name: 'json_response' });
    expect(tool.memo.jsonTool).toBe('json_response');
    const object = convert({ messages: [user('hi')], response_format: { type: 'json_object' } });
    expect(object.body.tools[0].input_schema).toEqual({ type: 'object', additionalProperties: true });
    const wrapped = convert({
      messages: [user('hi')],
      response_format: { type: 'json_schema', json_schema: { name: 's', schema: { type: 'array' } } },
    });
    expect(wrapped.body.tools[0].input_schema).toEqual({
      type: 'object',
      properties: { value: { type: 'array' } },
      required: ['value'],
    });
    expect(wrapped.memo.jsonUnwrap).toBe(true);
    const native = convert(
      {
        messages: [user('hi')],
        response_format: { type: 'json_schema', json_schema: { name: 's', schema } },
      },
      { provider: 'anthropic', conversion: { json_mode: 'output_config' } },
    );
    expect(native.body.output_config).toEqual({ format: { type: 'json_schema', schema } });
    expect(native.body).not.toHaveProperty('tools');
    expect(convert({ messages: [user('hi')], response_format: { type: 'text' } }).body).not.toHaveProperty(
      'tools',
    );
  });

  it('maps reasoning_effort to thinking budgets and applies the thinking constraints', () => {
    const { body } = convert({
      messages: [user('hi')],
      reasoning_effort: 'high',
      max_tokens: 1000,
      temperature: 0.2,
      top_p: 0.5,
      tools: [{ type: 'function', function: { name: 'f' } }],
      tool_choice: 'required',
      response_format: { type: 'json_object' },
    });
    expect(body.thinking).toEqual({ type: 'enabled', budget_tokens: 4096 });
    expect(body.max_tokens).toBe(5096);
    expect(body).not.toHaveProperty('temperature');
    expect(body).not.toHaveProperty('top_p');
    expect(body.tool_choice).toEqual({ type: 'auto' });
    expect(convert({ messages: [user('hi')], reasoning_effort: 'none' }).body).not.toHaveProperty('thinking');
    const adaptive = convert(
      { messages: [user('hi')], reasoning_effort: 'minimal' },
      { provider: 'anthropic', conversion: { thinking_mode: 'adaptive' } },
    ).body;
    expect(adaptive).toMatchObject({ thinking: { type: 'adaptive' }, output_config: { effort: 'low' } });
    const custom = convert(
      { messages: [user('hi')], reasoning_effort: 'low', max_tokens: 20000 },
      { provider: 'anthropic', conversion: { reasoning_budgets: { low: 3000 } } },
    ).body;
    expect(custom).toMatchObject({ thinking: { budget_tokens: 3000 }, max_tokens: 20000 });
    expect(errorOf({ messages: [user('hi')], reasoning_effort: 'extreme' }).param).toBe('reasoning_effort');
  });

  it('round-trips reasoning sent back by the client as signed thinking blocks', () => {
    const history = [
      user('go'),
      {
        role: 'assistant',
        reasoning_content: 'I should call f.',
        thinking_blocks: [{ type: 'thinking', thinking: 'I should call f.', signature: 'sig-1' }],
        tool_calls: [{ id: 'x', type: 'function', function: { name: 'f', arguments: '{}' } }],
      },
      { role: 'tool', tool_call_id: 'x', content: 'done' },
    ];
    const tools = [{ type: 'function', function: { name: 'f' } }];
    const withThinking = convert({ messages: history, tools, reasoning_effort: 'low' }).body;
    expect(withThinking.thinking).toEqual({ type: 'enabled', budget_tokens: 1024 });
    expect(withThinking.messages[1].content[0]).toEqual({
      type: 'thinking',
      thinking: 'I should call f.',
      signature: 'sig-1',
    });
    const viaSignature = convert({
      messages: [
        user('go'),
        { role: 'assistant', content: 'ok', reasoning_content: 'hmm', reasoning_signature: 'sig-2' },
        user('next'),
      ],
      reasoning_effort: 'low',
    }).body;
    expect(viaSignature.messages[1].content[0]).toEqual({
      type: 'thinking',
      thinking: 'hmm',
      signature: 'sig-2',
    });
    // Without thinking enabled, earlier thinking blocks are removed.
    expect(convert({ messages: history, tools }).body.messages[1].content).toEqual([
      { type: 'tool_use', id: 'x', name: 'f', input: {} },
    ]);
    // Thinking requested but the last tool turn carries no thinking: thinking is left off rather than failing.
    const unsigned = convert({
      messages: [
        user('go'),
        {
          role: 'assistant',
          tool_calls: [{ id: 'x', type: 'function', function: { name: 'f', arguments: '{}' } }],
        },
        { role: 'tool', tool_call_id: 'x', content: 'r' },
      ],
      tools,
      reasoning_effort: 'high',
    }).body;
    expect(unsigned).not.toHaveProperty('thinking');
  });

  it('maps safety_identifier/user to metadata.user_id but never an e-mail or phone number', () => {
    expect(convert({ messages: [user('hi')], safety_identifier: 'sid', user: 'u' }).body.metadata).toEqual({
      user_id: 'sid',
    });
    expect(convert({ messages: [user('hi')], user: '+1 (555) 123-4567' }).body).not.toHaveProperty(
      'metadata',
    );
  });
});
