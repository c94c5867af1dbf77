import type OpenAI from 'openai';
import {
  reply,
  startAnthropicMock,
  startOpenAiMock,
  type AnthropicMock,
  type OpenAiMock,
} from '../../support/mock-upstreams';
import { validateOpenAi } from '../../support/openai-schema.validator';
import { startDataPlane, type DataPlaneHarness } from '../data-plane/support/data-plane-harness';
import {
  anthropicInstance,
  openAiInstance,
  routeFor,
  uniqueModel,
} from '../data-plane/support/route-builders';

type Json = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

interface Upstream {
  requests: { body: Json; rejection?: unknown }[];
  enqueue(...specs: ReturnType<typeof reply.text>[]): void;
  clear(): void;
  close(): Promise<void>;
}

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
describe.each([
  ['Anthropic Messages', 'anthropic'],
  ['Chat Completions', 'chat'],
] as const)('Responses custom tools → %s upstream', (_label, kind) => {
  let mock: Upstream;
  let sb: DataPlaneHarness;
  let model: string;
  const callId = kind === 'anthropic' ? 'toolu_patch' : 'call_patch';

  beforeAll(async () => {
    const started: AnthropicMock | OpenAiMock =
      kind === 'anthropic' ? await startAnthropicMock() : await startOpenAiMock();
    mock = started as unknown as Upstream;
    sb = await startDataPlane();
    model = uniqueModel(`custom-${kind}`);
    const instance =
      kind === 'anthropic' ? anthropicInstance('up', started.url) : openAiInstance('up', started.url);
    await sb.createRoute(routeFor(model, [instance]));
  }, 120_000);
  afterAll(async () => {
    await sb?.close();
    await mock?.close();
  });
  beforeEach(() => mock.clear());

  const upstream = (n: number): Json => {
    expect(mock.requests[n].rejection).toBeUndefined();
    return mock.requests[n].body;
  };
  const toolNamed = (body: Json, name: string): Json =>
    (body.tools as Json[]).find((t) => (t.name ?? t.function?.name) === name)!;

  it('responses.create: a custom_tool_call with the raw input; the upstream saw a one-string function', async () => {
    mock.enqueue(reply.toolCall('apply_patch', { input: PATCH }, callId));
    const response = await sb.openai.responses.create({
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
    mock.enqueue(reply.toolCall('apply_patch', { input: PATCH }, callId, 'Patching.'));
    const stream = sb.openai.responses.stream({ model, input: 'Add hello.txt', tools: [APPLY_PATCH] });
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
    mock.enqueue(reply.text('Done.'));
    const second = await sb.openai.responses.create({
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
    mock.enqueue(reply.toolCall('apply_patch', { input: PATCH }, callId));
    await sb.openai.responses.create({
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
