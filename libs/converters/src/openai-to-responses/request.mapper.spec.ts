import { GatewayError, GatewayErrorCode } from '@switchboard/common/errors';
import { validateOpenAi } from '@switchboard/testing/openai-schema.validator';
import { fixedClock } from '../testing/fixed-clock';
import { readMemo } from './conversion-memo';
import { openAiToResponsesConverter as converter } from './index';

type Json = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

const convert = (body: Json, conversion?: Json) =>
  converter.convertRequest(body, { provider: 'openai', conversion }, fixedClock());
const bodyOf = (body: Json, conversion?: Json): Json => {
  const out = convert(body, conversion).body as Json;
  expect(validateOpenAi('CreateResponse', out)).toEqual([]);
  return out;
};
const weather = {
  type: 'function',
  function: {
    name: 'get_weather',
    description: 'Weather',
    parameters: { type: 'object', properties: { city: { type: 'string' } } },
  },
};

describe('openai-to-responses request', () => {
  it('leading system/developer messages become instructions; later ones stay in place', () => {
    const out = bodyOf({
      model: 'gpt-5.1',
      messages: [
        { role: 'system', content: 'Be brief.' },
        { role: 'developer', content: [{ type: 'text', text: 'Use metric.' }] },
        { role: 'user', content: 'Hi' },
        { role: 'developer', content: 'Now in French.' },
      ],
    });
    expect(out.instructions).toBe('Be brief.\n\nUse metric.');
    expect(out.input).toEqual([
      { type: 'message', role: 'user', content: 'Hi' },
      { type: 'message', role: 'developer', content: 'Now in French.' },
    ]);
    expect(out.store).toBe(false);
  });

  it('user parts: text, image_url (detail kept) and file become input parts', () => {
    const out = bodyOf({
      model: 'm',
      messages: [
        {
          role: 'user',
          content: [
            { type: 'text', text: 'What is this?' },
            { type: 'image_url', image_url: { url: 'https://x/cat.png', detail: 'low' } },
            { type: 'file', file: { file_data: 'data:application/pdf;base64,AAA', filename: 'a.pdf' } },
          ],
        },
      ],
    });
    expect(out.input[0].content).toEqual([
      { type: 'input_text', text: 'What is this?' },
      { type: 'input_image', image_url: 'https://x/cat.png', detail: 'low' },
      { type: 'input_file', file_data: 'data:application/pdf;base64,AAA', filename: 'a.pdf' },
    ]);
  });

  it('an assistant turn with text and parallel tool calls, then tool messages → message, function_call, outputs', () => {
    const out = bodyOf({
      model: 'm',
      tools: [weather],
      messages: [
        { role: 'user', content: 'Weather in Paris and Rome?' },
        {
          role: 'assistant',
          content: 'Checking.',
          reasoning_content: 'dropped',
          tool_calls: [
            {
              id: 'call_p',
              type: 'function',
              function: { name: 'get_weather', arguments: '{"city":"Paris"}' },
            },
            { id: 'call_r', type: 'function', function: { name: 'get_weather', arguments: '' } },
          ],
        },
        { role: 'tool', tool_call_id: 'call_p', content: '18C' },
        { role: 'tool', tool_call_id: 'call_r', content: [{ type: 'text', text: '21C' }] },
      ],
    });
    expect(out.input.slice(1)).toEqual([
      { type: 'message', role: 'assistant', content: 'Checking.' },
      { type: 'function_call', call_id: 'call_p', name: 'get_weather', arguments: '{"city":"Paris"}' },
      { type: 'function_call', call_id: 'call_r', name: 'get_weather', arguments: '{}' },
      { type: 'function_call_output', call_id: 'call_p', output: '18C' },
      { type: 'function_call_output', call_id: 'call_r', output: '21C' },
    ]);
    expect(out.tools).toEqual([
      {
        type: 'function',
        name: 'get_weather',
        description: 'Weather',
        parameters: weather.function.parameters,
        strict: false,
      },
    ]);
  });

  it('repairs history OpenAI would refuse: an unanswered call gets an output, an orphan output becomes text', () => {
    const out = bodyOf({
      model: 'm',
      messages: [
        { role: 'user', content: 'go' },
        {
          role: 'assistant',
          tool_calls: [{ id: 'c1', type: 'function', function: { name: 'f', arguments: '{}' } }],
        },
        { role: 'user', content: 'never mind' },
        { role: 'tool', tool_call_id: 'zz', content: 'late' },
      ],
    });
    expect(out.input).toEqual([
      { type: 'message', role: 'user', content: 'go' },
      { type: 'function_call', call_id: 'c1', name: 'f', arguments: '{}' },
      { type: 'function_call_output', call_id: 'c1', output: '(no result)' },
      { type: 'message', role: 'user', content: 'never mind' },
      { type: 'message', role: 'user', content: 'Tool result (zz): late' },
    ]);
  });

  it('legacy functions / function_call / function messages map like tools', () => {
    const out = bodyOf({
      model: 'm',
      functions: [{ name: 'f', parameters: { type: 'object', properties: {} } }],
      function_call: { name: 'f' },
      messages: [
        { role: 'user', content: 'x' },
        { role: 'assistant', content: null, function_call: { name: 'f', arguments: '{"a":1}' } },
        { role: 'function', name: 'f', content: 'ok' },
      ],
    });
    expect(out.tool_choice).toEqual({ type: 'function', name: 'f' });
    expect(out.input[1]).toMatchObject({ type: 'function_call', call_id: 'call_id1', name: 'f' });
    expect(out.input[2]).toEqual({ type: 'function_call_output', call_id: 'call_id1', output: 'ok' });
  });

  it('tool_choice forms and parallel_tool_calls', () => {
    const base = { model: 'm', messages: [{ role: 'user', content: 'x' }], tools: [weather] };
    expect(bodyOf({ ...base, tool_choice: 'required', parallel_tool_calls: false })).toMatchObject({
      tool_choice: 'required',
      parallel_tool_calls: false,
    });
    expect(
      bodyOf({ ...base, tool_choice: { type: 'function', function: { name: 'get_weather' } } }).tool_choice,
    ).toEqual({ type: 'function', name: 'get_weather' });
    expect(
      bodyOf({
        ...base,
        tool_choice: {
          type: 'allowed_tools',
          allowed_tools: {
            mode: 'required',
            tools: [{ type: 'function', function: { name: 'get_weather' } }],
          },
        },
      }).tool_choice,
    ).toEqual({
      type: 'allowed_tools',
      mode: 'required',
      tools: [{ type: 'function', name: 'get_weather' }],
    });
    expect(() => convert({ ...base, tool_choice: { type: 'function', function: { name: 'nope' } } })).toThrow(
      GatewayError,
    );
    expect(() => convert({ ...base, tools: undefined, tool_choice: 'required' })).toThrow(GatewayError);
  });

  it('response_format, verbosity, reasoning_effort, max tokens and sampling', () => {
    const out = bodyOf({
      model: 'gpt-5.1',
      messages: [{ role: 'user', content: 'x' }],
      response_format: {
        type: 'json_schema',
        json_schema: { name: 'out', schema: { type: 'object', properties: {} }, strict: true },
      },
      verbosity: 'low',
      reasoning_effort: 'high',
      max_completion_tokens: 500,
      max_tokens: 9,
      temperature: 0.2,
      top_p: 0.9,
      metadata: { team: 'a' },
      user: 'u1',
      safety_identifier: 's1',
      prompt_cache_key: 'k',
      service_tier: 'auto',
      seed: 3,
      stream: true,
      stream_options: { include_usage: true },
    });
    expect(out).toEqual({
      model: 'gpt-5.1',
      input: [{ type: 'message', role: 'user', content: 'x' }],
      max_output_tokens: 500,
      temperature: 0.2,
      top_p: 0.9,
      text: {
        format: {
          type: 'json_schema',
          name: 'out',
          schema: { type: 'object', properties: {} },
          strict: true,
        },
        verbosity: 'low',
      },
      reasoning: { effort: 'high', summary: 'auto' },
      metadata: { team: 'a' },
      user: 'u1',
      safety_identifier: 's1',
      prompt_cache_key: 'k',
      service_tier: 'auto',
      store: false,
      stream: true,
    });
    expect(
      readMemo(
        convert({
          model: 'm',
          messages: [{ role: 'user', content: 'x' }],
          stream: true,
          stream_options: { include_usage: true },
        }).memo,
      ).includeUsage,
    ).toBe(true);
  });

  it('json_object; max_tokens below 16 raised to the Responses minimum; expose_reasoning false sends no summary', () => {
    const out = bodyOf(
      {
        model: 'm',
        messages: [{ role: 'user', content: 'x' }],
        response_format: { type: 'json_object' },
        max_tokens: 5,
        reasoning_effort: 'low',
      },
      { expose_reasoning: false },
    );
    expect(out.text).toEqual({ format: { type: 'json_object' } });
    expect(out.max_output_tokens).toBe(16);
    expect(out.reasoning).toEqual({ effort: 'low' });
  });

  it('rejects what a Responses upstream cannot serve, in the client protocol', () => {
    const base = { model: 'm', messages: [{ role: 'user', content: 'x' }] };
    for (const body of [
      { ...base, n: 2 },
      { ...base, audio: { voice: 'alloy', format: 'mp3' } },
      { ...base, tools: [{ type: 'custom', custom: { name: 'c' } }] },
      { ...base, messages: [{ role: 'user', content: [{ type: 'input_audio', input_audio: {} }] }] },
      { ...base, messages: [] },
      { ...base, max_tokens: 0 },
      { ...base, reasoning_effort: 'extreme' },
      { model: '', messages: base.messages },
    ]) {
      expect(() => convert(body)).toThrow(GatewayError);
    }
  });

  it('stop: refused by default (Responses has none), sent without under stop_sequences: "drop"', () => {
    const base = { model: 'm', messages: [{ role: 'user', content: 'x' }] };
    for (const stop of ['END', ['END', '']]) {
      expect(() => convert({ ...base, stop })).toThrow(
        expect.objectContaining({
          code: GatewayErrorCode.INVALID_REQUEST,
          param: 'stop',
        }) as unknown as Error,
      );
      expect(bodyOf({ ...base, stop }, { stop_sequences: 'drop' })).not.toHaveProperty('stop');
    }
    for (const stop of [null, '', [], ['']]) expect(bodyOf({ ...base, stop })).not.toHaveProperty('stop');
    expect(() => convert({ ...base, stop: [1] })).toThrow(GatewayError);
  });

  it('long tool names are shortened upstream and restored in the memo', () => {
    const name = `mcp__server__${'x'.repeat(70)}`;
    const { body, memo } = convert({
      model: 'm',
      messages: [{ role: 'user', content: 'x' }],
      tools: [{ type: 'function', function: { name, parameters: { type: 'object' } } }],
    });
    const upstream = (body as Json).tools[0].name as string;
    expect(upstream).toMatch(/^[a-zA-Z0-9_-]{1,64}$/);
    expect(readMemo(memo).toolNames).toEqual({ [upstream]: name });
  });
});
