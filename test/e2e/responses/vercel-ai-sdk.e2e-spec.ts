import { createOpenAI } from '@ai-sdk/openai';
import { generateText, stepCountIs, streamText, tool } from 'ai';
import { z } from 'zod';
import { reply } from '../../support/mock-upstreams';
import { uniqueModel } from '../data-plane/support/route-builders';
import { CONVERTED_UPSTREAMS, oneUpstreamSuite } from './support/one-upstream-suite';

type Json = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

/**
 * The Vercel AI SDK's Responses provider (`openai.responses(model)`) through the gateway, against a loopback
 * Anthropic Messages upstream and a loopback Chat Completions upstream: generateText, streamText, and a
 * multi-step tool loop whose second request refers to the first answer's message by `item_reference` (the
 * SDK's default when `store` is not false), which the gateway resolves from its stored responses.
 */
describe.each(CONVERTED_UPSTREAMS)('Vercel AI SDK openai.responses() → %s upstream', (_label, kind) => {
  const model = uniqueModel(`vercel-${kind}`);
  const suite = oneUpstreamSuite(kind, model);
  /** What the SDK sent the gateway (its own wire format). */
  const sent: Json[] = [];
  let openai: ReturnType<typeof createOpenAI>;

  beforeAll(() => {
    openai = createOpenAI({
      baseURL: `${suite.sb.gatewayUrl}/v1`,
      apiKey: 'sk-vercel-client',
      fetch: async (url, init) => {
        if (typeof init?.body === 'string') sent.push(JSON.parse(init.body) as Json);
        return fetch(url, init);
      },
    });
  });
  beforeEach(() => {
    sent.length = 0;
  });

  const upstreamBodies = (): Json[] =>
    suite.mock.requests.map((request) => {
      expect(request.rejection).toBeUndefined();
      return request.body;
    });

  it('generateText returns the text, finish reason and usage', async () => {
    suite.mock.enqueue(
      reply.text('Hello from upstream.', { usage: { input: 12, output: 4, cacheRead: 0, cacheWrite: 0 } }),
    );
    const result = await generateText({ model: openai.responses(model), prompt: 'Say hello', maxRetries: 0 });
    expect(result.text).toBe('Hello from upstream.');
    expect(result.finishReason).toBe('stop');
    expect(result.usage).toMatchObject({ inputTokens: 12, outputTokens: 4, totalTokens: 16 });
    expect(result.response.id).toMatch(/^resp_/);
    expect(upstreamBodies()).toHaveLength(1);
  });

  it('streamText streams the text deltas and ends with usage', async () => {
    suite.mock.enqueue(
      reply.text('Streaming works fine.', { usage: { input: 8, output: 5, cacheRead: 0, cacheWrite: 0 } }),
    );
    const result = streamText({ model: openai.responses(model), prompt: 'Stream something', maxRetries: 0 });
    const deltas: string[] = [];
    for await (const delta of result.textStream) deltas.push(delta);
    expect(deltas.join('')).toBe('Streaming works fine.');
    expect(await result.finishReason).toBe('stop');
    expect(await result.usage).toMatchObject({ inputTokens: 8, outputTokens: 5 });
    expect(sent[0].stream).toBe(true);
  });

  it('runs a multi-step tool loop; the second request refers to the first answer by item_reference', async () => {
    suite.mock.enqueue(
      reply.toolCall(
        'get_weather',
        { city: 'Paris' },
        kind === 'anthropic' ? 'toolu_paris' : 'call_paris',
        'Let me check.',
      ),
      reply.text('It is sunny in Paris.'),
    );
    const calls: string[] = [];
    const result = await generateText({
      model: openai.responses(model),
      prompt: 'Weather in Paris?',
      maxRetries: 0,
      stopWhen: stepCountIs(3),
      tools: {
        get_weather: tool({
          description: 'Current weather for a city',
          inputSchema: z.object({ city: z.string() }),
          execute: async ({ city }) => {
            calls.push(city);
            return { city, sky: 'sunny' };
          },
        }),
      },
    });
    expect(calls).toEqual(['Paris']);
    expect(result.text).toBe('It is sunny in Paris.');
    expect(result.steps).toHaveLength(2);

    // The SDK's second request: the earlier assistant message only as an item_reference, then the call and its output.
    const second = sent[1].input as Json[];
    expect(second.some((item) => item.type === 'item_reference' && String(item.id).startsWith('msg_'))).toBe(
      true,
    );
    expect(second.some((item) => item.type === 'function_call_output')).toBe(true);

    // The upstream got the whole history, the referenced message's text included.
    const [, upstreamSecond] = upstreamBodies();
    const history = JSON.stringify(upstreamSecond.messages);
    expect(history).toContain('Let me check.');
    expect(history).toContain(kind === 'anthropic' ? 'toolu_paris' : 'call_paris');
    expect(history).toContain('sunny');
  });
});
