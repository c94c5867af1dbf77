import { randomUUID } from 'node:crypto';
import Anthropic from '@anthropic-ai/sdk';
import OpenAI from 'openai';
import { type AnthropicMock, type OpenAiMock } from '../../support/mock-upstreams';
import type { DataPlaneHarness } from './support/data-plane-harness';
import { dataPlaneSuite } from './support/data-plane-suite';
import { anthropicInstance, openAiInstance, routeFor, uniqueModel } from './support/route-builders';

/** A GatewayError's `param` and `code` reach the client through the one error writer (they used to be dropped). */
describe('error param and code', () => {
  let claude: AnthropicMock;
  let gpt: OpenAiMock;
  let sb: DataPlaneHarness;

  const suite = dataPlaneSuite({ claude: 'anthropic', gpt: 'openai' });
  beforeAll(() => {
    ({ claude, gpt } = suite.mocks);
    sb = suite.sb;
  });

  it('OpenAI client → Anthropic upstream: the converter refuses n: 2 with param "n"; nothing is sent', async () => {
    const model = uniqueModel('param-claude');
    await sb.createRoute(routeFor(model, [anthropicInstance('claude-main', claude.url)]));
    const requestId = `param-${randomUUID()}`;
    const error = await sb.openai.chat.completions
      .create(
        { model, n: 2, messages: [{ role: 'user', content: 'hi' }] },
        { headers: { 'x-request-id': requestId } },
      )
      .catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(OpenAI.BadRequestError);
    const apiError = error as InstanceType<typeof OpenAI.BadRequestError>;
    expect(apiError.status).toBe(400);
    expect(apiError.param).toBe('n');
    expect(apiError.code).toBeNull();
    expect(apiError.type).toBe('invalid_request_error');
    expect(claude.requests).toHaveLength(0);

    const record = await sb.records.forRequest(requestId);
    expect(record.error?.code).toBe('UNSUPPORTED_CONVERSION');
    expect(record.attempts).toEqual([
      expect.objectContaining({
        instance: 'claude-main',
        outcome: 'upstream_error',
        error_code: 'UNSUPPORTED_CONVERSION',
      }),
    ]);
  });

  it('Anthropic client → OpenAI upstream: the converter refuses max_tokens: 0, naming the field', async () => {
    const model = uniqueModel('param-gpt');
    await sb.createRoute(routeFor(model, [openAiInstance('gpt-main', gpt.url)]));
    const error = await sb.anthropic.messages
      .create({ model, max_tokens: 0, messages: [{ role: 'user', content: 'hi' }] })
      .catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(Anthropic.BadRequestError);
    const apiError = error as InstanceType<typeof Anthropic.BadRequestError>;
    // Anthropic's error shape has no `param`: the message names it.
    expect(apiError.error).toEqual({
      type: 'error',
      error: { type: 'invalid_request_error', message: expect.stringMatching(/^max_tokens: /) },
    });
    expect(gpt.requests).toHaveLength(0);
  });

  it("the gateway's own refusals carry param and code too", async () => {
    const missing = await sb.post('/v1/chat/completions', { model: uniqueModel('param-missing') });
    expect(missing.status).toBe(400);
    await expect(missing.json()).resolves.toEqual({
      error: {
        message: expect.stringContaining("'messages'"),
        type: 'invalid_request_error',
        param: 'messages',
        code: null,
      },
    });
    const unknown = await sb.post('/v1/chat/completions', { model: 'no-such-model', messages: [] });
    expect(unknown.status).toBe(404);
    await expect(unknown.json()).resolves.toEqual({
      error: {
        message: expect.any(String),
        type: 'invalid_request_error',
        param: null,
        code: 'model_not_found',
      },
    });
  });
});
