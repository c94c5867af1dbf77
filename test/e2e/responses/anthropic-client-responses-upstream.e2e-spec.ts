import { randomUUID } from 'node:crypto';
import Anthropic from '@anthropic-ai/sdk';
import { encodeReasoningItemCarrier } from '@switchboard/protocols';
import { reply } from '../../support/mock-upstreams';
import { dataPlaneSuite } from '../data-plane/support/data-plane-suite';
import { routeFor, uniqueModel, upstreamKey } from '../data-plane/support/route-builders';

/**
 * Claude Code's path to a GPT model served only on `/v1/responses`: the official `@anthropic-ai/sdk` through the
 * gateway to a loopback Responses upstream that records what it received and rejects what OpenAI rejects
 * (unknown fields, `max_output_tokens` < 16, reasoning items it cannot verify under `store: false`, unpaired calls).
 */

type Json = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

const bashTool: Anthropic.Tool = {
  name: 'Bash',
  description: 'Runs a shell command',
  input_schema: { type: 'object', properties: { command: { type: 'string' } }, required: ['command'] },
};

describe('Anthropic Messages client → OpenAI Responses upstream (@anthropic-ai/sdk)', () => {
  const model = uniqueModel('messages-to-responses');
  const suite = dataPlaneSuite(
    { upstream: 'responses' },
    {
      clearBeforeEach: true,
      routes: ({ upstream }) => [
        routeFor(model, [
          {
            name: 'gpt',
            provider: 'openai',
            protocol: 'openai-responses',
            override: { endpoint: `${upstream.url}/v1` },
            auth: { header: { authorization: `Bearer ${upstreamKey('gpt')}` } },
          },
        ]),
      ],
    },
  );

  const sent = (): Json => {
    const last = suite.mocks.upstream.last;
    expect(last?.rejection).toBeUndefined();
    return last?.body as Json;
  };

  it('messages.create (non-stream) sends a stateless Responses request and maps the answer back', async () => {
    suite.mocks.upstream.enqueue(
      reply.text('Hello from GPT.', { usage: { input: 10, output: 5, cacheRead: 30, cacheWrite: 0 } }),
    );
    const message = await suite.sb.anthropic.messages.create({
      model,
      max_tokens: 1,
      system: [{ type: 'text', text: 'Be brief.', cache_control: { type: 'ephemeral' } }],
      messages: [{ role: 'user', content: 'Hi' }],
      metadata: { user_id: 'user-42' },
    });
    expect(message).toMatchObject({
      type: 'message',
      role: 'assistant',
      model: `${model}-2025-11-13`,
      content: [{ type: 'text', text: 'Hello from GPT.' }],
      stop_reason: 'end_turn',
      stop_sequence: null,
      usage: { input_tokens: 10, cache_read_input_tokens: 30, output_tokens: 5 },
    });
    expect(message.id).toMatch(/^msg_/);
    const body = sent();
    expect(suite.mocks.upstream.last?.path).toBe('/v1/responses');
    expect(suite.mocks.upstream.last?.headers.authorization).toBe(`Bearer ${upstreamKey('gpt')}`);
    expect(body).toEqual({
      model,
      input: [{ type: 'message', role: 'user', content: [{ type: 'input_text', text: 'Hi' }] }],
      instructions: 'Be brief.',
      max_output_tokens: 16,
      safety_identifier: 'user-42',
      store: false,
    });
  });

  it('messages.stream + finalMessage() carries thinking (signature = reasoning carrier) and text', async () => {
    suite.mocks.upstream.enqueue(
      reply.turn({ thinking: 'The user greets me.', text: 'Hello! How can I help?' }),
    );
    const requestId = `a2r-${randomUUID()}`;
    const stream = suite.sb.anthropic.messages.stream(
      {
        model,
        max_tokens: 2048,
        thinking: { type: 'enabled', budget_tokens: 1024 },
        messages: [{ role: 'user', content: 'Hello' }],
      },
      { headers: { 'x-request-id': requestId } },
    );
    const deltas: string[] = [];
    stream.on('text', (text) => deltas.push(text));
    const final = await stream.finalMessage();
    expect(final.content.map((b) => b.type)).toEqual(['thinking', 'text']);
    const thinking = final.content[0] as Anthropic.ThinkingBlock;
    expect(thinking.thinking).toBe('The user greets me.');
    expect(thinking.signature).toMatch(/^swbr1:/);
    expect(deltas.join('')).toBe('Hello! How can I help?');
    expect(final.stop_reason).toBe('end_turn');
    expect(sent()).toMatchObject({
      stream: true,
      store: false,
      reasoning: { effort: 'low', summary: 'auto' },
      include: ['reasoning.encrypted_content'],
      max_output_tokens: 2048,
    });
    const record = await suite.sb.records.forRequest(requestId);
    expect(record).toMatchObject({
      client_protocol: 'anthropic-messages',
      endpoint: 'messages',
      stream: true,
      instance: 'gpt',
      upstream_model: `${model}-2025-11-13`,
      status: 200,
      error: null,
      usage: { input: 21, output: 9, cache_read: 0, cache_creation: 0, reasoning: 5 },
    });
    expect(record.attempts).toEqual([
      expect.objectContaining({
        provider: 'openai',
        upstream_protocol: 'openai-responses',
        outcome: 'success',
      }),
    ]);
    expect(record.ttfb_ms).toBeGreaterThan(0);
  });

  it('a tool-use round trip replays the reasoning item, the call and its output (the upstream verifies them)', async () => {
    suite.mocks.upstream.enqueue(
      reply.turn({
        thinking: 'I should list files.',
        toolCalls: [{ id: 'call_ls', name: 'Bash', input: { command: 'ls' } }],
      }),
    );
    const params = {
      model,
      max_tokens: 4096,
      thinking: { type: 'enabled', budget_tokens: 4096 },
      tools: [bashTool],
      messages: [{ role: 'user', content: 'What files are here?' }] as Anthropic.MessageParam[],
    } satisfies Anthropic.MessageCreateParamsNonStreaming;
    const first = await suite.sb.anthropic.messages.stream(params).finalMessage();
    expect(first.stop_reason).toBe('tool_use');
    const call = first.content.find((b): b is Anthropic.ToolUseBlock => b.type === 'tool_use');
    expect(call).toMatchObject({ id: 'call_ls', name: 'Bash', input: { command: 'ls' } });
    expect(sent().tools).toEqual([
      {
        type: 'function',
        name: 'Bash',
        description: 'Runs a shell command',
        parameters: bashTool.input_schema,
        strict: false,
      },
    ]);

    suite.mocks.upstream.enqueue(reply.text('There are two files.'));
    const second = await suite.sb.anthropic.messages.create({
      ...params,
      messages: [
        ...params.messages,
        { role: 'assistant', content: first.content },
        { role: 'user', content: [{ type: 'tool_result', tool_use_id: 'call_ls', content: 'a.txt\nb.txt' }] },
      ],
    });
    expect(second.content).toEqual([{ type: 'text', text: 'There are two files.' }]);
    const input = sent().input as Json[];
    expect(input.map((i) => i.type)).toEqual([
      'message',
      'reasoning',
      'function_call',
      'function_call_output',
    ]);
    expect(input[1]).toMatchObject({
      summary: [{ type: 'summary_text', text: 'I should list files.' }],
      encrypted_content: expect.stringMatching(/^gAAAAB/),
      id: expect.stringMatching(/^rs_/),
    });
    expect(input[2]).toEqual({
      type: 'function_call',
      call_id: 'call_ls',
      name: 'Bash',
      arguments: '{"command":"ls"}',
    });
    expect(input[3]).toEqual({ type: 'function_call_output', call_id: 'call_ls', output: 'a.txt\nb.txt' });
  });

  it('real Claude signatures are dropped; a reasoning blob the upstream never issued is its 400, relayed', async () => {
    const history = (signature: string): Anthropic.MessageParam[] => [
      { role: 'user', content: 'Hi' },
      {
        role: 'assistant',
        content: [
          { type: 'thinking', thinking: 'Earlier thought.', signature },
          { type: 'text', text: 'Hello.' },
        ],
      },
      { role: 'user', content: 'Again' },
    ];
    suite.mocks.upstream.enqueue(reply.text('Fine.'));
    await suite.sb.anthropic.messages.create({
      model,
      max_tokens: 100,
      messages: history('EqQBCkgIBxABGAIiQ-claude'),
    });
    expect((sent().input as Json[]).map((i) => i.type)).toEqual(['message', 'message', 'message']);

    const forged = encodeReasoningItemCarrier({ id: 'rs_forged', encrypted_content: 'gAAAAB-not-issued' });
    const error = await suite.sb.anthropic.messages
      .create({ model, max_tokens: 100, messages: history(forged) })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(Anthropic.BadRequestError);
    expect(String(error)).toContain('could not be verified');
    expect(suite.mocks.upstream.last?.rejection?.status).toBe(400);
  });

  it('a non-stream tool call with forced tool_choice maps to tool_use with parsed input', async () => {
    suite.mocks.upstream.enqueue(reply.toolCall('Bash', { command: 'pwd' }, 'call_pwd'));
    const message = await suite.sb.anthropic.messages.create({
      model,
      max_tokens: 200,
      tools: [bashTool],
      tool_choice: { type: 'tool', name: 'Bash', disable_parallel_tool_use: true },
      messages: [{ role: 'user', content: 'Where am I?' }],
    });
    expect(message.stop_reason).toBe('tool_use');
    expect(message.content).toEqual([
      { type: 'tool_use', id: 'call_pwd', name: 'Bash', input: { command: 'pwd' } },
    ]);
    expect(sent()).toMatchObject({
      tool_choice: { type: 'function', name: 'Bash' },
      parallel_tool_calls: false,
    });
  });

  it('max_output_tokens incomplete → stop_reason max_tokens', async () => {
    suite.mocks.upstream.enqueue(reply.turn({ text: 'Partial', stopReason: 'max_tokens' }));
    const final = await suite.sb.anthropic.messages
      .stream({ model, max_tokens: 20, messages: [{ role: 'user', content: 'Long story' }] })
      .finalMessage();
    expect(final.stop_reason).toBe('max_tokens');
  });

  it('an in-stream upstream error and a cut upstream make the SDK raise, never a clean finish', async () => {
    suite.mocks.upstream.enqueue(
      reply.turn(
        { text: 'Some words here' },
        { streamBreak: { afterEvents: 5, how: 'error', errorType: 'server_error' } },
      ),
    );
    const request = { model, max_tokens: 100, messages: [{ role: 'user' as const, content: 'Hi' }] };
    const failed = await suite.sb.anthropic.messages
      .stream(request)
      .finalMessage()
      .catch((e: unknown) => e);
    expect(failed).toBeInstanceOf(Anthropic.APIError);
    expect(String(failed)).toContain('The server had an error while processing your request.');
    suite.mocks.upstream.enqueue(
      reply.turn({ text: 'Some words here' }, { streamBreak: { afterEvents: 5, how: 'cut' } }),
    );
    const cut = await suite.sb.anthropic.messages
      .stream(request)
      .finalMessage()
      .catch((e: unknown) => e);
    expect(cut).toBeInstanceOf(Anthropic.APIError);
  });

  it('upstream errors come back in Anthropic shape; stop_sequences are refused before any upstream call', async () => {
    suite.mocks.upstream.enqueue(reply.error(400, { message: 'Invalid prompt.' }));
    const request = { model, max_tokens: 100, messages: [{ role: 'user' as const, content: 'Hi' }] };
    const error = await suite.sb.anthropic.messages.create(request).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(Anthropic.BadRequestError);
    expect((error as InstanceType<typeof Anthropic.APIError>).error).toMatchObject({
      type: 'error',
      error: { type: 'invalid_request_error', message: 'Invalid prompt.' },
    });

    suite.mocks.upstream.clear();
    const refused = await suite.sb.anthropic.messages
      .create({ ...request, stop_sequences: ['END'] })
      .catch((e: unknown) => e);
    expect(refused).toBeInstanceOf(Anthropic.BadRequestError);
    expect(JSON.stringify((refused as InstanceType<typeof Anthropic.APIError>).error)).toContain(
      'stop_sequences',
    );
    expect(suite.mocks.upstream.requests).toHaveLength(0);
  });
});
