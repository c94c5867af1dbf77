import type { Message } from '@anthropic-ai/sdk/resources/messages';
import { GatewayError, GatewayErrorCode } from '@switchboard/common/errors';
import type { TokenUsage } from '../converter.interface';
import { anthropicToOpenAiConverter } from './index';
import { fixedClock } from '../testing/fixed-clock';

const memo = {
  requestedModel: 'claude-sonnet-4-5',
  stopSequences: ['###'],
  toolNames: { short_name_1a2b3c4d: 'mcp__a_very_long_original_tool_name' },
  contentFilterStopReason: 'refusal',
};
const completion = (message: Record<string, unknown>, finish: string | null = 'stop', extra = {}) => ({
  id: 'chatcmpl-abc',
  object: 'chat.completion',
  created: 1767225600,
  model: 'gpt-5-2025-08-07',
  choices: [
    {
      index: 0,
      message: { role: 'assistant', refusal: null, ...message },
      finish_reason: finish,
      logprobs: null,
    },
  ],
  usage: {
    prompt_tokens: 2006,
    completion_tokens: 300,
    total_tokens: 2306,
    prompt_tokens_details: { cached_tokens: 1920, cache_write_tokens: 6 },
  },
  ...extra,
});
const convert = (body: unknown, m: Record<string, unknown> = memo) =>
  anthropicToOpenAiConverter.convertResponse(body, m, fixedClock()) as unknown as Message;

describe('anthropic-to-openai response mapper', () => {
  it('builds an Anthropic message: thinking, text, tool_use; usage with cache subtraction', () => {
    const usages: TokenUsage[] = [];
    const out = anthropicToOpenAiConverter.convertResponse(
      completion(
        {
          content: 'Let me check.',
          reasoning_content: 'User wants weather.',
          tool_calls: [
            {
              id: 'call_1',
              type: 'function',
              function: { name: 'get_weather', arguments: '{"city":"Paris"}' },
            },
          ],
        },
        'tool_calls',
      ),
      memo,
      fixedClock(),
      { onUsage: (u) => usages.push(u) },
    );
    expect(out).toEqual({
      id: 'msg_id1',
      type: 'message',
      role: 'assistant',
      model: 'gpt-5-2025-08-07',
      content: [
        { type: 'thinking', thinking: 'User wants weather.', signature: '' },
        { type: 'text', text: 'Let me check.' },
        { type: 'tool_use', id: 'call_1', name: 'get_weather', input: { city: 'Paris' } },
      ],
      stop_reason: 'tool_use',
      stop_sequence: null,
      usage: {
        input_tokens: 80,
        output_tokens: 300,
        cache_read_input_tokens: 1920,
        cache_creation_input_tokens: 6,
      },
    });
    expect(usages).toEqual([
      { input_tokens: 80, output_tokens: 300, cache_read_input_tokens: 1920, cache_creation_input_tokens: 6 },
    ]);
  });

  it('keeps signed thinking_blocks (litellm/Switchboard extension) instead of an unsigned reasoning block', () => {
    const out = convert(
      completion({
        content: 'Hi',
        reasoning_content: 'plain',
        thinking_blocks: [
          { type: 'thinking', thinking: 'signed thought', signature: 'sig==' },
          { type: 'redacted_thinking', data: 'opaque' },
        ],
      }),
    );
    expect(out.content).toEqual([
      { type: 'thinking', thinking: 'signed thought', signature: 'sig==' },
      { type: 'redacted_thinking', data: 'opaque' },
      { type: 'text', text: 'Hi' },
    ]);
  });

  it('gives each response a fresh msg_ id from the clock', () => {
    const clock = fixedClock();
    const a = anthropicToOpenAiConverter.convertResponse(completion({ content: 'x' }), memo, clock);
    const b = anthropicToOpenAiConverter.convertResponse(completion({ content: 'x' }), memo, clock);
    expect(a.id).toBe('msg_id1');
    expect(b.id).toBe('msg_id2');
  });

  it('keeps text and tool calls together when the upstream says stop (→ tool_use)', () => {
    const out = convert(
      completion({
        content: 'Sure.',
        tool_calls: [{ id: 'c', type: 'function', function: { name: 'f', arguments: '{}' } }],
      }),
    );
    expect(out.content.map((b) => b.type)).toEqual(['text', 'tool_use']);
    expect(out.stop_reason).toBe('tool_use');
  });

  it.each([
    ['', {}],
    ['{"a":1}', { a: 1 }],
    ['[1,2]', { value: [1, 2] }],
    ['{"a":1', { a: 1 }],
    ['{"a":"x', { a: 'x' }],
    // Unrepairable: `{}` (conversion-spec §5/§6: repair, else `{}`; the same rule in both directions).
    ['{"a":tru', {}],
    ['not json', {}],
  ])('turns arguments %p into an object input without dropping the call', (args, input) => {
    const out = convert(
      completion(
        {
          content: null,
          tool_calls: [{ id: 'c', type: 'function', function: { name: 'f', arguments: args } }],
        },
        'tool_calls',
      ),
    );
    expect(out.content).toEqual([{ type: 'tool_use', id: 'c', name: 'f', input }]);
  });

  it('restores shortened tool names and invents a toolu_ id when the upstream sent none', () => {
    const out = convert(
      completion({
        content: null,
        tool_calls: [{ type: 'function', function: { name: 'short_name_1a2b3c4d', arguments: '{}' } }],
      }),
    );
    expect(out.content).toEqual([
      { type: 'tool_use', id: 'toolu_id1', name: 'mcp__a_very_long_original_tool_name', input: {} },
    ]);
  });

  it('maps a legacy function_call', () => {
    const out = convert(
      completion({ content: null, function_call: { name: 'f', arguments: '{"x":1}' } }, 'function_call'),
    );
    expect(out.content).toEqual([{ type: 'tool_use', id: 'toolu_id1', name: 'f', input: { x: 1 } }]);
    expect(out.stop_reason).toBe('tool_use');
  });

  it.each([
    ['stop', 'end_turn', null, 'plain answer'],
    ['stop', 'stop_sequence', '###', 'ends with ###'],
    ['length', 'max_tokens', null, 'cut'],
    ['content_filter', 'refusal', null, 'x'],
    [null, 'end_turn', null, 'x'],
  ])('finish_reason %p → %s', (finish, stopReason, stopSequence, text) => {
    const out = convert(completion({ content: text }, finish));
    expect(out.stop_reason).toBe(stopReason);
    expect(out.stop_sequence).toBe(stopSequence);
  });

  it('uses the vLLM stop_reason extension to name the matched stop sequence', () => {
    const body = completion({ content: 'answer' });
    (body.choices[0] as Record<string, unknown>).stop_reason = '###';
    expect(convert(body)).toMatchObject({ stop_reason: 'stop_sequence', stop_sequence: '###' });
  });

  it('turns a refusal into a text block with stop_reason refusal', () => {
    const out = convert(completion({ content: null, refusal: 'I cannot help with that.' }));
    expect(out.content).toEqual([{ type: 'text', text: 'I cannot help with that.' }]);
    expect(out.stop_reason).toBe('refusal');
  });

  it('returns empty content (not an empty text block) for an empty answer, zero usage when none was sent', () => {
    const body = completion({ content: '' });
    delete (body as Record<string, unknown>).usage;
    const out = convert(body);
    expect(out.content).toEqual([]);
    expect(out.usage).toEqual({
      input_tokens: 0,
      output_tokens: 0,
      cache_read_input_tokens: 0,
      cache_creation_input_tokens: 0,
    });
  });

  it('falls back to the requested model', () => {
    expect(convert(completion({ content: 'x' }, 'stop', { model: '' })).model).toBe('claude-sonnet-4-5');
  });

  it.each([
    ['a string', 'hello'],
    ['no choices', { id: 'x' }],
    ['null', null],
  ])('rejects a malformed upstream body (%s) with UPSTREAM_ERROR', (_label, body) => {
    let error: unknown;
    try {
      convert(body);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(GatewayError);
    expect((error as GatewayError).code).toBe(GatewayErrorCode.UPSTREAM_ERROR);
  });

  it('turns a 200 body carrying an error into UPSTREAM_ERROR with the upstream message', () => {
    expect(() => convert({ error: { message: 'quota', type: 'insufficient_quota' } })).toThrow(
      expect.objectContaining({ code: GatewayErrorCode.UPSTREAM_ERROR, message: 'quota' }),
    );
  });

  it('maps Mistral/Magistral content parts: thinking → thinking block, text → text', () => {
    const models: string[] = [];
    const out = anthropicToOpenAiConverter.convertResponse(
      completion({
        content: [
          {
            type: 'thinking',
            thinking: [
              { type: 'text', text: 'Two plus two' },
              { type: 'text', text: ' is four.' },
            ],
          },
          { type: 'text', text: '2 + 2 = 4.' },
        ],
      }),
      memo,
      fixedClock(),
      { onModel: (m) => models.push(m) },
    ) as unknown as Message;
    expect(out.content).toEqual([
      { type: 'thinking', thinking: 'Two plus two is four.', signature: '' },
      { type: 'text', text: '2 + 2 = 4.' },
    ]);
    expect(out.stop_reason).toBe('end_turn');
    expect(models).toEqual([out.model]);
  });
});
