import { GatewayErrorCode } from '@switchboard/common/errors';
import { assertValidOpenAi } from '@switchboard/testing/openai-schema.validator';
import { fixedClock } from '../testing/fixed-clock';
import { responsesToOpenAiConverter as converter } from './index';

const completion = (message: Record<string, unknown>, finish_reason = 'stop') => ({
  id: 'chatcmpl-1',
  object: 'chat.completion',
  created: 1,
  model: 'gpt-4.1-2025-04-14',
  choices: [{ index: 0, message: { role: 'assistant', ...message }, finish_reason }],
  usage: {
    prompt_tokens: 50,
    completion_tokens: 7,
    total_tokens: 57,
    prompt_tokens_details: { cached_tokens: 30 },
    completion_tokens_details: { reasoning_tokens: 3 },
  },
});

function convert(body: unknown, request: Record<string, unknown> = { model: 'gpt-4.1', input: 'x' }) {
  const clock = fixedClock();
  const { memo } = converter.convertRequest(request, { provider: 'openai' }, clock);
  return converter.convertResponse(body, memo, clock) as Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any
}

describe('Chat completion → Response', () => {
  it('maps text and parallel tool calls in order, with usage details', () => {
    const out = convert(
      completion(
        {
          content: 'Both.',
          tool_calls: [
            {
              id: 'call_a',
              type: 'function',
              function: { name: 'get_weather', arguments: '{"city":"Paris"}' },
            },
            { id: 'call_b', type: 'function', function: { name: 'get_weather', arguments: '' } },
          ],
        },
        'tool_calls',
      ),
      {
        model: 'gpt-4.1',
        input: 'x',
        tools: [{ type: 'function', name: 'get_weather', parameters: {}, strict: false }],
      },
    );
    assertValidOpenAi('Response', out);
    expect(out.output.map((i: { type: string }) => i.type)).toEqual([
      'message',
      'function_call',
      'function_call',
    ]);
    expect(out.output[2]).toMatchObject({ call_id: 'call_b', arguments: '{}' });
    expect(out.usage).toEqual({
      input_tokens: 50,
      input_tokens_details: { cached_tokens: 30, cache_write_tokens: 0 },
      output_tokens: 7,
      output_tokens_details: { reasoning_tokens: 3 },
      total_tokens: 57,
    });
    expect(out.tools).toEqual([
      { type: 'function', name: 'get_weather', description: null, parameters: {}, strict: false },
    ]);
  });

  it('maps JSON output, refusal and content_filter', () => {
    const json = convert(completion({ content: '{"a":1}' }), {
      model: 'gpt-4.1',
      input: 'x',
      text: { format: { type: 'json_schema', name: 'a', schema: { type: 'object' }, strict: true } },
    });
    assertValidOpenAi('Response', json);
    expect(json.text).toEqual({
      format: { type: 'json_schema', name: 'a', schema: { type: 'object' }, strict: true },
    });
    const refused = convert(completion({ content: null, refusal: 'No.' }, 'content_filter'));
    assertValidOpenAi('Response', refused);
    expect(refused).toMatchObject({ status: 'incomplete', incomplete_details: { reason: 'content_filter' } });
    expect(refused.output[0].content).toEqual([{ type: 'refusal', refusal: 'No.' }]);
  });

  it('raises the gateway error type on an unreadable body', () => {
    expect(() => convert({ choices: [] })).toThrow(
      expect.objectContaining({ code: GatewayErrorCode.UPSTREAM_UNREACHABLE }),
    );
  });

  it('keeps OpenAI error bodies and wraps anything else', () => {
    const kept = converter.convertError(429, {
      error: { message: 'slow down', type: 'requests', param: null, code: 'rate_limit_exceeded' },
    });
    expect(kept).toEqual({
      status: 429,
      body: { error: { message: 'slow down', type: 'requests', param: null, code: 'rate_limit_exceeded' } },
    });
    const wrapped = converter.convertError(503, 'upstream down');
    expect(wrapped.status).toBe(503);
    assertValidOpenAi('ErrorResponse', wrapped.body);
  });
});
