import { decodeThinkingCarrier } from '@switchboard/protocols';
import { assertValidOpenAi } from '@switchboard/testing/openai-schema.validator';
import { fixedClock } from '../testing/fixed-clock';
import { responsesToAnthropicConverter as converter } from './index';

const request = {
  model: 'claude-sonnet-4-5',
  input: 'Weather in Paris?',
  reasoning: { effort: 'low', summary: 'auto' },
  tools: [
    {
      type: 'namespace',
      name: 'weather',
      description: 'Weather tools.',
      tools: [
        { type: 'function', name: 'current', parameters: { type: 'object', properties: {} }, strict: false },
      ],
    },
  ],
  metadata: { team: 'a' },
};

const message = (stop_reason: string, content: unknown[]) => ({
  id: 'msg_1',
  type: 'message',
  role: 'assistant',
  model: 'claude-sonnet-4-5-20250929',
  content,
  stop_reason,
  stop_sequence: null,
  usage: {
    input_tokens: 10,
    cache_read_input_tokens: 100,
    cache_creation_input_tokens: 5,
    output_tokens: 20,
  },
});

function convert(body: unknown) {
  const clock = fixedClock();
  const { memo } = converter.convertRequest(request, { provider: 'anthropic' }, clock);
  const usage: unknown[] = [];
  const out = converter.convertResponse(body, memo, clock, { onUsage: (u) => usage.push(u) });
  return { out: out as Record<string, any>, usage, memo }; // eslint-disable-line @typescript-eslint/no-explicit-any
}

describe('Anthropic message → Response', () => {
  it('maps thinking, text and a namespaced tool call, with usage counting cache tokens', () => {
    const { out, usage, memo } = convert(
      message('tool_use', [
        { type: 'thinking', thinking: 'Look it up.', signature: 'sig-1' },
        { type: 'redacted_thinking', data: 'opaque' },
        { type: 'text', text: 'Checking.' },
        { type: 'tool_use', id: 'toolu_9', name: 'weather__current', input: { city: 'Paris' } },
      ]),
    );
    assertValidOpenAi('Response', out);
    expect(out).toMatchObject({
      id: (memo as { responseId: string }).responseId,
      object: 'response',
      status: 'completed',
      model: 'claude-sonnet-4-5-20250929',
      metadata: { team: 'a' },
      usage: {
        input_tokens: 115,
        input_tokens_details: { cached_tokens: 100, cache_write_tokens: 5 },
        output_tokens: 20,
        output_tokens_details: { reasoning_tokens: 0 },
        total_tokens: 135,
      },
    });
    expect(out.output.map((i: { type: string }) => i.type)).toEqual([
      'reasoning',
      'reasoning',
      'message',
      'function_call',
    ]);
    expect(decodeThinkingCarrier(out.output[0].encrypted_content)).toEqual({ signature: 'sig-1' });
    expect(decodeThinkingCarrier(out.output[1].encrypted_content)).toEqual({ redacted: 'opaque' });
    expect(out.output[3]).toMatchObject({
      call_id: 'toolu_9',
      name: 'current',
      namespace: 'weather',
      arguments: '{"city":"Paris"}',
    });
    expect(out.output[3].id).toMatch(/^fc_/);
    expect(usage).toEqual([
      { input_tokens: 10, output_tokens: 20, cache_read_input_tokens: 100, cache_creation_input_tokens: 5 },
    ]);
  });

  it.each([
    ['max_tokens', 'max_output_tokens'],
    ['refusal', 'content_filter'],
  ])('stop_reason %s → incomplete (%s)', (stop, reason) => {
    const { out } = convert(message(stop, [{ type: 'text', text: 'Part' }]));
    assertValidOpenAi('Response', out);
    expect(out).toMatchObject({ status: 'incomplete', incomplete_details: { reason } });
  });

  it('maps Anthropic errors to OpenAI error bodies with the Chat direction tables', () => {
    const overloaded = converter.convertError(529, {
      type: 'error',
      error: { type: 'overloaded_error', message: 'busy' },
    });
    expect(overloaded.status).toBe(503);
    assertValidOpenAi('ErrorResponse', overloaded.body);
    const html = converter.convertError(502, '<html>bad gateway</html>');
    assertValidOpenAi('ErrorResponse', html.body);
  });
});
