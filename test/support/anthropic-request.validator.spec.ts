import { assertValidAnthropicRequest, validateAnthropicRequest } from './anthropic-request.validator';

const valid = {
  model: 'claude-sonnet-4-5',
  max_tokens: 1024,
  system: [{ type: 'text', text: 'Be terse.' }],
  messages: [
    { role: 'user', content: 'Weather?' },
    {
      role: 'assistant',
      content: [{ type: 'tool_use', id: 'call_1', name: 'get_weather', input: { city: 'Paris' } }],
    },
    {
      role: 'user',
      content: [
        { type: 'tool_result', tool_use_id: 'call_1', content: '18C' },
        { type: 'text', text: 'Thanks' },
      ],
    },
  ],
  tools: [{ name: 'get_weather', input_schema: { type: 'object', properties: {} } }],
  tool_choice: { type: 'auto', disable_parallel_tool_use: true },
  temperature: 1,
  stop_sequences: ['END'],
};

const withChange = (change: (b: Record<string, unknown>) => void): Record<string, unknown> => {
  const copy = structuredClone(valid) as Record<string, unknown>;
  change(copy);
  return copy;
};

describe('validateAnthropicRequest', () => {
  it('accepts a valid request', () => {
    expect(validateAnthropicRequest(valid)).toEqual([]);
    expect(() => assertValidAnthropicRequest(valid)).not.toThrow();
  });

  it.each<[string, (b: Record<string, unknown>) => void, RegExp]>([
    ['missing max_tokens', (b) => delete b.max_tokens, /^max_tokens: required/],
    ['unknown top-level field', (b) => (b.stream_options = {}), /^stream_options: unknown field/],
    [
      'system role in messages',
      (b) => ((b.messages as unknown[])[0] = { role: 'system', content: 'x' }),
      /top-level 'system'/,
    ],
    [
      'unknown nested field',
      (b) => ((b.messages as Record<string, unknown>[])[0]!.name = 'bob'),
      /messages\.0\.name: unknown field/,
    ],
    [
      'whitespace-only text',
      (b) => ((b.system as Record<string, unknown>[])[0]!.text = ' \n'),
      /non-whitespace/,
    ],
    ['temperature above 1', (b) => (b.temperature = 1.5), /^temperature: must be between 0 and 1/],
    ['whitespace stop sequence', (b) => (b.stop_sequences = ['\n']), /stop_sequences\.0/],
    ['bad tool_choice', (b) => (b.tool_choice = { type: 'required' }), /tool_choice\.type/],
    [
      'tool_choice naming an unknown tool',
      (b) => (b.tool_choice = { type: 'tool', name: 'nope' }),
      /tool_choice\.name/,
    ],
    [
      'non-alternating roles',
      (b) => (b.messages as unknown[]).push({ role: 'user', content: 'again' }),
      /roles must alternate/,
    ],
    [
      'orphan tool_result',
      (b) =>
        ((
          (b.messages as Record<string, unknown>[])[2]!.content as Record<string, unknown>[]
        )[0]!.tool_use_id = 'call_9'),
      /tool_result call_9 does not answer/,
    ],
    [
      'text before tool_result',
      (b) => ((b.messages as Record<string, unknown>[])[2]!.content as unknown[]).reverse(),
      /tool_result blocks must come before/,
    ],
    [
      'tool_use input not an object',
      (b) =>
        (((b.messages as Record<string, unknown>[])[1]!.content as Record<string, unknown>[])[0]!.input =
          '{}'),
      /valid dictionary/,
    ],
    [
      'tools missing while history uses them',
      (b) => {
        delete b.tools;
        delete b.tool_choice;
      },
      /^tools: required/,
    ],
    [
      'thinking with forced tool',
      (b) => {
        b.thinking = { type: 'enabled', budget_tokens: 1024 };
        b.tool_choice = { type: 'any' };
        b.max_tokens = 2048;
      },
      /forces tool use/,
    ],
    [
      'thinking budget >= max_tokens',
      (b) => (b.thinking = { type: 'enabled', budget_tokens: 2048 }),
      /less than max_tokens/,
    ],
    ['first message from assistant', (b) => (b.messages as unknown[]).shift(), /first message/],
  ])('reports %s', (_name, change, expected) => {
    const problems = validateAnthropicRequest(withChange(change));
    expect(problems.some((problem) => expected.test(problem))).toBe(true);
  });

  it('rejects a final assistant prefill ending in whitespace and a thinking-only final block', () => {
    const body = {
      model: 'm',
      max_tokens: 5,
      messages: [
        { role: 'user', content: 'hi' },
        { role: 'assistant', content: 'Sure ' },
      ],
    };
    expect(validateAnthropicRequest(body)).toEqual([
      'messages.1.content: final assistant content cannot end with trailing whitespace',
    ]);
  });
});
