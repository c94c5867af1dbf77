import { GatewayErrorCode } from '@switchboard/common/errors';
import { decodeSse, encodeSseEvent, type SseEvent } from '@switchboard/protocols';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { firstValueFrom, from, toArray } from 'rxjs';
import { fixedClock } from '../testing/fixed-clock';
import { readSseFixture, runStream } from '../testing/stream-run';
import { responsesGrammarProblems } from '../responses-to-openai/testing/responses-grammar.check';
import { responsesToAnthropicConverter } from './index';

/**
 * Recorded-format Anthropic streams (`<name>.anthropic.sse`) and the exact Responses bytes a client receives
 * (`<name>.responses.sse`), each converted with the memo of a real Responses request. UPDATE_FIXTURES=1 rewrites
 * the expected files (then review the diff).
 */

const DIR = path.join(__dirname, '__fixtures__');
const WEATHER = {
  type: 'function',
  name: 'get_weather',
  parameters: { type: 'object', properties: {} },
  strict: null,
};
const TIME = {
  type: 'function',
  name: 'get_time',
  parameters: { type: 'object', properties: {} },
  strict: null,
};

interface Case {
  name: string;
  request: Record<string, unknown>;
  outcome: 'ok' | GatewayErrorCode;
  status?: string;
}

const APPLY_PATCH = { type: 'custom', name: 'apply_patch', description: 'Edit files.' };

const base = { model: 'claude-sonnet-4-5', input: 'Hi', stream: true };
const CASES: Case[] = [
  { name: 'text', request: base, outcome: 'ok', status: 'completed' },
  { name: 'multi-tool', request: { ...base, tools: [WEATHER, TIME] }, outcome: 'ok', status: 'completed' },
  {
    name: 'custom-tool',
    request: { ...base, tools: [WEATHER, APPLY_PATCH] },
    outcome: 'ok',
    status: 'completed',
  },
  {
    name: 'thinking-text-tool',
    request: { ...base, tools: [WEATHER], reasoning: { effort: 'low', summary: 'auto' } },
    outcome: 'ok',
    status: 'completed',
  },
  {
    name: 'json-mode',
    request: {
      ...base,
      text: {
        format: {
          type: 'json_schema',
          name: 'answer',
          schema: { type: 'object', properties: { a: { type: 'number' } } },
        },
      },
    },
    outcome: 'ok',
    status: 'completed',
  },
  {
    name: 'namespaced-tool',
    request: {
      ...base,
      tools: [
        { type: 'function', name: 'shell', parameters: { type: 'object', properties: {} }, strict: false },
        {
          type: 'namespace',
          name: 'mcp__fs',
          description: 'Tools in the mcp__fs namespace.',
          tools: [
            {
              type: 'function',
              name: 'read_file',
              parameters: { type: 'object', properties: {} },
              strict: false,
            },
          ],
        },
        { type: 'web_search' },
      ],
    },
    outcome: 'ok',
    status: 'completed',
  },
  { name: 'max-tokens', request: base, outcome: 'ok', status: 'incomplete' },
  { name: 'error-mid-stream', request: base, outcome: GatewayErrorCode.UPSTREAM_ERROR },
  { name: 'cut-after-delta', request: base, outcome: GatewayErrorCode.UPSTREAM_STREAM_CUT },
];

async function convert(c: Case, source: SseEvent[]) {
  const clock = fixedClock();
  const { memo } = responsesToAnthropicConverter.convertRequest(c.request, { provider: 'anthropic' }, clock);
  return runStream(from(source), (hooks) => responsesToAnthropicConverter.convertStream(memo, clock, hooks));
}

const wireOf = (events: SseEvent[]): string => events.map(encodeSseEvent).join('');
const lastData = (events: SseEvent[]) => JSON.parse(events[events.length - 1].data) as Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

describe('Anthropic stream → Responses events (fixtures)', () => {
  it.each(CASES)('$name converts to the recorded Responses stream', async (c) => {
    const run = await convert(c, await readSseFixture(path.join(DIR, `${c.name}.anthropic.sse`)));
    const wire = wireOf(run.events);
    const expectedFile = path.join(DIR, `${c.name}.responses.sse`);
    if (process.env.UPDATE_FIXTURES === '1') fs.writeFileSync(expectedFile, wire);
    expect(wire).toBe(fs.readFileSync(expectedFile, 'utf8'));
    expect(responsesGrammarProblems(run.events)).toEqual([]);
    if (c.outcome === 'ok') {
      expect(run.error).toBeUndefined();
      expect(lastData(run.events).response.status).toBe(c.status);
      expect(run.usage).toHaveLength(1);
    } else {
      expect(run.error).toMatchObject({ code: c.outcome });
      expect(lastData(run.events).type).toBe('error');
    }
  });

  it('gives any byte split of a stream the same events', async () => {
    const c = CASES[2];
    const bytes = fs.readFileSync(path.join(DIR, `${c.name}.anthropic.sse`));
    const whole = wireOf(
      (await convert(c, await readSseFixture(path.join(DIR, `${c.name}.anthropic.sse`)))).events,
    );
    for (const size of [1, 3, 17, 64]) {
      const chunks: Uint8Array[] = [];
      for (let i = 0; i < bytes.length; i += size) chunks.push(bytes.subarray(i, i + size));
      const events = await firstValueFrom(from(chunks).pipe(decodeSse(), toArray()));
      expect(wireOf((await convert(c, events)).events)).toBe(whole);
    }
  });
});
