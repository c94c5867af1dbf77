import OpenAI from 'openai';
import { eventually } from '../../support/eventually';
import { reply } from '../../support/mock-upstreams';
import { dataPlaneSuite } from '../data-plane/support/data-plane-suite';
import {
  anthropicInstance,
  openAiInstance,
  routeFor,
  uniqueModel,
} from '../data-plane/support/route-builders';

/**
 * Stored responses through the official `openai` SDK: a function-calling loop chained with
 * `previous_response_id` (the gateway expands the history, upstreams stay stateless), against an Anthropic
 * upstream, a Chat upstream, and with fallback from one to the other between turns; retrieve, input_items,
 * delete, `store: false`.
 */

type Json = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

const shellTool: OpenAI.Responses.FunctionTool = {
  type: 'function',
  name: 'shell',
  description: 'Runs a shell command',
  parameters: { type: 'object', properties: { command: { type: 'array', items: { type: 'string' } } } },
  strict: false,
};

describe('stored responses (openai SDK, previous_response_id)', () => {
  const suite = dataPlaneSuite({ anthropic: 'anthropic', chat: 'openai' }, { clearBeforeEach: true });

  /** A stored response becomes readable once its turn was saved (off the hot path). */
  const storedResponse = (id: string) =>
    eventually(
      () => suite.sb.openai.responses.retrieve(id),
      (response) => response.id === id,
    );

  async function toolLoop(model: string, secondTurnUpstream: () => Json): Promise<void> {
    const first = await suite.sb.openai.responses.create({
      model,
      input: 'What time is it?',
      tools: [shellTool],
    });
    const call = first.output.find(
      (item) => item.type === 'function_call',
    ) as OpenAI.Responses.ResponseFunctionToolCall;
    expect(call).toMatchObject({ call_id: 'call_date', name: 'shell' });
    await storedResponse(first.id);

    const second = await suite.sb.openai.responses.create({
      model,
      previous_response_id: first.id,
      input: [{ type: 'function_call_output', call_id: call.call_id, output: '12:00' }],
      tools: [shellTool],
    });
    expect(second.output_text).toBe('It is noon.');
    expect(second.previous_response_id).toBe(first.id);
    const sent = JSON.stringify(secondTurnUpstream());
    expect(sent).toContain('What time is it?');
    expect(sent).toContain('call_date');
    expect(sent).toContain('12:00');
    expect(sent).not.toContain('previous_response_id');

    const stored = await storedResponse(second.id);
    expect(stored.output_text).toBe('It is noon.');
    const items = await suite.sb.openai.responses.inputItems.list(second.id);
    expect(items.data.map((item) => item.type)).toEqual(['function_call_output']);
    expect(items.data[0].id).toMatch(/^fco_/);
  }

  const last = (mock: { requests: { body: Json }[] }) => mock.requests[mock.requests.length - 1].body;

  it('chains a function-calling loop against an Anthropic upstream', async () => {
    const model = uniqueModel('stored-anthropic');
    await suite.sb.createRoute(routeFor(model, [anthropicInstance('a', suite.mocks.anthropic.url)]));
    suite.mocks.anthropic.enqueue(
      reply.toolCall('shell', { command: ['date'] }, 'call_date'),
      reply.text('It is noon.'),
    );
    await toolLoop(model, () => last(suite.mocks.anthropic));
  });

  it('chains a function-calling loop against a Chat Completions upstream (streamed second turn stored too)', async () => {
    const model = uniqueModel('stored-chat');
    await suite.sb.createRoute(routeFor(model, [openAiInstance('c', suite.mocks.chat.url)]));
    suite.mocks.chat.enqueue(reply.toolCall('shell', { command: ['date'] }, 'call_date'));
    const first = await suite.sb.openai.responses.create({
      model,
      input: 'What time is it?',
      tools: [shellTool],
    });
    await storedResponse(first.id);
    suite.mocks.chat.enqueue(reply.text('It is noon.'));
    const stream = suite.sb.openai.responses.stream({
      model,
      previous_response_id: first.id,
      input: [{ type: 'function_call_output', call_id: 'call_date', output: '12:00' }],
      tools: [shellTool],
    });
    const final = await stream.finalResponse();
    expect(final.output_text).toBe('It is noon.');
    expect(JSON.stringify(last(suite.mocks.chat))).toContain('What time is it?');
    const stored = await storedResponse(final.id);
    expect(stored.output_text).toBe('It is noon.');
  });

  it('keeps the chain when the second turn falls back from Anthropic to Chat', async () => {
    const model = uniqueModel('stored-fallback');
    await suite.sb.createRoute(
      routeFor(model, [
        anthropicInstance('primary', suite.mocks.anthropic.url, { priority: 1 }),
        openAiInstance('secondary', suite.mocks.chat.url, { priority: 0 }),
      ]),
    );
    suite.mocks.anthropic.enqueue(
      reply.toolCall('shell', { command: ['date'] }, 'call_date'),
      reply.error(503),
    );
    suite.mocks.chat.enqueue(reply.text('It is noon.'));
    await toolLoop(model, () => last(suite.mocks.chat));
    expect(suite.mocks.anthropic.requests).toHaveLength(2);
    expect(suite.mocks.chat.requests).toHaveLength(1);
  });

  it('deletes a stored response ({id, object, deleted}) and then answers 404', async () => {
    const model = uniqueModel('stored-delete');
    await suite.sb.createRoute(routeFor(model, [anthropicInstance('a', suite.mocks.anthropic.url)]));
    suite.mocks.anthropic.enqueue(reply.text('bye'));
    const response = await suite.sb.openai.responses.create({ model, input: 'x' });
    await storedResponse(response.id);
    const deleted = await fetch(`${suite.sb.gatewayUrl}/v1/responses/${response.id}`, { method: 'DELETE' });
    expect(deleted.status).toBe(200);
    expect(await deleted.json()).toEqual({ id: response.id, object: 'response', deleted: true });
    const error = await suite.sb.openai.responses.retrieve(response.id).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(OpenAI.NotFoundError);
    const chained = await suite.sb.openai.responses
      .create({ model, input: 'next', previous_response_id: response.id })
      .catch((e: unknown) => e);
    expect((chained as InstanceType<typeof OpenAI.NotFoundError>).code).toBe('previous_response_not_found');
  });

  it('store: false keeps nothing', async () => {
    const model = uniqueModel('stored-none');
    await suite.sb.createRoute(routeFor(model, [anthropicInstance('a', suite.mocks.anthropic.url)]));
    suite.mocks.anthropic.enqueue(reply.text('not kept'), reply.text('kept'));
    const unkept = await suite.sb.openai.responses.create({ model, input: 'x', store: false });
    const kept = await suite.sb.openai.responses.create({ model, input: 'y' });
    // Saves run in order on one replica: once the later one is readable, the earlier one would be too.
    await storedResponse(kept.id);
    const error = await suite.sb.openai.responses.retrieve(unkept.id).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(OpenAI.NotFoundError);
  });

  it('refuses bad input_items queries and unknown methods in OpenAI shape', async () => {
    const page = await fetch(`${suite.sb.gatewayUrl}/v1/responses/resp_x/input_items?limit=0`);
    expect(page.status).toBe(400);
    expect(((await page.json()) as Json).error).toMatchObject({
      param: 'limit',
      type: 'invalid_request_error',
    });
    const put = await fetch(`${suite.sb.gatewayUrl}/v1/responses/resp_x`, { method: 'PUT' });
    expect(put.status).toBe(405);
    expect(put.headers.get('allow')).toBe('GET, DELETE');
  });
});
