import type OpenAI from 'openai';
import { reply } from '../../support/mock-upstreams';
import { validateOpenAi } from '../../support/openai-schema.validator';
import { uniqueModel } from '../data-plane/support/route-builders';
import { CONVERTED_UPSTREAMS, oneUpstreamSuite } from './support/one-upstream-suite';

type Json = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

/** Codex's free-form `apply_patch` tool. */
const APPLY_PATCH = {
  type: 'custom' as const,
  name: 'apply_patch',
  description: 'Use the `apply_patch` tool to edit files.',
  format: {
    type: 'grammar' as const,
    syntax: 'lark' as const,
    definition: 'start: begin_patch hunk+ end_patch',
  },
};
const SHELL: OpenAI.Responses.FunctionTool = {
  type: 'function',
  name: 'shell',
  parameters: { type: 'object', properties: { command: { type: 'string' } }, required: ['command'] },
  strict: false,
};
const PATCH = '*** Begin Patch\n*** Add File: hello.txt\n+Hello "world"\n*** End Patch\n';

/**
 * Custom (free-form) tools through the gateway with the official `openai` SDK: offered upstream as a function with
 * one string `input`, answered as `custom_tool_call` items (stream and not), replayed as history; plus
 * `tool_choice: allowed_tools`.
 */
describe.each(CONVERTED_UPSTREAMS)('Responses custom tools → %s upstream', (_label, kind) => {
  const model = uniqueModel(`custom-${kind}`);
  const suite = oneUpstreamSuite(kind, model);
  const callId = kind === 'anthropic' ? 'toolu_patch' : 'call_patch';

  const upstream = (n: number): Json => {
    expect(suite.mock.requests[n].rejection).toBeUndefined();
    return suite.mock.requests[n].body;
  };
  const toolNamed = (body: Json, name: string): Json =>
    (body.tools as Json[]).find((t) => (t.name ?? t.function?.name) === name)!;

  it('responses.create: a custom_tool_call with the raw input; the upstream saw a one-string function', async () => {
    suite.mock.enqueue(reply.toolCall('apply_patch', { input: PATCH }, callId));
    const response = await suite.sb.openai.responses.create({
      model,
      input: 'Add hello.txt',
      tools: [APPLY_PATCH, SHELL],
    });
    expect(response.output).toEqual([
      {
        type: 'custom_tool_call',
        id: expect.stringMatching(/^ctc_/),
        call_id: callId,
        name: 'apply_patch',
        input: PATCH,
      },
    ]);
    const { output_text: _derived, ...wire } = response as unknown as Json;
    expect(validateOpenAi('Response', wire)).toEqual([]);
    const sent = toolNamed(upstream(0), 'apply_patch');
    const schema = sent.input_schema ?? sent.function.parameters;
    expect(schema.properties.input.type).toBe('string');
    expect(sent.description ?? sent.function.description).toContain('start: begin_patch hunk+ end_patch');
  });

  it('responses.stream: custom_tool_call_input deltas add up to the input; finalResponse() has the item', async () => {
    suite.mock.enqueue(reply.toolCall('apply_patch', { input: PATCH }, callId, 'Patching.'));
    const stream = suite.sb.openai.responses.stream({ model, input: 'Add hello.txt', tools: [APPLY_PATCH] });
    const deltas: string[] = [];
    let done: string | undefined;
    stream.on('event', (event) => {
      if (event.type === 'response.custom_tool_call_input.delta') deltas.push(event.delta);
      if (event.type === 'response.custom_tool_call_input.done') done = event.input;
    });
    const final = await stream.finalResponse();
    expect(deltas.join('')).toBe(PATCH);
    expect(done).toBe(PATCH);
    expect(final.output.map((item) => item.type)).toEqual(['message', 'custom_tool_call']);
    expect(final.output[1]).toMatchObject({ call_id: callId, name: 'apply_patch', input: PATCH });
  });

  it('replays custom_tool_call / custom_tool_call_output history as the tool call and its result', async () => {
    suite.mock.enqueue(reply.text('Done.'));
    const second = await suite.sb.openai.responses.create({
      model,
      store: false,
      tools: [APPLY_PATCH],
      input: [
        { role: 'user', content: 'Add hello.txt' },
        { type: 'custom_tool_call', call_id: callId, name: 'apply_patch', input: PATCH },
        { type: 'custom_tool_call_output', call_id: callId, output: 'Success. Updated 1 file.' },
      ],
    });
    expect(second.output_text).toBe('Done.');
    const messages = upstream(0).messages as Json[];
    const history = JSON.stringify(messages);
    const replayed =
      kind === 'anthropic'
        ? (messages[1].content as Json[]).find((block) => block.type === 'tool_use')!.input
        : JSON.parse(messages[1].tool_calls[0].function.arguments);
    expect(replayed).toEqual({ input: PATCH });
    expect(history).toContain('Success. Updated 1 file.');
  });

  it('tool_choice allowed_tools required: only the allowed tool goes upstream, forced', async () => {
    suite.mock.enqueue(reply.toolCall('apply_patch', { input: PATCH }, callId));
    await suite.sb.openai.responses.create({
      model,
      input: 'Patch it',
      tools: [APPLY_PATCH, SHELL],
      tool_choice: {
        type: 'allowed_tools',
        mode: 'required',
        tools: [{ type: 'custom', name: 'apply_patch' }],
      },
    });
    const body = upstream(0);
    expect((body.tools as Json[]).map((t) => t.name ?? t.function?.name)).toEqual(['apply_patch']);
    expect(body.tool_choice).toEqual(kind === 'anthropic' ? { type: 'any' } : 'required');
  });
});
