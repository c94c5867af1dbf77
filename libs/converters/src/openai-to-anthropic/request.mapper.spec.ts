import { GatewayErrorCode } from '@switchboard/common/errors';
import type { UpstreamTarget } from '../converter.interface';
import { convert, errorOf, target, user } from './testing/request-cases';

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
});
