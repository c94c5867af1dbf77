import { GatewayErrorCode } from '@switchboard/common/errors';
import type { SseEvent } from '@switchboard/protocols';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { from } from 'rxjs';
import { fixedClock } from '../testing/fixed-clock';
import { decodeInPiecesOf, wireOf } from '../testing/fixture-stream';
import { expectRecordedResponsesStream } from '../testing/responses-client-fixtures';
import { readSseFixture, runStream } from '../testing/stream-run';
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

describe('Anthropic stream → Responses events (fixtures)', () => {
  it.each(CASES)('$name converts to the recorded Responses stream', async (c) => {
    const run = await convert(c, await readSseFixture(path.join(DIR, `${c.name}.anthropic.sse`)));
    expectRecordedResponsesStream(run, c, path.join(DIR, `${c.name}.responses.sse`));
  });

  it('gives any byte split of a stream the same events', async () => {
    const c = CASES[2];
    const bytes = fs.readFileSync(path.join(DIR, `${c.name}.anthropic.sse`));
    const whole = wireOf(
      (await convert(c, await readSseFixture(path.join(DIR, `${c.name}.anthropic.sse`)))).events,
    );
    for (const size of [1, 3, 17, 64]) {
      const events = await decodeInPiecesOf(bytes, size);
      expect(wireOf((await convert(c, events)).events)).toBe(whole);
    }
  });
});
