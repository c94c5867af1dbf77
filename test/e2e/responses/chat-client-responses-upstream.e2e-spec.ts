import type { ChatCompletionChunk, ChatCompletionMessageParam } from 'openai/resources/chat/completions';
import { reply } from '../../support/mock-upstreams';
import { validateOpenAi } from '../../support/openai-schema.validator';
import { uniqueModel } from '../data-plane/support/route-builders';
import { chatToResponsesSuite, weatherTool } from './support/chat-to-responses-suite';

type Json = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

/**
 * The official `openai` SDK's Chat Completions API through the gateway to an instance that only speaks the
 * Responses API (a loopback mock that records what it received and refuses what OpenAI refuses): answers,
 * streams, tool calls, reasoning, truncation.
 */
describe('Chat Completions client → Responses upstream (openai SDK)', () => {
  const model = uniqueModel('chat-to-responses');
  const suite = chatToResponsesSuite(model);
  const { lastUpstream } = suite;

  it('chat.completions.create: text, usage and a stateless Responses request upstream', async () => {
    suite.upstream.enqueue(
      reply.text('Bonjour !', { usage: { input: 30, output: 4, cacheRead: 70, cacheWrite: 0 } }),
    );
    const requestId = `chat-to-responses-${Date.now()}`;
    const completion = await suite.sb.openai.chat.completions.create(
      {
        model,
        messages: [
          { role: 'system', content: 'Answer in French.' },
          { role: 'user', content: 'Hello' },
        ],
        max_completion_tokens: 200,
        temperature: 0.3,
        user: 'user-1',
      },
      { headers: { 'x-request-id': requestId } },
    );
    expect(completion.choices[0].message.content).toBe('Bonjour !');
    expect(completion.choices[0].finish_reason).toBe('stop');
    expect(completion.usage).toMatchObject({
      prompt_tokens: 100,
      completion_tokens: 4,
      total_tokens: 104,
      prompt_tokens_details: { cached_tokens: 70 },
    });
    expect(completion.model).toBe(`${model}-2025-11-13`);
    expect(validateOpenAi('CreateChatCompletionResponse', completion)).toEqual([]);
    expect(lastUpstream()).toEqual({
      model,
      instructions: 'Answer in French.',
      input: [{ type: 'message', role: 'user', content: 'Hello' }],
      max_output_tokens: 200,
      temperature: 0.3,
      user: 'user-1',
      store: false,
    });
    const record = await suite.sb.records.forRequest(requestId);
    expect(record).toMatchObject({
      client_protocol: 'openai-chat',
      status: 200,
      upstream_model: `${model}-2025-11-13`,
      attempts: [{ instance: 'up', upstream_protocol: 'openai-responses', outcome: 'success' }],
      usage: { input: 30, output: 4, cache_read: 70 },
    });
  });

  it('chat.completions.stream: content deltas, the usage chunk and [DONE]', async () => {
    suite.upstream.enqueue(reply.text('Streaming works fine.', { deltaSize: 3 }));
    const chunks: ChatCompletionChunk[] = [];
    const stream = suite.sb.openai.chat.completions.stream({
      model,
      messages: [{ role: 'user', content: 'Stream please' }],
      stream_options: { include_usage: true },
    });
    stream.on('chunk', (chunk) => chunks.push(chunk));
    const final = await stream.finalChatCompletion();
    expect(final.choices[0].message.content).toBe('Streaming works fine.');
    expect(final.choices[0].finish_reason).toBe('stop');
    expect(chunks.filter((c) => c.choices[0]?.delta.content).length).toBeGreaterThan(3);
    expect(chunks.at(-1)).toMatchObject({ choices: [], usage: { prompt_tokens: 21, completion_tokens: 9 } });
    for (const chunk of chunks)
      expect(validateOpenAi('CreateChatCompletionStreamResponse', chunk)).toEqual([]);
    expect(lastUpstream()).toMatchObject({ stream: true, store: false });
    expect(lastUpstream()).not.toHaveProperty('stream_options');
  });

  it('a tool-call round trip: parallel calls out, tool messages back as function_call_output items', async () => {
    suite.upstream.enqueue(
      reply.turn({
        text: 'Checking both.',
        toolCalls: [
          { id: 'call_paris', name: 'get_weather', input: { city: 'Paris' } },
          { id: 'call_rome', name: 'get_weather', input: { city: 'Rome' } },
        ],
      }),
    );
    const messages: ChatCompletionMessageParam[] = [{ role: 'user', content: 'Weather in Paris and Rome?' }];
    const stream = suite.sb.openai.chat.completions.stream({ model, messages, tools: [weatherTool] });
    const first = await stream.finalChatCompletion();
    const message = first.choices[0].message;
    expect(first.choices[0].finish_reason).toBe('tool_calls');
    expect(
      message.tool_calls!.map((c) => c.type === 'function' && [c.id, JSON.parse(c.function.arguments)]),
    ).toEqual([
      ['call_paris', { city: 'Paris' }],
      ['call_rome', { city: 'Rome' }],
    ]);
    expect(lastUpstream().tools).toEqual([
      {
        type: 'function',
        name: 'get_weather',
        description: 'Current weather for a city',
        parameters: weatherTool.function.parameters,
        strict: false,
      },
    ]);

    suite.upstream.enqueue(reply.text('Paris 18°C, Rome 24°C.'));
    messages.push(
      { role: 'assistant', content: message.content, tool_calls: message.tool_calls },
      { role: 'tool', tool_call_id: 'call_paris', content: '18°C' },
      { role: 'tool', tool_call_id: 'call_rome', content: '24°C' },
    );
    const second = await suite.sb.openai.chat.completions.create({
      model,
      messages,
      tools: [weatherTool],
      tool_choice: 'auto',
    });
    expect(second.choices[0].message.content).toBe('Paris 18°C, Rome 24°C.');
    expect(lastUpstream().input).toEqual([
      { type: 'message', role: 'user', content: 'Weather in Paris and Rome?' },
      { type: 'message', role: 'assistant', content: 'Checking both.' },
      { type: 'function_call', call_id: 'call_paris', name: 'get_weather', arguments: '{"city":"Paris"}' },
      { type: 'function_call', call_id: 'call_rome', name: 'get_weather', arguments: '{"city":"Rome"}' },
      { type: 'function_call_output', call_id: 'call_paris', output: '18°C' },
      { type: 'function_call_output', call_id: 'call_rome', output: '24°C' },
    ]);
  });

  it('reasoning_effort asks for a summary, which comes back as reasoning_content', async () => {
    suite.upstream.enqueue(reply.turn({ thinking: 'Two plus two.', text: '4' }));
    const completion = await suite.sb.openai.chat.completions.create({
      model,
      messages: [{ role: 'user', content: '2+2?' }],
      reasoning_effort: 'low',
      response_format: { type: 'json_object' },
    });
    expect((completion.choices[0].message as unknown as Json).reasoning_content).toBe('Two plus two.');
    expect(lastUpstream()).toMatchObject({
      reasoning: { effort: 'low', summary: 'auto' },
      text: { format: { type: 'json_object' } },
    });
  });

  it('an incomplete response (max_output_tokens) is finish_reason length, streamed or not', async () => {
    suite.upstream.enqueue(reply.turn({ text: 'Cut', stopReason: 'max_tokens' }));
    const plain = await suite.sb.openai.chat.completions.create({
      model,
      messages: [{ role: 'user', content: 'x' }],
      max_tokens: 5,
    });
    expect(plain.choices[0].finish_reason).toBe('length');
    expect(lastUpstream().max_output_tokens).toBe(16);
    suite.upstream.enqueue(reply.turn({ text: 'Cut', stopReason: 'max_tokens' }));
    const streamed = await suite.sb.openai.chat.completions
      .stream({ model, messages: [{ role: 'user', content: 'x' }] })
      .finalChatCompletion();
    expect(streamed.choices[0].finish_reason).toBe('length');
  });
});
