import { GatewayErrorCode } from '@switchboard/common/errors';
import { decodeSse, encodeSseEvent, type SseEvent } from '@switchboard/protocols';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { firstValueFrom, from, toArray } from 'rxjs';
import { validateOpenAi } from '@switchboard/testing/openai-schema.validator';
import { fixedClock } from '../testing/fixed-clock';
import { accumulateWithOpenAiSdk, parseWithOpenAiSdk } from '../testing/openai-sdk-stream';
import { readSseFixture, runStream } from '../testing/stream-run';
import { toMemo, type OpenAiToAnthropicMemo } from './conversion-memo';
import { openAiToAnthropicConverter } from './index';

/**
 * Recorded-format Anthropic streams (`<name>.upstream.sse`) and the exact OpenAI bytes a client receives
 * (`<name>.client.sse`). Set UPDATE_FIXTURES=1 to rewrite the expected files (then review the diff).
 */

const DIR = path.join(__dirname, '__fixtures__');

interface Case {
  name: string;
  memo: Partial<OpenAiToAnthropicMemo>;
  outcome: 'ok' | GatewayErrorCode;
}

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

async function convertFixture(c: Case, chunks?: Uint8Array[]) {
  const source = chunks
    ? await firstValueFrom(from(chunks).pipe(decodeSse(), toArray()))
    : await readSseFixture(path.join(DIR, `${c.name}.upstream.sse`));
  return runStream(from(source), (hooks) =>
    openAiToAnthropicConverter.convertStream(memoFor(c), fixedClock(), hooks),
  );
}

const wireOf = (events: SseEvent[]): string => events.map(encodeSseEvent).join('');

describe('Anthropic stream → OpenAI chunks (fixtures)', () => {
  it.each(CASES)('$name converts to the recorded OpenAI stream', async (c) => {
    const run = await convertFixture(c);
    const wire = wireOf(run.events);
    const expectedFile = path.join(DIR, `${c.name}.client.sse`);
    if (process.env.UPDATE_FIXTURES === '1') fs.writeFileSync(expectedFile, wire);
    expect(wire).toBe(fs.readFileSync(expectedFile, 'utf8'));
    if (c.outcome === 'ok') expect(run.error).toBeUndefined();
    else expect(run.error).toMatchObject({ code: c.outcome });
  });

  it.each(CASES)('$name: every chunk validates against CreateChatCompletionStreamResponse', async (c) => {
    const run = await convertFixture(c);
    for (const event of run.events) {
      expect(event.event).toBeUndefined();
      if (event.data === '[DONE]') continue;
      const parsed = JSON.parse(event.data) as Record<string, unknown>;
      if ('error' in parsed) {
        expect(Object.keys(parsed)).toEqual(['error']);
        expect(Object.keys(parsed.error as object).sort()).toEqual(['code', 'message', 'param', 'type']);
        continue;
      }
      expect(validateOpenAi('CreateChatCompletionStreamResponse', parsed)).toEqual([]);
    }
    expect(run.events.at(-1)).toEqual({ data: '[DONE]' });
  });

  it.each(CASES)('$name: the openai SDK parses the stream (and throws on error frames)', async (c) => {
    const run = await convertFixture(c);
    const parsed = await parseWithOpenAiSdk(wireOf(run.events));
    const dataChunks = run.events.filter((e) => e.data !== '[DONE]' && !e.data.startsWith('{"error"'));
    expect(parsed.chunks).toHaveLength(dataChunks.length);
    if (c.outcome === 'ok') expect(parsed.error).toBeUndefined();
    else expect(parsed.error).toBeDefined();
  });

  it.each(CASES.filter((c) => c.outcome === 'ok'))(
    '$name: the same output for any split of the upstream bytes (property)',
    async (c) => {
      const bytes = fs.readFileSync(path.join(DIR, `${c.name}.upstream.sse`));
      const expected = wireOf((await convertFixture(c)).events);
      const fc = await import('fast-check');
      await fc.assert(
        fc.asyncProperty(fc.array(fc.nat({ max: bytes.length }), { maxLength: 20 }), async (cuts) => {
          const points = [...new Set([0, ...cuts, bytes.length])].sort((a, b) => a - b);
          const chunks = points.slice(1).map((p, i) => new Uint8Array(bytes.subarray(points[i], p)));
          expect(wireOf((await convertFixture(c, chunks)).events)).toBe(expected);
        }),
        { numRuns: 60 },
      );
    },
  );

  it.each(CASES.filter((c) => c.outcome === 'ok'))(
    '$name: cut at any byte before message_stop ends in an error frame, never a clean finish',
    async (c) => {
      const bytes = fs.readFileSync(path.join(DIR, `${c.name}.upstream.sse`));
      const endOfStop = bytes.lastIndexOf('{"type":"message_stop"}') + '{"type":"message_stop"}'.length + 1;
      for (let cut = 0; cut < bytes.length; cut += 7) {
        const run = await convertFixture(c, [new Uint8Array(bytes.subarray(0, cut))]);
        if (cut > endOfStop) {
          expect(run.error).toBeUndefined();
          continue;
        }
        expect(run.error).toMatchObject({ code: GatewayErrorCode.UPSTREAM_STREAM_CUT });
        expect(run.events.slice(-2).map((e) => e.data)).toEqual([
          expect.stringMatching(/^\{"error":/),
          '[DONE]',
        ]);
        expect(run.events.some((e) => /"finish_reason":"/.test(e.data))).toBe(false);
        expect(run.usage).toEqual([]);
      }
    },
  );

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

  it.each(CASES)('$name: reports the upstream model once through onModel', async (c) => {
    const run = await convertFixture(c);
    const upstream = fs.readFileSync(path.join(DIR, `${c.name}.upstream.sse`), 'utf8');
    const model = /"model":"([^"]+)"/.exec(upstream)?.[1];
    expect(run.models).toEqual(model === undefined ? [] : [model]);
  });
});
