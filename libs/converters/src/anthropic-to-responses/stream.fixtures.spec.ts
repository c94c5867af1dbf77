import { GatewayErrorCode } from '@switchboard/common/errors';
import { decodeReasoningItemCarrier, decodeSse, encodeSseEvent, type SseEvent } from '@switchboard/protocols';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { firstValueFrom, from, toArray } from 'rxjs';
import { fixedClock } from '../testing/fixed-clock';
import { readSseFixture, runStream } from '../testing/stream-run';
import { anthropicToResponsesConverter as converter } from './index';

/**
 * Recorded-format Responses streams (`<name>.responses.sse`) and the exact Anthropic bytes a client receives
 * (`<name>.anthropic.sse`). UPDATE_FIXTURES=1 rewrites the expected files (then review the diff).
 */

const DIR = path.join(__dirname, '__fixtures__');
const REQUEST = {
  model: 'claude-sonnet-4-5',
  max_tokens: 1000,
  messages: [{ role: 'user', content: 'Hi' }],
  stream: true,
};

interface Case {
  name: string;
  outcome: 'ok' | GatewayErrorCode;
  stopReason?: string;
}
const CASES: Case[] = [
  { name: 'text', outcome: 'ok', stopReason: 'end_turn' },
  { name: 'reasoning-text-tool', outcome: 'ok', stopReason: 'tool_use' },
  { name: 'multi-tool', outcome: 'ok', stopReason: 'tool_use' },
  { name: 'redacted-reasoning', outcome: 'ok', stopReason: 'end_turn' },
  { name: 'max-output-tokens', outcome: 'ok', stopReason: 'max_tokens' },
  { name: 'failed', outcome: GatewayErrorCode.UPSTREAM_ERROR },
  { name: 'error-mid-stream', outcome: GatewayErrorCode.UPSTREAM_ERROR },
  { name: 'cut', outcome: GatewayErrorCode.UPSTREAM_STREAM_CUT },
];

async function convert(source: SseEvent[]) {
  const clock = fixedClock();
  const { memo } = converter.convertRequest(REQUEST, { provider: 'openai' }, clock);
  return runStream(from(source), (hooks) => converter.convertStream(memo, clock, hooks));
}

const wireOf = (events: SseEvent[]): string => events.map(encodeSseEvent).join('');
const payloads = (events: SseEvent[]) => events.map((e) => JSON.parse(e.data) as Record<string, any>); // eslint-disable-line @typescript-eslint/no-explicit-any

describe('Responses stream → Anthropic events (fixtures)', () => {
  it.each(CASES)('$name converts to the recorded Anthropic stream', async (c) => {
    const run = await convert(await readSseFixture(path.join(DIR, `${c.name}.responses.sse`)));
    const wire = wireOf(run.events);
    const expectedFile = path.join(DIR, `${c.name}.anthropic.sse`);
    if (process.env.UPDATE_FIXTURES === '1') fs.writeFileSync(expectedFile, wire);
    expect(wire).toBe(fs.readFileSync(expectedFile, 'utf8'));
    const events = payloads(run.events);
    const last = events[events.length - 1];
    if (c.outcome === 'ok') {
      expect(run.error).toBeUndefined();
      expect(last.type).toBe('message_stop');
      expect(events[events.length - 2].delta.stop_reason).toBe(c.stopReason);
      expect(run.usage).toEqual([
        {
          input_tokens: 20,
          output_tokens: 30,
          cache_read_input_tokens: 100,
          cache_creation_input_tokens: 0,
          reasoning_tokens: 12,
        },
      ]);
      expect(run.models).toEqual(['gpt-5.1-codex']);
    } else {
      expect(run.error).toMatchObject({ code: c.outcome });
      expect(last.type).toBe('error');
      expect(events.some((e) => e.type === 'message_stop')).toBe(false);
    }
  });

  it('carries the reasoning item in the thinking signature and parses nothing it should not', async () => {
    const run = await convert(await readSseFixture(path.join(DIR, 'reasoning-text-tool.responses.sse')));
    const signature = payloads(run.events).find((e) => e.delta?.type === 'signature_delta')?.delta.signature;
    expect(decodeReasoningItemCarrier(signature)).toEqual({
      id: 'rs_u1',
      encrypted_content: 'gAAAAB-opaque-blob',
    });
    expect(run.firstTokens).toBe(1);
  });

  it('gives any byte split of a stream the same events', async () => {
    const bytes = fs.readFileSync(path.join(DIR, 'reasoning-text-tool.responses.sse'));
    const whole = wireOf(
      (await convert(await readSseFixture(path.join(DIR, 'reasoning-text-tool.responses.sse')))).events,
    );
    for (const size of [1, 3, 17, 64]) {
      const chunks: Uint8Array[] = [];
      for (let i = 0; i < bytes.length; i += size) chunks.push(bytes.subarray(i, i + size));
      const events = await firstValueFrom(from(chunks).pipe(decodeSse(), toArray()));
      expect(wireOf((await convert(events)).events)).toBe(whole);
    }
  });
});
