import { GatewayErrorCode } from '@switchboard/common/errors';
import { decodeSse, encodeSseEvent, type SseEvent } from '@switchboard/protocols';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { firstValueFrom, from, throwError, concat, toArray } from 'rxjs';
import { fixedClock } from '../testing/fixed-clock';
import { readSseFixture, runStream } from '../testing/stream-run';
import { responsesToOpenAiConverter } from './index';
import { responsesGrammarProblems } from './testing/responses-grammar.check';

/**
 * Recorded-format Chat Completions streams (`<name>.chat.sse`) and the exact Responses bytes a client receives
 * (`<name>.responses.sse`). UPDATE_FIXTURES=1 rewrites the expected files (then review the diff).
 */

const DIR = path.join(__dirname, '__fixtures__');
const fn = (name: string) => ({
  type: 'function',
  name,
  parameters: { type: 'object', properties: {} },
  strict: false,
});

interface Case {
  name: string;
  request: Record<string, unknown>;
  outcome: 'ok' | GatewayErrorCode;
  status?: string;
}

const APPLY_PATCH = {
  type: 'custom',
  name: 'apply_patch',
  description: 'Edit files.',
  format: { type: 'grammar', syntax: 'lark', definition: 'start: /.+/s' },
};

const base = { model: 'gpt-5', input: 'Hi', stream: true };
const CASES: Case[] = [
  { name: 'text', request: base, outcome: 'ok', status: 'completed' },
  {
    name: 'multi-tool',
    request: { ...base, tools: [fn('get_weather')] },
    outcome: 'ok',
    status: 'completed',
  },
  {
    name: 'reasoning-text-tool',
    request: { ...base, tools: [fn('Bash')], reasoning: { effort: 'low', summary: 'auto' } },
    outcome: 'ok',
    status: 'completed',
  },
  {
    name: 'length',
    request: { ...base, text: { format: { type: 'json_object' } }, max_output_tokens: 5 },
    outcome: 'ok',
    status: 'incomplete',
  },
  {
    name: 'custom-tool',
    request: { ...base, tools: [fn('get_weather'), APPLY_PATCH] },
    outcome: 'ok',
    status: 'completed',
  },
  { name: 'error-mid-stream', request: base, outcome: GatewayErrorCode.UPSTREAM_ERROR },
  { name: 'cut', request: base, outcome: GatewayErrorCode.UPSTREAM_STREAM_CUT },
  { name: 'done-without-finish', request: base, outcome: GatewayErrorCode.UPSTREAM_STREAM_CUT },
];

async function convert(c: Case, source: SseEvent[], error?: Error) {
  const clock = fixedClock();
  const { memo } = responsesToOpenAiConverter.convertRequest(c.request, { provider: 'openai' }, clock);
  const events = error
    ? concat(
        from(source),
        throwError(() => error),
      )
    : from(source);
  return runStream(events, (hooks) => responsesToOpenAiConverter.convertStream(memo, clock, hooks));
}

const wireOf = (events: SseEvent[]): string => events.map(encodeSseEvent).join('');
// eslint-disable-next-line @typescript-eslint/no-explicit-any
const lastData = (events: SseEvent[]) => JSON.parse(events[events.length - 1].data) as Record<string, any>;

describe('Chat stream → Responses events (fixtures)', () => {
  it.each(CASES)('$name converts to the recorded Responses stream', async (c) => {
    const run = await convert(c, await readSseFixture(path.join(DIR, `${c.name}.chat.sse`)));
    const wire = wireOf(run.events);
    const expectedFile = path.join(DIR, `${c.name}.responses.sse`);
    if (process.env.UPDATE_FIXTURES === '1') fs.writeFileSync(expectedFile, wire);
    expect(wire).toBe(fs.readFileSync(expectedFile, 'utf8'));
    expect(responsesGrammarProblems(run.events)).toEqual([]);
    if (c.outcome === 'ok') {
      expect(run.error).toBeUndefined();
      expect(lastData(run.events).response.status).toBe(c.status);
      expect(run.usage).toHaveLength(1);
      expect(run.firstTokens).toBe(1);
    } else {
      expect(run.error).toMatchObject({ code: c.outcome });
      expect(lastData(run.events).type).toBe('error');
      expect(run.usage).toHaveLength(0);
    }
  });

  it('ends a reset connection in response.failed + error with the source error code', async () => {
    const c = CASES[0];
    const events = (await readSseFixture(path.join(DIR, 'text.chat.sse'))).slice(0, 2);
    const run = await convert(c, events, new Error('ECONNRESET'));
    expect(responsesGrammarProblems(run.events)).toEqual([]);
    expect(run.events.map((e) => e.event).slice(-2)).toEqual(['response.failed', 'error']);
    expect(run.error).toMatchObject({ code: GatewayErrorCode.UPSTREAM_STREAM_CUT });
  });

  it('gives any byte split of a stream the same events', async () => {
    const c = CASES[2];
    const file = path.join(DIR, `${c.name}.chat.sse`);
    const bytes = fs.readFileSync(file);
    const whole = wireOf((await convert(c, await readSseFixture(file))).events);
    for (const size of [1, 5, 33]) {
      const chunks: Uint8Array[] = [];
      for (let i = 0; i < bytes.length; i += size) chunks.push(bytes.subarray(i, i + size));
      const events = await firstValueFrom(from(chunks).pipe(decodeSse(), toArray()));
      expect(wireOf((await convert(c, events)).events)).toBe(whole);
    }
  });
});
