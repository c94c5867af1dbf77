import OpenAI from 'openai';
import { reply, startOpenAiMock, type OpenAiMock } from '../../support/mock-upstreams';
import { openAiInstance, routeFor, uniqueModel } from '../data-plane/support/route-builders';
import { chatToResponsesSuite, weatherTool } from './support/chat-to-responses-suite';

type Json = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

/**
 * Chat Completions clients of a Responses-only instance when things fail: upstream errors before and during
 * the stream, cuts, requests the converter refuses, what the mock refuses; an Azure instance; fallback to Chat.
 */
describe('Chat Completions client → Responses upstream: failures, Azure, fallback', () => {
  const model = uniqueModel('chat-to-responses');
  const suite = chatToResponsesSuite(model);

  it('upstream errors reach the SDK as OpenAI errors, before and during the stream', async () => {
    suite.upstream.enqueue(reply.error(429));
    const limited = await suite.sb.openai.chat.completions
      .create({ model, messages: [{ role: 'user', content: 'x' }] })
      .catch((e: unknown) => e);
    expect(limited).toBeInstanceOf(OpenAI.RateLimitError);
    expect((limited as InstanceType<typeof OpenAI.RateLimitError>).code).toBe('rate_limit_exceeded');

    suite.upstream.enqueue(
      reply.turn(
        { text: 'This answer breaks halfway through.' },
        { streamBreak: { afterEvents: 6, how: 'error', errorType: 'server_error', errorMessage: 'boom' } },
      ),
    );
    const failing = await suite.sb.openai.chat.completions.create({
      model,
      messages: [{ role: 'user', content: 'x' }],
      stream: true,
    });
    const received: string[] = [];
    const error = await (async () => {
      for await (const chunk of failing) received.push(chunk.choices[0]?.delta.content ?? '');
    })().catch((e: unknown) => e);
    expect(error).toBeInstanceOf(OpenAI.APIError);
    expect(String((error as Error).message)).toContain('boom');
    expect(received.join('')).not.toBe('This answer breaks halfway through.');
  });

  it('a cut upstream stream ends in an error, never in a clean finish', async () => {
    suite.upstream.enqueue(
      reply.turn({ text: 'This answer will be cut short.' }, { streamBreak: { afterEvents: 6, how: 'cut' } }),
    );
    const stream = await suite.sb.openai.chat.completions.create({
      model,
      messages: [{ role: 'user', content: 'x' }],
      stream: true,
    });
    const finishes: (string | null)[] = [];
    const error = await (async () => {
      for await (const chunk of stream) finishes.push(chunk.choices[0]?.finish_reason ?? null);
    })().catch((e: unknown) => e);
    expect(error).toBeInstanceOf(OpenAI.APIError);
    expect(finishes.filter((f) => f !== null)).toEqual([]);
  });

  it('a request the converter cannot serve is a 400 in the Chat shape, and nothing goes upstream', async () => {
    const error = await suite.sb.openai.chat.completions
      .create({ model, messages: [{ role: 'user', content: 'x' }], n: 2 })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(OpenAI.BadRequestError);
    expect((error as InstanceType<typeof OpenAI.BadRequestError>).param).toBe('n');
    expect(suite.upstream.requests).toHaveLength(0);
  });

  it('the mock refuses what OpenAI refuses (so the requests above were really accepted)', async () => {
    const post = (body: Json) =>
      fetch(`${suite.upstream.url}/v1/responses`, { method: 'POST', body: JSON.stringify(body) }).then(
        (r) => r.status,
      );
    const input = [{ role: 'user', content: 'x' }];
    expect(await post({ model: 'm', input })).toBe(200);
    expect(await post({ model: 'm', input, tools: [weatherTool] })).toBe(400);
    expect(await post({ model: 'm', input, max_output_tokens: 5 })).toBe(400);
    expect(await post({ model: 'm', messages: input })).toBe(400);
    const call = { type: 'function_call', call_id: 'c1', name: 'f', arguments: '{}' };
    expect(await post({ model: 'm', input: [...input, call] })).toBe(400);
    expect(
      await post({
        model: 'm',
        input: [...input, { type: 'function_call_output', call_id: 'c1', output: 'x' }],
      }),
    ).toBe(400);
    expect(
      await post({
        model: 'm',
        input: [...input, call, { type: 'function_call_output', call_id: 'c1', output: 'x' }],
      }),
    ).toBe(200);
  });

  it('an azure-openai Responses instance gets the model (its deployment) in the body', async () => {
    const azureModel = uniqueModel('chat-to-azure-responses');
    await suite.sb.createRoute(
      routeFor(azureModel, [
        {
          name: 'azure',
          provider: 'azure-openai',
          protocol: 'openai-responses',
          override: { endpoint: suite.upstream.url },
          auth: { header: { 'api-key': 'azure-key' } },
        },
      ]),
    );
    suite.upstream.enqueue(reply.text('From Azure.'));
    const completion = await suite.sb.openai.chat.completions.create({
      model: azureModel,
      messages: [{ role: 'user', content: 'x' }],
    });
    expect(completion.choices[0].message.content).toBe('From Azure.');
    expect(suite.upstream.last!.path).toBe('/openai/v1/responses');
    expect(suite.upstream.last!.headers['api-key']).toBe('azure-key');
    expect(suite.upstream.last!.rejection).toBeUndefined();
    expect(suite.upstream.last!.body.model).toBe(azureModel);
  });

  it('fallback works across protocols: a failing Responses instance, then a Chat Completions one', async () => {
    const chat: OpenAiMock = await startOpenAiMock();
    try {
      const mixedModel = uniqueModel('chat-responses-fallback');
      await suite.sb.createRoute(
        routeFor(mixedModel, [
          {
            ...openAiInstance('responses-first', suite.upstream.url),
            protocol: 'openai-responses',
            priority: 10,
          },
          { ...openAiInstance('chat-second', chat.url), priority: 1 },
        ]),
      );
      suite.upstream.enqueue(reply.error(500));
      chat.enqueue(reply.text('From the Chat instance.'));
      const { data, response } = await suite.sb.openai.chat.completions
        .create({ model: mixedModel, messages: [{ role: 'user', content: 'x' }] })
        .withResponse();
      expect(data.choices[0].message.content).toBe('From the Chat instance.');
      expect(response.headers.get('x-switchboard-instance')).toBe('chat-second');
      expect(response.headers.get('x-switchboard-attempts')).toBe('2');
      expect(suite.upstream.requests).toHaveLength(1);
      expect(chat.accepted).toHaveLength(1);
    } finally {
      await chat.close();
    }
  });
});
