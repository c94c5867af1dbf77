import { GatewayErrorCode } from '@switchboard/common/errors';
import type { SseEvent } from '@switchboard/protocols';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { from, throwError, concat } from 'rxjs';
import { fixedClock } from '../testing/fixed-clock';
import { decodeInPiecesOf, wireOf } from '../testing/fixture-stream';
import { expectRecordedResponsesStream } from '../testing/responses-client-fixtures';
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

describe('Chat stream → Responses events (fixtures)', () => {
  it.each(CASES)('$name converts to the recorded Responses stream', async (c) => {
    const run = await convert(c, await readSseFixture(path.join(DIR, `${c.name}.chat.sse`)));
    expectRecordedResponsesStream(run, c, path.join(DIR, `${c.name}.responses.sse`));
    if (c.outcome === 'ok') expect(run.firstTokens).toBe(1);
    else expect(run.usage).toHaveLength(0);
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
      const events = await decodeInPiecesOf(bytes, size);
      expect(wireOf((await convert(c, events)).events)).toBe(whole);
    }
  });
});
