import { validateOpenAi } from '@switchboard/testing/openai-schema.validator';
import { expectOnlyCustomToolCall } from '../testing/custom-tool-call';
import { fixedClock } from '../testing/fixed-clock';
import { partialCustomInput } from './custom-tools';
import { responsesToOpenAiConverter as converter } from './index';

type Json = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

const APPLY_PATCH = {
  type: 'custom',
  name: 'apply_patch',
  description: 'Edit files with a patch.',
  format: { type: 'grammar', syntax: 'lark', definition: 'start: begin_patch hunk+ end_patch' },
};
const PATCH = '*** Begin Patch\n*** Add File: a.txt\n+hi "there"\n*** End Patch\n';

/** A Chat choice that calls one function. */
const toolCallChoice = (id: string, name: string, args: string) => ({
  index: 0,
  finish_reason: 'tool_calls',
  message: {
    role: 'assistant',
    content: null,
    tool_calls: [{ id, type: 'function', function: { name, arguments: args } }],
  },
});

const convertRequest = (body: Json) => converter.convertRequest(body, { provider: 'openai' }, fixedClock());

describe('Responses custom tools → Chat Completions', () => {
  it('sends a custom tool as a function with one string parameter `input`, its grammar in the description', () => {
    const { body } = convertRequest({ model: 'gpt-5', input: 'x', tools: [APPLY_PATCH] });
    expect(validateOpenAi('CreateChatCompletionRequest', body, 'official')).toEqual([]);
    const fn = (body.tools as Json[])[0].function;
    expect(fn.name).toBe('apply_patch');
    expect(fn.parameters).toEqual({
      type: 'object',
      properties: { input: { type: 'string', description: "The tool's raw input." } },
      required: ['input'],
      additionalProperties: false,
    });
    expect(fn.description).toContain('Edit files with a patch.');
    expect(fn.description).toContain('lark grammar:\nstart: begin_patch hunk+ end_patch');
  });

  it('maps custom_tool_call / custom_tool_call_output history to a tool call and its result', () => {
    const { body } = convertRequest({
      model: 'gpt-5',
      tools: [APPLY_PATCH],
      input: [
        { role: 'user', content: 'Add a.txt' },
        { type: 'custom_tool_call', call_id: 'call_p', name: 'apply_patch', input: PATCH },
        { type: 'custom_tool_call_output', call_id: 'call_p', output: 'Done!' },
      ],
    });
    const messages = body.messages as Json[];
    expect(messages[1].tool_calls).toEqual([
      {
        id: 'call_p',
        type: 'function',
        function: { name: 'apply_patch', arguments: JSON.stringify({ input: PATCH }) },
      },
    ]);
    expect(messages[2]).toEqual({ role: 'tool', tool_call_id: 'call_p', content: 'Done!' });
  });

  it('maps a call of the converted function back to a custom_tool_call with the raw input', () => {
    const clock = fixedClock();
    const { memo } = converter.convertRequest(
      { model: 'gpt-5', input: 'x', tools: [APPLY_PATCH] },
      { provider: 'openai' },
      clock,
    );
    const out = converter.convertResponse(
      {
        id: 'c',
        object: 'chat.completion',
        created: 1,
        model: 'gpt-5',
        choices: [toolCallChoice('call_p', 'apply_patch', JSON.stringify({ input: PATCH }))],
        usage: { prompt_tokens: 1, completion_tokens: 1, total_tokens: 2 },
      },
      memo,
      clock,
    ) as Json;
    expectOnlyCustomToolCall(out, { callId: 'call_p', name: 'apply_patch', input: PATCH });
    expect(out.tools).toEqual([APPLY_PATCH]);
  });

  it('tool_choice naming a custom tool forces its function', () => {
    const { body } = convertRequest({
      model: 'gpt-5',
      input: 'x',
      tools: [APPLY_PATCH],
      tool_choice: { type: 'custom', name: 'apply_patch' },
    });
    expect(body.tool_choice).toEqual({ type: 'function', function: { name: 'apply_patch' } });
  });
});

describe('partialCustomInput', () => {
  it.each([
    ['', ''],
    ['{"inp', ''],
    ['{"input": "ab', 'ab'],
    ['{"input":"a\\', 'a'],
    ['{"input":"a\\n', 'a\n'],
    ['{"input":"a\\u00', 'a'],
    ['{"input":"a\\u00e9b"', 'aéb'],
    ['{"input":"a\\"b"}', 'a"b'],
  ])('%j → %j', (args, decoded) => expect(partialCustomInput(args)).toBe(decoded));
});

describe('custom tools inside a namespace', () => {
  it('are flattened like functions and come back with their namespace', () => {
    const clock = fixedClock();
    const { body, memo } = converter.convertRequest(
      {
        model: 'gpt-5',
        input: 'x',
        tools: [{ type: 'namespace', name: 'edit', description: 'Editing tools.', tools: [APPLY_PATCH] }],
      },
      { provider: 'openai' },
      clock,
    );
    const fn = (body.tools as Json[])[0].function;
    expect(fn.name).toBe('edit__apply_patch');
    expect(fn.description).toMatch(/^Editing tools\.\n\nEdit files with a patch\./);
    const out = converter.convertResponse(
      {
        model: 'gpt-5',
        choices: [toolCallChoice('c1', 'edit__apply_patch', '{"input":"p"}')],
      },
      memo,
      clock,
    ) as Json;
    expect(out.output[0]).toMatchObject({
      type: 'custom_tool_call',
      namespace: 'edit',
      name: 'apply_patch',
      input: 'p',
    });
  });
});
