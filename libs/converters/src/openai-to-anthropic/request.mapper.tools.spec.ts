import { GatewayErrorCode } from '@switchboard/common/errors';
import { convert, errorOf, user } from './testing/request-cases';

describe('OpenAI → Anthropic request', () => {
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
});
