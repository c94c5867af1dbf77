import { GatewayErrorCode } from '@switchboard/common/errors';
import { decodeSse, encodeSseEvent, type SseEvent } from '@switchboard/protocols';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { firstValueFrom, from, toArray } from 'rxjs';
import { validateOpenAi } from '@switchboard/testing/openai-schema.validator';
import { fixedClock } from '../testing/fixed-clock';
import { accumulateWithOpenAiSdk, parseWithOpenAiSdk } from '../testing/openai-sdk-stream';
import { readSseFixture, runStream } from '../testing/stream-run';
import { toMemo, type OpenAiToResponsesMemo } from './conversion-memo';
import { openAiToResponsesConverter } from './index';

/**
 * Recorded-format Responses streams (`<name>.upstream.sse`) and the exact Chat bytes a client receives
 * (`<name>.client.sse`). Set UPDATE_FIXTURES=1 to rewrite the expected files (then review the diff).
 */

const DIR = path.join(__dirname, '__fixtures__');

interface Case {
  name: string;
  memo: Partial<OpenAiToResponsesMemo>;
  outcome: 'ok' | GatewayErrorCode;
}

const CASES: Case[] = [
  { name: 'text', memo: { includeUsage: true }, outcome: 'ok' },
  { name: 'multi-tool', memo: {}, outcome: 'ok' },
  { name: 'reasoning-text-tool', memo: { includeUsage: true }, outcome: 'ok' },
  { name: 'length', memo: { includeUsage: true }, outcome: 'ok' },
  { name: 'done-only-arguments', memo: { includeUsage: true }, outcome: 'ok' },
  { name: 'refusal', memo: {}, outcome: 'ok' },
  { name: 'error-mid-stream', memo: { includeUsage: true }, outcome: GatewayErrorCode.UPSTREAM_ERROR },
  { name: 'error-event', memo: {}, outcome: GatewayErrorCode.UPSTREAM_ERROR },
  { name: 'cut-after-delta', memo: {}, outcome: GatewayErrorCode.UPSTREAM_STREAM_CUT },
];

const memoFor = (c: Case) =>
  toMemo({ model: 'client-model', toolNames: {}, includeUsage: false, exposeReasoning: true, ...c.memo });

async function convertFixture(c: Case, chunks?: Uint8Array[]) {
  const source = chunks
    ? await firstValueFrom(from(chunks).pipe(decodeSse(), toArray()))
    : await readSseFixture(path.join(DIR, `${c.name}.upstream.sse`));
  return runStream(from(source), (hooks) =>
    openAiToResponsesConverter.convertStream(memoFor(c), fixedClock(), hooks),
  );
}

const wireOf = (events: SseEvent[]): string => events.map(encodeSseEvent).join('');
const byName = (name: string): Case => CASES.find((c) => c.name === name)!;

describe('Responses stream → Chat chunks (fixtures)', () => {
  it.each(CASES)('$name converts to the recorded Chat stream', async (c) => {
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
    '$name: cut at any byte before the terminal event ends in an error frame, never a clean finish',
    async (c) => {
      // The terminal event is dispatched by the blank line that ends the file: every shorter prefix is a cut.
      const bytes = fs.readFileSync(path.join(DIR, `${c.name}.upstream.sse`));
      for (let cut = 0; cut < bytes.length; cut += 7) {
        const run = await convertFixture(c, [new Uint8Array(bytes.subarray(0, cut))]);
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

  it('reports first token and usage through the hooks (cached tokens stay inside prompt_tokens)', async () => {
    const run = await convertFixture(byName('text'));
    expect(run.firstTokens).toBe(1);
    expect(run.usage).toEqual([
      { input_tokens: 25, output_tokens: 12, cache_read_input_tokens: 100, cache_creation_input_tokens: 0 },
    ]);
    const usageChunk = JSON.parse(run.events.at(-2)!.data) as Record<string, unknown>;
    expect(usageChunk).toMatchObject({
      choices: [],
      usage: { prompt_tokens: 125, completion_tokens: 12, prompt_tokens_details: { cached_tokens: 100 } },
    });
  });

  it('accumulated with the SDK, the stream equals the non-stream conversion of the same Response', async () => {
    for (const name of ['reasoning-text-tool', 'multi-tool', 'length', 'done-only-arguments']) {
      const c = byName(name);
      const run = await convertFixture(c);
      const final = await accumulateWithOpenAiSdk(wireOf(run.events));
      const wire = fs.readFileSync(path.join(DIR, `${name}.upstream.sse`), 'utf8');
      const terminal = wire
        .split('\n')
        .filter((line) => line.startsWith('data: '))
        .map((line) => JSON.parse(line.slice(6)) as Record<string, unknown>)
        .find((e) => e.type === 'response.completed' || e.type === 'response.incomplete')!;
      const nonStream = openAiToResponsesConverter.convertResponse(
        terminal.response,
        memoFor(c),
        fixedClock(),
      ) as Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any
      expect(final.id).toBe(nonStream.id);
      expect(final.model).toBe(nonStream.model);
      expect(final.choices[0]!.finish_reason).toBe(nonStream.choices[0].finish_reason);
      expect(final.choices[0]!.message.content ?? null).toBe(nonStream.choices[0].message.content || null);
      expect(final.choices[0]!.message.tool_calls ?? []).toEqual(
        nonStream.choices[0].message.tool_calls ?? [],
      );
      const reasoning = run.events
        .filter((e) => e.data.includes('"reasoning_content"'))
        .map(
          (e) =>
            (JSON.parse(e.data) as { choices: { delta: { reasoning_content: string } }[] }).choices[0]!.delta
              .reasoning_content,
        )
        .join('');
      expect(reasoning || undefined).toBe(nonStream.choices[0].message.reasoning_content);
    }
  });

  it('parallel calls keep their own tool index, matched by item id', async () => {
    const final = await accumulateWithOpenAiSdk(wireOf((await convertFixture(byName('multi-tool'))).events));
    expect(
      final.choices[0]!.message.tool_calls!.map((t) => [
        t.id,
        t.type === 'function' ? t.function.arguments : undefined,
      ]),
    ).toEqual([
      ['call_paris', '{"city":"Paris"}'],
      ['call_rome', '{"city":"Rome"}'],
    ]);
    expect(final.choices[0]!.finish_reason).toBe('tool_calls');
  });

  it('response.failed and the live error event carry the upstream message and code', async () => {
    const failed = await convertFixture(byName('error-mid-stream'));
    expect(JSON.parse(failed.events.at(-2)!.data)).toEqual({
      error: {
        message: 'The server had an error while processing your request.',
        type: 'server_error',
        param: null,
        code: 'server_error',
      },
    });
    const limited = await convertFixture(byName('error-event'));
    expect(JSON.parse(limited.events.at(-2)!.data)).toMatchObject({
      error: { type: 'tokens', code: 'rate_limit_exceeded' },
    });
    expect(limited.error).toMatchObject({ upstreamStatus: 429 });
  });

  it.each(CASES)('$name: reports the upstream model once through onModel', async (c) => {
    const run = await convertFixture(c);
    const upstream = fs.readFileSync(path.join(DIR, `${c.name}.upstream.sse`), 'utf8');
    const model = /"model":"([^"]+)"/.exec(upstream)?.[1];
    expect(run.models).toEqual(model === undefined ? [] : [model]);
  });
});
