import { assertValidAnthropicRequest } from '@switchboard/testing/anthropic-request.validator';
import { expectOnlyCustomToolCall } from '../testing/custom-tool-call';
import { fixedClock } from '../testing/fixed-clock';
import { responsesToAnthropicConverter as converter } from './index';

type Json = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

const APPLY_PATCH = {
  type: 'custom',
  name: 'apply_patch',
  description: 'Edit files.',
  format: { type: 'text' },
};
const READ = {
  type: 'function',
  name: 'read',
  parameters: { type: 'object', properties: {} },
  strict: false,
};
const PATCH = '*** Begin Patch\n*** Delete File: b.txt\n*** End Patch\n';
const target = { provider: 'anthropic' };

describe('Responses custom tools and tool_choice → Anthropic Messages', () => {
  it('sends the custom tool as a tool with one string `input`, history as tool_use / tool_result', () => {
    const { body } = converter.convertRequest(
      {
        model: 'claude-sonnet-4-5',
        tools: [READ, APPLY_PATCH],
        input: [
          { role: 'user', content: 'Delete b.txt' },
          { type: 'custom_tool_call', call_id: 'toolu_p', name: 'apply_patch', input: PATCH },
          { type: 'custom_tool_call_output', call_id: 'toolu_p', output: 'ok' },
        ],
      },
      target,
      fixedClock(),
    );
    assertValidAnthropicRequest(body);
    const tool = (body.tools as Json[]).find((t) => t.name === 'apply_patch')!;
    expect(tool.input_schema.properties).toEqual({
      input: { type: 'string', description: "The tool's raw input." },
    });
    expect(tool.description).toContain('free-form text');
    const messages = body.messages as Json[];
    expect(messages[1].content).toEqual([
      { type: 'tool_use', id: 'toolu_p', name: 'apply_patch', input: { input: PATCH } },
    ]);
    expect(messages[2].content[0]).toMatchObject({
      type: 'tool_result',
      tool_use_id: 'toolu_p',
      content: 'ok',
    });
  });

  it('allowed_tools required → only the allowed tools and tool_choice any', () => {
    const { body } = converter.convertRequest(
      {
        model: 'claude-sonnet-4-5',
        input: 'x',
        tools: [READ, APPLY_PATCH],
        tool_choice: {
          type: 'allowed_tools',
          mode: 'required',
          tools: [{ type: 'custom', name: 'apply_patch' }],
        },
      },
      target,
      fixedClock(),
    );
    assertValidAnthropicRequest(body);
    expect((body.tools as Json[]).map((t) => t.name)).toEqual(['apply_patch']);
    expect(body.tool_choice).toEqual({ type: 'any' });
  });

  it('tool_choice naming a custom tool → {type: tool}', () => {
    const { body } = converter.convertRequest(
      {
        model: 'claude-sonnet-4-5',
        input: 'x',
        tools: [READ, APPLY_PATCH],
        tool_choice: { type: 'custom', name: 'apply_patch' },
      },
      target,
      fixedClock(),
    );
    expect(body.tool_choice).toEqual({ type: 'tool', name: 'apply_patch' });
  });

  it('maps a tool_use of the custom tool back to custom_tool_call with the raw input', () => {
    const clock = fixedClock();
    const { memo } = converter.convertRequest(
      { model: 'claude-sonnet-4-5', input: 'x', tools: [APPLY_PATCH] },
      target,
      clock,
    );
    const out = converter.convertResponse(
      {
        id: 'msg_1',
        type: 'message',
        role: 'assistant',
        model: 'claude-sonnet-4-5-20250929',
        content: [{ type: 'tool_use', id: 'toolu_p', name: 'apply_patch', input: { input: PATCH } }],
        stop_reason: 'tool_use',
        stop_sequence: null,
        usage: { input_tokens: 5, output_tokens: 5 },
      },
      memo,
      clock,
    ) as Json;
    expectOnlyCustomToolCall(out, { callId: 'toolu_p', name: 'apply_patch', input: PATCH });
  });
});
