import { randomUUID } from 'node:crypto';
import OpenAI from 'openai';
import type { RequestRecord } from '@switchboard/proxy';
import { reply } from '../../support/mock-upstreams';
import { claudePairSuite } from './support/claude-pair-suite';

const LONG_TEXT = 'The quick brown fox jumps over the lazy dog. '.repeat(20);

/** The RequestRecord the real app publishes on its RequestRecordBus, one per request, after the response ends. */
describe('request record', () => {
  const suite = claudePairSuite('record');

  const expectFrozen = (record: RequestRecord) => {
    expect(Object.isFrozen(record)).toBe(true);
    expect(Object.isFrozen(record.attempts)).toBe(true);
    for (const attempt of record.attempts) expect(Object.isFrozen(attempt)).toBe(true);
  };

  it('a converted stream (OpenAI client, Anthropic upstream): usage, timings, the attempt', async () => {
    const model = await suite.claudeRoute();
    const requestId = `rec-${randomUUID()}`;
    suite.claude.enqueue(
      reply.turn({ text: 'hello there', usage: { input: 21, output: 9, cacheRead: 4, cacheWrite: 3 } }),
    );
    const stream = await suite.sb.openai.chat.completions.create(
      {
        model,
        stream: true,
        stream_options: { include_usage: true },
        messages: [{ role: 'user', content: 'hi' }],
      },
      { headers: { 'x-request-id': requestId } },
    );
    for await (const _chunk of stream) void _chunk;

    const record = await suite.sb.records.forRequest(requestId);
    expectFrozen(record);
    expect(record).toMatchObject({
      request_id: requestId,
      client_protocol: 'openai-chat',
      endpoint: 'chat_completions',
      stream: true,
      model,
      route: `route-${model}`,
      instance: 'claude-main',
      upstream_model: model,
      status: 200,
      error: null,
      usage: { input: 21, output: 9, cache_read: 4, cache_creation: 3, reasoning: 0 },
      key: null,
      cost_usd: null,
    });
    expect(record.route_id).toEqual(expect.any(String));
    expect(record.attempts).toEqual([
      {
        instance: 'claude-main',
        provider: 'anthropic',
        upstream_protocol: 'anthropic-messages',
        outcome: 'success',
        status: 200,
        duration_ms: expect.any(Number),
        ttfb_ms: expect.any(Number),
        error_code: null,
      },
    ]);
    expect(record.ttfb_ms).toBeGreaterThan(0);
    expect(record.duration_ms).toBeGreaterThanOrEqual(record.ttfb_ms!);
    expect(record.attempts[0].duration_ms).toBeGreaterThanOrEqual(record.attempts[0].ttfb_ms!);
    expect(Math.abs(record.started_at - Date.now())).toBeLessThan(60_000);
    expect(suite.sb.records.records.filter((r) => r.request_id === requestId)).toHaveLength(1);
  });

  it('a fallback: the failed attempt with its status and code, then the one that answered', async () => {
    const model = await suite.claudeRoute();
    const requestId = `rec-${randomUUID()}`;
    suite.claude.enqueue(reply.error(529, { errorType: 'overloaded_error' }));
    suite.claudeBackup.enqueue(reply.text('from the backup'));
    const answer = await suite.sb.anthropic.messages.create(
      { model, max_tokens: 20, messages: [{ role: 'user', content: 'hi' }] },
      { headers: { 'x-request-id': requestId } },
    );
    expect(answer.content).toEqual([expect.objectContaining({ text: 'from the backup' })]);

    const record = await suite.sb.records.forRequest(requestId);
    expect(record).toMatchObject({ status: 200, stream: false, instance: 'claude-backup', error: null });
    expect(record.attempts.map((a) => [a.instance, a.outcome, a.status, a.error_code])).toEqual([
      ['claude-main', 'http_5xx', 529, 'UPSTREAM_ERROR'],
      ['claude-backup', 'success', 200, null],
    ]);
  });

  it('a stream cut after commit: status 200, the in-stream error recorded, the attempt a stream_error', async () => {
    const model = await suite.claudeRoute();
    const requestId = `rec-${randomUUID()}`;
    suite.claude.enqueue(reply.turn({ text: LONG_TEXT }, { streamBreak: { afterEvents: 6, how: 'cut' } }));
    const stream = await suite.sb.openai.chat.completions.create(
      { model, stream: true, messages: [{ role: 'user', content: 'story' }] },
      { headers: { 'x-request-id': requestId } },
    );
    await expect(
      (async () => {
        for await (const _chunk of stream) void _chunk;
      })(),
    ).rejects.toBeInstanceOf(OpenAI.APIError);

    const record = await suite.sb.records.forRequest(requestId);
    expect(record.status).toBe(200);
    expect(record.error).toEqual({ code: 'UPSTREAM_STREAM_CUT', message: expect.any(String) });
    expect(record.attempts).toEqual([
      expect.objectContaining({
        instance: 'claude-main',
        outcome: 'stream_error',
        error_code: 'UPSTREAM_STREAM_CUT',
      }),
    ]);
  });

  it('a client abort mid-stream: 499, CLIENT_CLOSED, the attempt client_aborted', async () => {
    const model = await suite.gptRoute();
    const requestId = `rec-${randomUUID()}`;
    suite.gpt.enqueue(reply.turn({ text: LONG_TEXT }, { eventDelayMs: 50 }));
    const stream = await suite.sb.anthropic.messages.create(
      { model, max_tokens: 500, stream: true, messages: [{ role: 'user', content: 'story' }] },
      { headers: { 'x-request-id': requestId } },
    );
    let received = 0;
    await (async () => {
      for await (const _event of stream) {
        received += 1;
        if (received === 3) stream.controller.abort();
      }
    })().catch(() => undefined);

    const record = await suite.sb.records.forRequest(requestId);
    expect(record).toMatchObject({
      client_protocol: 'anthropic-messages',
      endpoint: 'messages',
      stream: true,
      status: 499,
      error: { code: 'CLIENT_CLOSED' },
    });
    expect(record.attempts).toEqual([
      expect.objectContaining({
        instance: 'gpt-main',
        provider: 'openai-compatible',
        outcome: 'client_aborted',
      }),
    ]);
  });

  it.each([
    ['an unknown model', { model: 'no-such-model', messages: [] }, 404, 'MODEL_NOT_FOUND', 'no-such-model'],
    ['a body without model', { messages: [] }, 400, 'INVALID_REQUEST', null],
  ])('a refusal before routing (%s) publishes one record too', async (_what, body, status, code, model) => {
    const requestId = `rec-${randomUUID()}`;
    const response = await suite.sb.post('/v1/chat/completions', body, { 'x-request-id': requestId });
    expect(response.status).toBe(status);
    const record = await suite.sb.records.forRequest(requestId);
    expect(record).toMatchObject({ status, model, route: null, instance: null, attempts: [], usage: null });
    expect(record.error?.code).toBe(code);
  });
});
