import OpenAI from 'openai';
import { reply } from '../../support/mock-upstreams';
import { validateOpenAi } from '../../support/openai-schema.validator';
import { uniqueModel } from '../data-plane/support/route-builders';
import { CONVERTED_UPSTREAMS, oneUpstreamSuite } from './support/one-upstream-suite';

/**
 * The official `openai` SDK's Responses API through the gateway, against a loopback Anthropic Messages upstream
 * and a loopback Chat Completions upstream (both mocks reject what the real APIs reject).
 */

type Json = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

const shellTool: OpenAI.Responses.FunctionTool = {
  type: 'function',
  name: 'shell',
  description: 'Runs a shell command',
  parameters: {
    type: 'object',
    properties: { command: { type: 'array', items: { type: 'string' } } },
    required: ['command'],
  },
  strict: false,
};
const namespaceTool = {
  type: 'namespace',
  name: 'mcp__fs',
  description: 'Tools in the mcp__fs namespace.',
  tools: [
    {
      type: 'function',
      name: 'read_file',
      parameters: { type: 'object', properties: { path: { type: 'string' } } },
      strict: false,
    },
  ],
};

describe.each(CONVERTED_UPSTREAMS)('Responses client → %s upstream (openai SDK)', (_label, kind) => {
  const model = uniqueModel(`responses-${kind}`);
  const suite = oneUpstreamSuite(kind, model);

  const lastUpstream = (): Json => {
    const request = suite.mock.requests[suite.mock.requests.length - 1];
    expect(request.rejection).toBeUndefined();
    return request.body;
  };

  it('responses.create returns a schema-valid Response with text and usage', async () => {
    suite.mock.enqueue(
      reply.text('Hello from upstream.', { usage: { input: 10, output: 5, cacheRead: 0, cacheWrite: 0 } }),
    );
    const response = await suite.sb.openai.responses.create({
      model,
      input: 'Say hello',
      instructions: 'Be brief.',
    });
    expect(response.id).toMatch(/^resp_/);
    expect(response.status).toBe('completed');
    expect(response.output_text).toBe('Hello from upstream.');
    expect(response.usage).toMatchObject({ input_tokens: 10, output_tokens: 5, total_tokens: 15 });
    const { output_text: _derived, ...wire } = response as unknown as Json;
    expect(validateOpenAi('Response', wire)).toEqual([]);
    lastUpstream();
  });

  it('responses.stream + finalResponse() carries parallel and namespaced calls; built-ins are dropped and named', async () => {
    suite.mock.enqueue(
      reply.turn({
        toolCalls: [
          { id: 'call_ls', name: 'shell', input: { command: ['ls'] } },
          { id: 'call_rd', name: 'mcp__fs__read_file', input: { path: 'README.md' } },
        ],
      }),
    );
    const stream = suite.sb.openai.responses.stream({
      model,
      input: 'Look around',
      tools: [shellTool, namespaceTool as never, { type: 'web_search' }],
    });
    const types: string[] = [];
    stream.on('event', (event) => types.push(event.type));
    const final = await stream.finalResponse();
    expect(types[0]).toBe('response.created');
    expect(types[types.length - 1]).toBe('response.completed');
    const calls = final.output.filter((item) => item.type === 'function_call') as Json[];
    expect(calls.map((c) => [c.call_id, c.name, c.namespace])).toEqual([
      ['call_ls', 'shell', undefined],
      ['call_rd', 'read_file', 'mcp__fs'],
    ]);
    expect(JSON.parse(calls[1].arguments)).toEqual({ path: 'README.md' });
    const sentNames = (lastUpstream().tools as Json[]).map((t) => t.name ?? t.function?.name);
    expect(sentNames).toEqual(['shell', 'mcp__fs__read_file']);
  });

  it('names dropped built-in tools in x-switchboard-dropped-tools', async () => {
    suite.mock.enqueue(reply.text('ok'));
    const { response } = await suite.sb.openai.responses
      .create({
        model,
        input: 'x',
        tools: [shellTool, { type: 'web_search' }, { type: 'image_generation' } as never],
      })
      .withResponse();
    expect(response.headers.get('x-switchboard-dropped-tools')).toBe('web_search, image_generation');
  });

  it('runs a multi-turn function-calling loop with store: false and the full history', async () => {
    suite.mock.enqueue(reply.toolCall('shell', { command: ['date'] }, 'call_date'));
    const input: OpenAI.Responses.ResponseInput = [{ role: 'user', content: 'What time is it?' }];
    const first = await suite.sb.openai.responses.create({ model, input, tools: [shellTool], store: false });
    const call = first.output.find(
      (item) => item.type === 'function_call',
    ) as OpenAI.Responses.ResponseFunctionToolCall;
    expect(call).toMatchObject({ call_id: 'call_date', name: 'shell' });

    suite.mock.enqueue(reply.text('It is noon.'));
    input.push(...(first.output as OpenAI.Responses.ResponseInputItem[]), {
      type: 'function_call_output',
      call_id: call.call_id,
      output: '12:00',
    });
    const second = await suite.sb.openai.responses.create({ model, input, tools: [shellTool], store: false });
    expect(second.output_text).toBe('It is noon.');
    expect(second.id).not.toBe(first.id);
    const sent = JSON.stringify(lastUpstream());
    expect(sent).toContain('call_date');
    expect(sent).toContain('12:00');
  });

  it('answers an unknown previous_response_id with 404 previous_response_not_found', async () => {
    const error = await suite.sb.openai.responses
      .create({ model, input: 'next', previous_response_id: 'resp_unknown' })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(OpenAI.NotFoundError);
    expect((error as InstanceType<typeof OpenAI.NotFoundError>).code).toBe('previous_response_not_found');
    expect(suite.mock.requests).toHaveLength(0);
  });

  it('refuses background: true with a 400', async () => {
    const error = await suite.sb.openai.responses
      .create({ model, input: 'x', background: true })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(OpenAI.BadRequestError);
    expect(String((error as Error).message)).toContain('background');
  });

  it('a cut upstream stream makes finalResponse() reject instead of resolving a partial response', async () => {
    suite.mock.enqueue(
      reply.turn({ text: 'This answer will be cut short.' }, { streamBreak: { afterEvents: 3, how: 'cut' } }),
    );
    const stream = suite.sb.openai.responses.stream({ model, input: 'x' });
    const types: string[] = [];
    stream.on('event', (event) => types.push(event.type));
    await expect(stream.finalResponse()).rejects.toBeDefined();
    expect(types).not.toContain('response.completed');
  });
});
