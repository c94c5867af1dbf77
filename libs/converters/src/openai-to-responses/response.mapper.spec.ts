import { GatewayError } from '@switchboard/common/errors';
import { validateOpenAi } from '@switchboard/testing/openai-schema.validator';
import { fixedClock } from '../testing/fixed-clock';
import { toMemo } from './conversion-memo';
import { openAiToResponsesConverter as converter } from './index';

type Json = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

const memo = (extra: Json = {}) =>
  toMemo({ model: 'client-model', toolNames: {}, includeUsage: false, exposeReasoning: true, ...extra });
const usage = {
  input_tokens: 120,
  input_tokens_details: { cached_tokens: 100, cache_write_tokens: 0 },
  output_tokens: 40,
  output_tokens_details: { reasoning_tokens: 25 },
  total_tokens: 160,
};
const response = (extra: Json): Json => ({
  id: 'resp_1',
  object: 'response',
  created_at: 1,
  status: 'completed',
  error: null,
  incomplete_details: null,
  model: 'gpt-5.1-2025-11-13',
  output: [],
  usage,
  ...extra,
});
const convert = (body: unknown, m = memo(), hooks = {}): Json => {
  const out = converter.convertResponse(body, m, fixedClock(), hooks) as Json;
  expect(validateOpenAi('CreateChatCompletionResponse', out)).toEqual([]);
  return out;
};

describe('openai-to-responses response', () => {
  it('reasoning summaries, text and function calls → reasoning_content, content, tool_calls', () => {
    const seen: Json = {};
    const out = convert(
      response({
        output: [
          {
            type: 'reasoning',
            id: 'rs_1',
            summary: [
              { type: 'summary_text', text: 'First.' },
              { type: 'summary_text', text: 'Second.' },
            ],
            encrypted_content: 'gAAA',
          },
          {
            type: 'message',
            id: 'msg_1',
            role: 'assistant',
            status: 'completed',
            content: [{ type: 'output_text', text: 'Checking.', annotations: [], logprobs: [] }],
          },
          {
            type: 'function_call',
            id: 'fc_1',
            call_id: 'call_a',
            name: 'get_weather',
            arguments: '{"city":"Paris"}',
          },
          { type: 'function_call', id: 'fc_2', call_id: 'call_b', name: 'get_weather', arguments: '' },
          { type: 'web_search_call', id: 'ws_1', status: 'completed' },
        ],
      }),
      memo(),
      { onModel: (m: string) => (seen.model = m), onUsage: (u: Json) => (seen.usage = u) },
    );
    expect(out.id).toBe('chatcmpl-id1');
    expect(out.model).toBe('gpt-5.1-2025-11-13');
    expect(out.choices[0]).toEqual({
      index: 0,
      message: {
        role: 'assistant',
        content: 'Checking.',
        refusal: null,
        reasoning_content: 'First.\n\nSecond.',
        tool_calls: [
          {
            id: 'call_a',
            type: 'function',
            function: { name: 'get_weather', arguments: '{"city":"Paris"}' },
          },
          { id: 'call_b', type: 'function', function: { name: 'get_weather', arguments: '{}' } },
        ],
      },
      finish_reason: 'tool_calls',
      logprobs: null,
    });
    expect(out.usage).toEqual({
      prompt_tokens: 120,
      completion_tokens: 40,
      total_tokens: 160,
      prompt_tokens_details: { cached_tokens: 100, cache_write_tokens: 0 },
      completion_tokens_details: { reasoning_tokens: 25 },
    });
    expect(seen).toEqual({
      model: 'gpt-5.1-2025-11-13',
      usage: {
        input_tokens: 20,
        output_tokens: 40,
        cache_read_input_tokens: 100,
        cache_creation_input_tokens: 0,
        reasoning_tokens: 25,
      },
    });
  });

  it('incomplete → length / content_filter; refusal parts → refusal; reasoning hidden when not exposed', () => {
    const text = { type: 'message', content: [{ type: 'output_text', text: 'Par', annotations: [] }] };
    expect(
      convert(
        response({
          status: 'incomplete',
          incomplete_details: { reason: 'max_output_tokens' },
          output: [text],
        }),
      ).choices[0].finish_reason,
    ).toBe('length');
    const filtered = convert(
      response({
        status: 'incomplete',
        incomplete_details: { reason: 'content_filter' },
        output: [{ type: 'message', content: [{ type: 'refusal', refusal: 'No.' }] }],
      }),
    );
    expect(filtered.choices[0].finish_reason).toBe('content_filter');
    expect(filtered.choices[0].message).toMatchObject({ content: '', refusal: 'No.' });
    const hidden = convert(
      response({ output: [{ type: 'reasoning', summary: [{ type: 'summary_text', text: 'x' }] }, text] }),
      memo({ exposeReasoning: false }),
    );
    expect(hidden.choices[0].message).not.toHaveProperty('reasoning_content');
    expect(hidden.choices[0].finish_reason).toBe('stop');
  });

  it('restores shortened tool names and falls back to the client model', () => {
    const out = convert(
      response({
        model: undefined,
        usage: undefined,
        output: [{ type: 'function_call', call_id: 'c', name: 'short_abc', arguments: '{}' }],
      }),
      memo({ toolNames: { short_abc: 'a.very.long.name' } }),
    );
    expect(out.model).toBe('client-model');
    expect(out.choices[0].message.content).toBeNull();
    expect(out.choices[0].message.tool_calls[0].function.name).toBe('a.very.long.name');
    expect(out.usage).toMatchObject({ prompt_tokens: 0, completion_tokens: 0 });
  });

  it('an unreadable or failed Response raises GatewayError', () => {
    expect(() => converter.convertResponse({ choices: [] }, memo(), fixedClock())).toThrow(GatewayError);
    expect(() =>
      converter.convertResponse(
        response({ status: 'failed', error: { code: 'server_error', message: 'boom' } }),
        memo(),
        fixedClock(),
      ),
    ).toThrow('boom');
  });
});
