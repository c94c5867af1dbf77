import { GatewayError } from '@switchboard/common/errors';
import { validateOpenAi } from '@switchboard/testing/openai-schema.validator';
import type { TokenUsage } from '../converter.interface';
import { fixedClock } from '../testing/fixed-clock';
import { toMemo, type OpenAiToAnthropicMemo } from './conversion-memo';
import { mapResponse } from './response.mapper';

const memo = (extra: Partial<OpenAiToAnthropicMemo> = {}) =>
  toMemo({ model: 'client-model', toolNames: {}, includeUsage: false, exposeReasoning: true, ...extra });

const message = (extra: Record<string, unknown>) => ({
  id: 'msg_01A',
  type: 'message',
  role: 'assistant',
  model: 'claude-sonnet-4-5',
  content: [{ type: 'text', text: 'Hi' }],
  stop_reason: 'end_turn',
  stop_sequence: null,
  usage: { input_tokens: 1, output_tokens: 1 },
  ...extra,
});

// eslint-disable-next-line @typescript-eslint/no-explicit-any
function convert(body: unknown, m = memo(), usage: TokenUsage[] = []): Record<string, any> {
  const out = mapResponse(body, m, fixedClock(), { onUsage: (u) => usage.push(u) });
  expect(validateOpenAi('CreateChatCompletionResponse', out)).toEqual([]);
  return out;
}

describe('Anthropic → OpenAI response', () => {
  it('converts the example of conversion-spec §3.4', () => {
    const usage: TokenUsage[] = [];
    const out = convert(
      message({
        content: [
          { type: 'thinking', thinking: 'Need weather.', signature: 'EqQB' },
          { type: 'text', text: 'Checking.' },
          { type: 'tool_use', id: 'toolu_01X', name: 'get_weather', input: { city: 'Paris' } },
        ],
        stop_reason: 'tool_use',
        usage: {
          input_tokens: 12,
          cache_read_input_tokens: 2048,
          cache_creation_input_tokens: 0,
          output_tokens: 57,
        },
      }),
      memo(),
      usage,
    );
    expect(out).toEqual({
      id: 'chatcmpl-id1',
      object: 'chat.completion',
      created: 1767225600,
      model: 'claude-sonnet-4-5',
      choices: [
        {
          index: 0,
          logprobs: null,
          finish_reason: 'tool_calls',
          message: {
            role: 'assistant',
            content: 'Checking.',
            refusal: null,
            reasoning_content: 'Need weather.',
            thinking_blocks: [{ type: 'thinking', thinking: 'Need weather.', signature: 'EqQB' }],
            tool_calls: [
              {
                id: 'toolu_01X',
                type: 'function',
                function: { name: 'get_weather', arguments: '{"city":"Paris"}' },
              },
            ],
          },
        },
      ],
      usage: {
        prompt_tokens: 2060,
        completion_tokens: 57,
        total_tokens: 2117,
        prompt_tokens_details: { cached_tokens: 2048, cache_write_tokens: 0 },
      },
    });
    expect(usage).toEqual([
      { input_tokens: 12, output_tokens: 57, cache_read_input_tokens: 2048, cache_creation_input_tokens: 0 },
    ]);
  });

  it('joins every text block, in order', () => {
    const out = convert(
      message({
        content: [
          { type: 'text', text: 'A' },
          { type: 'tool_use', id: 't', name: 'f', input: {} },
          { type: 'text', text: 'B' },
        ],
        stop_reason: 'tool_use',
      }),
    );
    expect(out.choices[0].message.content).toBe('AB');
  });

  it.each([
    ['end_turn', 'stop'],
    ['stop_sequence', 'stop'],
    ['max_tokens', 'length'],
    ['model_context_window_exceeded', 'length'],
    ['tool_use', 'tool_calls'],
    ['refusal', 'content_filter'],
    ['pause_turn', 'stop'],
    [null, 'stop'],
    ['something_new', 'stop'],
  ])('stop_reason %s → finish_reason %s', (stopReason, finishReason) => {
    const content =
      stopReason === 'tool_use'
        ? [{ type: 'tool_use', id: 't', name: 'f', input: {} }]
        : [{ type: 'text', text: 'x' }];
    expect(convert(message({ stop_reason: stopReason, content })).choices[0].finish_reason).toBe(
      finishReason,
    );
  });

  it('sets content null with tool calls only, and "" when there is nothing', () => {
    const tools = convert(
      message({ content: [{ type: 'tool_use', id: 't', name: 'f', input: {} }], stop_reason: 'tool_use' }),
    );
    expect(tools.choices[0].message.content).toBeNull();
    expect(convert(message({ content: [] })).choices[0].message.content).toBe('');
  });

  it('fills refusal on a refusal stop', () => {
    const out = convert(message({ stop_reason: 'refusal', content: [] }));
    expect(out.choices[0].message.refusal).toBe('The model declined to respond.');
  });

  it('restores shortened tool names and hides server tool blocks', () => {
    const out = convert(
      message({
        content: [
          { type: 'server_tool_use', id: 'srvtoolu_1', name: 'web_search', input: { query: 'x' } },
          { type: 'web_search_tool_result', tool_use_id: 'srvtoolu_1', content: [] },
          { type: 'tool_use', id: 't', name: 'short_1234', input: { a: 1 } },
        ],
        stop_reason: 'tool_use',
      }),
      memo({ toolNames: { short_1234: 'the.original.name' } }),
    );
    expect(out.choices[0].message.tool_calls).toEqual([
      { id: 't', type: 'function', function: { name: 'the.original.name', arguments: '{"a":1}' } },
    ]);
  });

  it('turns the JSON-mode tool call into content with finish_reason stop', () => {
    const out = convert(
      message({
        content: [{ type: 'tool_use', id: 't', name: 'json_response', input: { a: 1 } }],
        stop_reason: 'tool_use',
      }),
      memo({ jsonTool: 'json_response' }),
    );
    expect(out.choices[0]).toMatchObject({ finish_reason: 'stop', message: { content: '{"a":1}' } });
    expect(out.choices[0].message).not.toHaveProperty('tool_calls');
    const unwrapped = convert(
      message({
        content: [{ type: 'tool_use', id: 't', name: 'json_response', input: { value: [1, 2] } }],
        stop_reason: 'tool_use',
      }),
      memo({ jsonTool: 'json_response', jsonUnwrap: true }),
    );
    expect(unwrapped.choices[0].message.content).toBe('[1,2]');
  });

  it('hides reasoning when the instance turns exposure off', () => {
    const out = convert(
      message({
        content: [
          { type: 'thinking', thinking: 'secret', signature: 's' },
          { type: 'text', text: 'ok' },
        ],
      }),
      memo({ exposeReasoning: false }),
    );
    expect(out.choices[0].message).not.toHaveProperty('reasoning_content');
    expect(out.choices[0].message).not.toHaveProperty('thinking_blocks');
  });

  it('uses the requested model when upstream reports none, counts null cache tokens as 0 and reports thinking tokens', () => {
    const out = convert(
      message({
        model: undefined,
        usage: {
          input_tokens: 5,
          output_tokens: 7,
          cache_read_input_tokens: null,
          output_tokens_details: { thinking_tokens: 3 },
        },
      }),
    );
    expect(out.model).toBe('client-model');
    expect(out.usage).toEqual({
      prompt_tokens: 5,
      completion_tokens: 7,
      total_tokens: 12,
      prompt_tokens_details: { cached_tokens: 0, cache_write_tokens: 0 },
      completion_tokens_details: { reasoning_tokens: 3 },
    });
  });

  it('gives each response a fresh chatcmpl id from the clock', () => {
    const clock = fixedClock();
    const a = mapResponse(message({}), memo(), clock);
    const b = mapResponse(message({}), memo(), clock);
    expect(a.id).toBe('chatcmpl-id1');
    expect(b.id).toBe('chatcmpl-id2');
  });

  it('rejects a body that is not an Anthropic message with a GatewayError', () => {
    expect(() => mapResponse({ hello: 1 }, memo(), fixedClock())).toThrow(GatewayError);
    expect(() => mapResponse('x', memo(), fixedClock())).toThrow(GatewayError);
  });
});
