import { GatewayErrorCode } from '@switchboard/common/errors';
import * as fs from 'node:fs';
import { validateOpenAi } from '@switchboard/testing/openai-schema.validator';
import { parseWithOpenAiSdk } from './openai-sdk-stream';
import { wireOf } from './fixture-stream';
import type { StreamRun } from './stream-run';

export interface ChatClientFixtureCase {
  name: string;
  outcome: 'ok' | GatewayErrorCode;
}

/** A fixture suite of a converter toward OpenAI Chat clients, whatever the upstream protocol. */
export interface ChatClientFixtures<C extends ChatClientFixtureCase> {
  cases: C[];
  /** The recorded upstream stream of a case (`<name>.upstream.sse`) and the client bytes expected for it. */
  upstreamFile: (c: C) => string;
  clientFile: (c: C) => string;
  /** Converts the case's recorded stream, or the given byte chunks of it. */
  convert: (c: C, chunks?: Uint8Array[]) => Promise<StreamRun>;
  /** How the test titles name the client stream and the upstream's terminal event. */
  clientStreamName: string;
  terminalEvent: string;
  /** The byte offset past the upstream's terminal event: a cut after it is a clean end (default: none is). */
  cleanEndOffset?: (bytes: Buffer) => number;
}

/**
 * The checks every Chat-client fixture suite runs on each recorded stream: the exact client bytes, the OpenAPI
 * schema of each chunk, the openai SDK's reading, any byte split, any cut, and the model reported once.
 * Call it inside the suite's `describe`; UPDATE_FIXTURES=1 rewrites the expected files.
 */
export function itConvertsChatClientFixtures<C extends ChatClientFixtureCase>(
  suite: ChatClientFixtures<C>,
): void {
  const { cases, convert } = suite;
  const ok = cases.filter((c) => c.outcome === 'ok');

  it.each(cases)(`$name converts to the recorded ${suite.clientStreamName} stream`, async (c) => {
    const run = await convert(c);
    const wire = wireOf(run.events);
    const expectedFile = suite.clientFile(c);
    if (process.env.UPDATE_FIXTURES === '1') fs.writeFileSync(expectedFile, wire);
    expect(wire).toBe(fs.readFileSync(expectedFile, 'utf8'));
    if (c.outcome === 'ok') expect(run.error).toBeUndefined();
    else expect(run.error).toMatchObject({ code: c.outcome });
  });

  it.each(cases)('$name: every chunk validates against CreateChatCompletionStreamResponse', async (c) => {
    const run = await convert(c);
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

  it.each(cases)('$name: the openai SDK parses the stream (and throws on error frames)', async (c) => {
    const run = await convert(c);
    const parsed = await parseWithOpenAiSdk(wireOf(run.events));
    const dataChunks = run.events.filter((e) => e.data !== '[DONE]' && !e.data.startsWith('{"error"'));
    expect(parsed.chunks).toHaveLength(dataChunks.length);
    if (c.outcome === 'ok') expect(parsed.error).toBeUndefined();
    else expect(parsed.error).toBeDefined();
  });

  it.each(ok)('$name: the same output for any split of the upstream bytes (property)', async (c) => {
    const bytes = fs.readFileSync(suite.upstreamFile(c));
    const expected = wireOf((await convert(c)).events);
    const fc = await import('fast-check');
    await fc.assert(
      fc.asyncProperty(fc.array(fc.nat({ max: bytes.length }), { maxLength: 20 }), async (cuts) => {
        const points = [...new Set([0, ...cuts, bytes.length])].sort((a, b) => a - b);
        const chunks = points.slice(1).map((p, i) => new Uint8Array(bytes.subarray(points[i], p)));
        expect(wireOf((await convert(c, chunks)).events)).toBe(expected);
      }),
      { numRuns: 60 },
    );
  });

  it.each(ok)(
    `$name: cut at any byte before ${suite.terminalEvent} ends in an error frame, never a clean finish`,
    async (c) => {
      // The terminal event is dispatched by the blank line that follows it: every shorter prefix is a cut.
      const bytes = fs.readFileSync(suite.upstreamFile(c));
      const cleanEnd = suite.cleanEndOffset?.(bytes) ?? bytes.length;
      for (let cut = 0; cut < bytes.length; cut += 7) {
        const run = await convert(c, [new Uint8Array(bytes.subarray(0, cut))]);
        if (cut > cleanEnd) {
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

  it.each(cases)('$name: reports the upstream model once through onModel', async (c) => {
    const run = await convert(c);
    const upstream = fs.readFileSync(suite.upstreamFile(c), 'utf8');
    const model = /"model":"([^"]+)"/.exec(upstream)?.[1];
    expect(run.models).toEqual(model === undefined ? [] : [model]);
  });
}
