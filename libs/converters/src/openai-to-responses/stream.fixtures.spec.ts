import { GatewayErrorCode } from '@switchboard/common/errors';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { fixedClock } from '../testing/fixed-clock';
import { itConvertsChatClientFixtures, type ChatClientFixtureCase } from '../testing/chat-client-fixtures';
import { fixtureRunner, wireOf } from '../testing/fixture-stream';
import { accumulateWithOpenAiSdk } from '../testing/openai-sdk-stream';
import { toMemo, type OpenAiToResponsesMemo } from './conversion-memo';
import { openAiToResponsesConverter } from './index';

/**
 * Recorded-format Responses streams (`<name>.upstream.sse`) and the exact Chat bytes a client receives
 * (`<name>.client.sse`). Set UPDATE_FIXTURES=1 to rewrite the expected files (then review the diff).
 */

const DIR = path.join(__dirname, '__fixtures__');

type Case = ChatClientFixtureCase & { memo: Partial<OpenAiToResponsesMemo> };

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

const upstreamFile = (c: Case): string => path.join(DIR, `${c.name}.upstream.sse`);
const convertFixture = fixtureRunner(upstreamFile, (c: Case, hooks) =>
  openAiToResponsesConverter.convertStream(memoFor(c), fixedClock(), hooks),
);

const byName = (name: string): Case => CASES.find((c) => c.name === name)!;

describe('Responses stream → Chat chunks (fixtures)', () => {
  itConvertsChatClientFixtures({
    cases: CASES,
    upstreamFile,
    clientFile: (c) => path.join(DIR, `${c.name}.client.sse`),
    convert: convertFixture,
    clientStreamName: 'Chat',
    terminalEvent: 'the terminal event',
  });

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
});
