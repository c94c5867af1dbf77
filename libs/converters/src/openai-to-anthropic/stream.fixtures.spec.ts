import { GatewayErrorCode } from '@switchboard/common/errors';
import * as path from 'node:path';
import { fixedClock } from '../testing/fixed-clock';
import { itConvertsChatClientFixtures, type ChatClientFixtureCase } from '../testing/chat-client-fixtures';
import { fixtureRunner, wireOf } from '../testing/fixture-stream';
import { accumulateWithOpenAiSdk } from '../testing/openai-sdk-stream';
import { toMemo, type OpenAiToAnthropicMemo } from './conversion-memo';
import { openAiToAnthropicConverter } from './index';

/**
 * Recorded-format Anthropic streams (`<name>.upstream.sse`) and the exact OpenAI bytes a client receives
 * (`<name>.client.sse`). Set UPDATE_FIXTURES=1 to rewrite the expected files (then review the diff).
 */

const DIR = path.join(__dirname, '__fixtures__');

type Case = ChatClientFixtureCase & { memo: Partial<OpenAiToAnthropicMemo> };

const CASES: Case[] = [
  { name: 'text', memo: { includeUsage: true }, outcome: 'ok' },
  { name: 'multi-tool', memo: {}, outcome: 'ok' },
  { name: 'thinking-text-tool', memo: { includeUsage: true }, outcome: 'ok' },
  { name: 'error-mid-stream', memo: { includeUsage: true }, outcome: GatewayErrorCode.UPSTREAM_ERROR },
  { name: 'cut-after-delta', memo: {}, outcome: GatewayErrorCode.UPSTREAM_STREAM_CUT },
  { name: 'usage-in-delta', memo: { includeUsage: true }, outcome: 'ok' },
  { name: 'json-mode', memo: { jsonTool: 'json_response' }, outcome: 'ok' },
  // Programmatic tool calling continuations: message_start already holds content blocks and a stop_reason.
  { name: 'message-start-content', memo: { includeUsage: true }, outcome: 'ok' },
];

const memoFor = (c: Case) =>
  toMemo({ model: 'client-model', toolNames: {}, includeUsage: false, exposeReasoning: true, ...c.memo });

const upstreamFile = (c: Case): string => path.join(DIR, `${c.name}.upstream.sse`);
const convertFixture = fixtureRunner(upstreamFile, (c: Case, hooks) =>
  openAiToAnthropicConverter.convertStream(memoFor(c), fixedClock(), hooks),
);

describe('Anthropic stream → OpenAI chunks (fixtures)', () => {
  itConvertsChatClientFixtures({
    cases: CASES,
    upstreamFile,
    clientFile: (c) => path.join(DIR, `${c.name}.client.sse`),
    convert: convertFixture,
    clientStreamName: 'OpenAI',
    terminalEvent: 'message_stop',
    cleanEndOffset: (bytes) =>
      bytes.lastIndexOf('{"type":"message_stop"}') + '{"type":"message_stop"}'.length + 1,
  });

  it('reports first token and usage through the hooks', async () => {
    const run = await convertFixture(CASES[0]!);
    expect(run.firstTokens).toBe(1);
    expect(run.usage).toEqual([
      { input_tokens: 25, output_tokens: 12, cache_read_input_tokens: 100, cache_creation_input_tokens: 10 },
    ]);
  });

  it('accumulated with the SDK, the stream equals the non-stream conversion of the same message', async () => {
    const c = CASES[2]!;
    const run = await convertFixture(c);
    const final = await accumulateWithOpenAiSdk(wireOf(run.events));
    const nonStream = openAiToAnthropicConverter.convertResponse(
      {
        id: 'msg_01Think',
        type: 'message',
        role: 'assistant',
        model: 'claude-opus-4-1',
        content: [
          { type: 'thinking', thinking: 'Need the weather.', signature: 'EqQBCkYIBxgCIkB' },
          { type: 'text', text: 'Checking.' },
          { type: 'tool_use', id: 'toolu_01X', name: 'get_weather', input: { city: 'Paris' } },
        ],
        stop_reason: 'tool_use',
        stop_sequence: null,
        usage: {
          input_tokens: 12,
          cache_read_input_tokens: 2048,
          cache_creation_input_tokens: 0,
          output_tokens: 57,
        },
      },
      memoFor(c),
      fixedClock(),
    ) as Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any
    const message = final.choices[0]!.message as unknown as Record<string, unknown>;
    expect(final.id).toBe(nonStream.id);
    expect(final.model).toBe(nonStream.model);
    expect(final.choices[0]!.finish_reason).toBe(nonStream.choices[0].finish_reason);
    expect(message.content).toBe(nonStream.choices[0].message.content);
    // The SDK accumulator keeps only the last value of extension fields: join reasoning_content from the chunks.
    const reasoning = run.events
      .filter((e) => e.data.includes('"reasoning_content"'))
      .map(
        (e) =>
          (JSON.parse(e.data) as { choices: { delta: { reasoning_content: string } }[] }).choices[0]!.delta
            .reasoning_content,
      )
      .join('');
    expect(reasoning).toBe(nonStream.choices[0].message.reasoning_content);
    expect(message).not.toHaveProperty('refusal', 'x');
    expect(final.choices[0]!.message.tool_calls).toEqual(nonStream.choices[0].message.tool_calls);
    expect(final.usage).toEqual(nonStream.usage);
  });

  it('message_start holding content and a stop_reason: the OpenAI client gets the text, the tool call and tool_calls', async () => {
    const c = CASES.find((x) => x.name === 'message-start-content') as Case;
    const run = await convertFixture(c);
    expect(run.error).toBeUndefined();
    const final = await accumulateWithOpenAiSdk(wireOf(run.events));
    expect(final.choices[0]?.finish_reason).toBe('tool_calls');
    expect(final.choices[0]?.message.content).toBe('Checking the weather.');
    expect(final.choices[0]?.message.tool_calls).toEqual([
      {
        id: 'toolu_01WX',
        type: 'function',
        function: { name: 'get_weather', arguments: '{"city":"Paris"}' },
      },
    ]);
    expect(run.firstTokens).toBe(1);
  });
});
