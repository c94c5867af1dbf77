import Anthropic from '@anthropic-ai/sdk';
import OpenAI from 'openai';
import { reply } from '../../support/mock-upstreams';
import { dataPlaneSuite } from '../data-plane/support/data-plane-suite';
import {
  anthropicInstance,
  openAiInstance,
  routeFor,
  uniqueModel,
} from '../data-plane/support/route-builders';
import { eventually, startKeysSwitchboard, type JsonBody } from './support/keys-harness';

/** Tokens of one mock answer (the Anthropic mock's default usage: 21 in + 9 out). */
const TOKENS_PER_ANSWER = 30;

async function rejection(
  work: Promise<unknown>,
): Promise<{ status: number; error: JsonBody; headers: Headers }> {
  try {
    await work;
  } catch (error) {
    // The Anthropic SDK keeps the whole body in `error`, the OpenAI SDK its inner `error` object.
    if (error instanceof OpenAI.APIError) {
      return { status: error.status, error: { error: error.error }, headers: error.headers };
    }
    if (error instanceof Anthropic.APIError) {
      return {
        status: error.status as number,
        error: error.error,
        headers: error.headers as unknown as Headers,
      };
    }
    throw error;
  }
  throw new Error('expected the call to be refused');
}

describe('consumer keys on the data plane (official SDKs)', () => {
  const gpt = uniqueModel('gpt-keys');
  const claude = uniqueModel('claude-keys');
  const suite = dataPlaneSuite(
    { anthropicMock: 'anthropic', openAiMock: 'openai' },
    {
      start: () => startKeysSwitchboard(),
      routes: ({ anthropicMock, openAiMock }) => [
        routeFor(gpt, [openAiInstance('gpt-keys', openAiMock.url)]),
        routeFor(claude, [anthropicInstance('claude-keys', anthropicMock.url)]),
      ],
    },
  );
  beforeAll(() => {
    suite.mocks.anthropicMock.reply(reply.text('hello from claude'));
    suite.mocks.openAiMock.reply(reply.text('hello from gpt'));
  });

  const ask = (key: string, model = gpt) =>
    suite.sb.openai(key).chat.completions.create({ model, messages: [{ role: 'user', content: 'hi' }] });
  const askClaude = (key: string, model = claude) =>
    suite.sb
      .anthropic(key)
      .messages.create({ model, max_tokens: 50, messages: [{ role: 'user', content: 'hi' }] });

  it('before any key exists, the 401 says how to create one, in each protocol', async () => {
    const openai = await rejection(ask('sk-sb-nothing-yet'));
    expect(openai.status).toBe(401);
    const missing = await fetch(`${suite.sb.gatewayUrl}/v1/chat/completions`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ model: gpt, messages: [] }),
    });
    expect(missing.status).toBe(401);
    const body = await missing.json();
    expect(body).toEqual({
      error: {
        message: expect.stringContaining('POST /admin/keys'),
        type: 'invalid_request_error',
        code: 'invalid_api_key',
        param: null,
      },
    });
    expect(suite.mocks.openAiMock.requests).toHaveLength(0);
  });

  it('serves both SDKs through a key, stream and not, and never forwards the key upstream', async () => {
    const { key } = await suite.sb.createKey({ name: 'sdk-user' });
    expect(key).toMatch(/^sk-sb-[0-9A-Za-z]{32,}$/);

    const completion = await ask(key);
    expect(completion.choices[0].message.content).toBe('hello from gpt');
    const stream = await suite.sb.openai(key).chat.completions.create({
      model: gpt,
      stream: true,
      messages: [{ role: 'user', content: 'hi' }],
    });
    let streamed = '';
    for await (const chunk of stream) streamed += chunk.choices[0]?.delta?.content ?? '';
    expect(streamed).toBe('hello from gpt');

    const message = await askClaude(key);
    expect(message.content).toEqual([expect.objectContaining({ type: 'text', text: 'hello from claude' })]);
    const events = await suite.sb.anthropic(key).messages.create({
      model: claude,
      max_tokens: 50,
      stream: true,
      messages: [{ role: 'user', content: 'hi' }],
    });
    let text = '';
    for await (const event of events)
      if (event.type === 'content_block_delta' && event.delta.type === 'text_delta') text += event.delta.text;
    expect(text).toBe('hello from claude');

    const upstreamHeaders = [...suite.mocks.openAiMock.requests, ...suite.mocks.anthropicMock.requests].map(
      (request) => JSON.stringify(request.headers),
    );
    expect(upstreamHeaders.length).toBeGreaterThanOrEqual(4);
    for (const headers of upstreamHeaders) expect(headers).not.toContain(key);
  });

  it('answers 401 for unknown, disabled, expired and revoked keys, in the client protocol', async () => {
    const unknown = await rejection(askClaude('sk-sb-unknownunknownunknownunknownunknown'));
    expect(unknown.status).toBe(401);
    expect(unknown.error).toEqual({
      type: 'error',
      error: { type: 'authentication_error', message: expect.any(String) },
    });

    const disabled = await suite.sb.createKey({ name: 'disabled-one', enabled: false });
    expect((await rejection(ask(disabled.key))).error.error.code).toBe('invalid_api_key');

    const expired = await suite.sb.createKey({
      name: 'expired-one',
      expires_at: new Date(Date.now() - 1000).toISOString(),
    });
    const expiredRefusal = await rejection(ask(expired.key));
    expect(expiredRefusal.status).toBe(401);
    expect(expiredRefusal.error.error.message).toContain('expired');

    const revoked = await suite.sb.createKey({ name: 'revoked-one' });
    await ask(revoked.key);
    expect((await suite.sb.admin('DELETE', `/admin/keys/${revoked.id}`)).status).toBe(204);
    expect((await rejection(ask(revoked.key))).status).toBe(401);
  });

  it('refuses models outside the key allow-list with 403 and lists only allowed models', async () => {
    const { key } = await suite.sb.createKey({ name: 'claude-only', models: ['claude-keys-*'] });
    const openai = await rejection(ask(key));
    expect(openai.status).toBe(403);
    expect(openai.error).toEqual({
      error: {
        message: expect.stringContaining(gpt),
        type: 'invalid_request_error',
        code: 'model_not_allowed',
        param: null,
      },
    });
    expect((await askClaude(key)).content).toHaveLength(1);

    const anthropicGpt = await rejection(askClaude(key, gpt));
    expect(anthropicGpt.status).toBe(403);
    expect(anthropicGpt.error.error.type).toBe('permission_error');

    const models = await suite.sb.openai(key).models.list();
    expect(models.data.map((model) => model.id)).toEqual([claude]);
    const all = await suite.sb.openai((await suite.sb.createKey({ name: 'all-models' })).key).models.list();
    expect(all.data.map((model) => model.id).sort()).toEqual([claude, gpt].sort());
    const anonymous = await fetch(`${suite.sb.gatewayUrl}/v1/models`);
    expect(anonymous.status).toBe(401);
  });

  it('limits requests per minute with 429, retry-after and x-ratelimit headers', async () => {
    const { key } = await suite.sb.createKey({ name: 'two-rpm', rpm: 2 });
    const first = await suite.sb
      .openai(key)
      .chat.completions.create({ model: gpt, messages: [{ role: 'user', content: 'x' }] })
      .withResponse();
    expect(first.response.headers.get('x-ratelimit-limit-requests')).toBe('2');
    expect(first.response.headers.get('x-ratelimit-remaining-requests')).toBe('1');
    expect(first.response.headers.get('x-ratelimit-reset-requests')).toMatch(/^\d+s$/);
    await ask(key);
    const before = suite.mocks.openAiMock.requests.length;
    const refused = await rejection(ask(key));
    expect(refused.status).toBe(429);
    expect(refused.error.error.code).toBe('rate_limit_exceeded');
    expect(Number(refused.headers.get('retry-after'))).toBeGreaterThan(0);
    expect(refused.headers.get('x-ratelimit-remaining-requests')).toBe('0');
    const anthropic = await rejection(askClaude(key));
    expect(anthropic.status).toBe(429);
    expect(anthropic.error.error.type).toBe('rate_limit_error');
    expect(suite.mocks.openAiMock.requests.length).toBe(before);
  });

  it('limits tokens per minute from settled usage, streams included (one request may overshoot by its own size)', async () => {
    const created = await suite.sb.createKey({ name: 'tpm-key', tpm: TOKENS_PER_ANSWER + 1 });
    const settled = (tokens: number) =>
      eventually(`${tokens} tokens settled`, async () => {
        const view = await suite.sb.admin('GET', `/admin/keys/${created.id}`);
        return view.body.usage.total === tokens;
      });
    const stream = await suite.sb.anthropic(created.key).messages.create({
      model: claude,
      max_tokens: 50,
      stream: true,
      messages: [{ role: 'user', content: 'hi' }],
    });
    for await (const _event of stream) void _event;
    await settled(TOKENS_PER_ANSWER);

    const roomLeft = await suite.sb
      .anthropic(created.key)
      .messages.create({ model: claude, max_tokens: 5, messages: [{ role: 'user', content: 'x' }] })
      .withResponse();
    expect(roomLeft.response.headers.get('x-ratelimit-remaining-tokens')).toBe('1');
    expect(roomLeft.response.headers.get('x-ratelimit-limit-tokens')).toBe(String(TOKENS_PER_ANSWER + 1));
    await settled(2 * TOKENS_PER_ANSWER);

    const refused = await rejection(askClaude(created.key));
    expect(refused.status).toBe(429);
    expect(refused.error).toEqual({
      type: 'error',
      error: { type: 'rate_limit_error', message: expect.stringContaining('tokens per minute') },
    });
    expect(Number(refused.headers.get('retry-after'))).toBeGreaterThan(0);
    const openai = await rejection(ask(created.key));
    expect(openai.error.error).toMatchObject({ code: 'rate_limit_exceeded', type: 'tokens' });
  });

  it('enforces a budget from live counters: the request after the one that used it up is refused', async () => {
    const created = await suite.sb.createKey({
      name: 'budget-key',
      budget: { tokens: TOKENS_PER_ANSWER, period: 'day' },
    });
    await askClaude(created.key);
    await eventually('the budget to be used up', async () => {
      const view = await suite.sb.admin('GET', `/admin/keys/${created.id}`);
      return view.body.usage.day === TOKENS_PER_ANSWER;
    });
    const openai = await rejection(ask(created.key));
    expect(openai.status).toBe(429);
    expect(openai.error.error).toMatchObject({ type: 'insufficient_quota', code: 'insufficient_quota' });
    expect(Number(openai.headers.get('retry-after'))).toBeGreaterThan(0);

    // A rotation keeps the budget (same key id).
    const rotated = await suite.sb.admin('POST', `/admin/keys/${created.id}/rotate`, {});
    expect(rotated.status).toBe(200);
    expect((await rejection(askClaude(rotated.body.key))).status).toBe(429);
  });

  it('rotates with a grace period: both keys work until it ends, then only the new one', async () => {
    const created = await suite.sb.createKey({ name: 'rotating' });
    const rotated = await suite.sb.admin('POST', `/admin/keys/${created.id}/rotate`, { grace_seconds: 2 });
    expect(rotated.status).toBe(200);
    expect(rotated.body.key).not.toBe(created.key);
    expect(rotated.body.id).toBe(created.id);
    await ask(created.key);
    await ask(rotated.body.key);
    await eventually(
      'the grace period to end',
      async () => {
        try {
          await ask(created.key);
          return false;
        } catch (error) {
          return (error as { status?: number }).status === 401;
        }
      },
      5000,
    );
    await ask(rotated.body.key);

    const noGrace = await suite.sb.admin('POST', `/admin/keys/${created.id}/rotate`);
    expect(noGrace.status).toBe(200);
    expect((await rejection(ask(rotated.body.key))).status).toBe(401);
    await ask(noGrace.body.key);
  });
});
