import { GatewayError } from '@switchboard/common/errors';
import type { SseEvent } from '@switchboard/protocols';
import fc from 'fast-check';
import { from } from 'rxjs';
import { validateAnthropicRequest } from '@switchboard/testing/anthropic-request.validator';
import { validateOpenAi } from '@switchboard/testing/openai-schema.validator';
import type { Converter, UpstreamTarget } from '../converter.interface';
import { anthropicIdentityConverter, openAiIdentityConverter } from '../identity/identity.converter';
import {
  chatRequestLikeJson,
  expectValidChatClientStream,
  onlyGatewayErrors,
} from '../testing/converter-properties';
import { fixedClock } from '../testing/fixed-clock';
import { openAiRequestArbitrary } from '../testing/openai-request.arbitrary';
import { runStream } from '../testing/stream-run';
import { openAiToAnthropicConverter } from './index';

const targets = fc.constantFrom<UpstreamTarget>(
  { provider: 'anthropic' },
  { provider: 'anthropic', defaults: { max_tokens: 8192 }, conversion: { thinking_mode: 'adaptive' } },
  { provider: 'anthropic-compatible', conversion: { json_mode: 'output_config', expose_reasoning: false } },
);

const anthropicEventArbitrary: fc.Arbitrary<SseEvent> = fc.oneof(
  fc.record({
    event: fc.constantFrom(
      'message_start',
      'content_block_start',
      'content_block_delta',
      'message_stop',
      'error',
    ),
    data: fc.json(),
  }),
  fc.record({ data: fc.string() }),
  fc.constantFrom<SseEvent>(
    {
      event: 'message_start',
      data: '{"type":"message_start","message":{"model":"m","usage":{"input_tokens":1}}}',
    },
    {
      event: 'content_block_start',
      data: '{"type":"content_block_start","index":0,"content_block":{"type":"tool_use","id":"t","name":"f","input":null}}',
    },
    {
      event: 'content_block_delta',
      data: '{"type":"content_block_delta","index":0,"delta":{"type":"input_json_delta","partial_json":"{\\"a"}}',
    },
    { event: 'content_block_stop', data: '{"type":"content_block_stop","index":0}' },
    {
      event: 'message_delta',
      data: '{"type":"message_delta","delta":{"stop_reason":"tool_use"},"usage":{"output_tokens":"x"}}',
    },
    { event: 'message_stop', data: '{"type":"message_stop"}' },
  ),
);

describe('openai-to-anthropic properties', () => {
  it('a converted well-formed OpenAI request always satisfies the strict Anthropic validator', () => {
    fc.assert(
      fc.property(openAiRequestArbitrary, targets, (request, target) => {
        const { body } = openAiToAnthropicConverter.convertRequest(request, target, fixedClock());
        expect(validateAnthropicRequest(body)).toEqual([]);
        expect(validateOpenAi('CreateChatCompletionRequest', request, 'official')).toEqual([]);
      }),
      { numRuns: 400 },
    );
  });

  it('convertRequest throws nothing but GatewayError on arbitrary JSON', () => {
    fc.assert(
      fc.property(
        chatRequestLikeJson({
          roles: ['user', 'assistant', 'tool', 'system', 'function'],
          fields: [
            'tools',
            'tool_choice',
            'stop',
            'response_format',
            'reasoning_effort',
            'max_tokens',
            'temperature',
          ],
        }),
        targets,
        (body, target) => {
          onlyGatewayErrors(() => {
            const converted = openAiToAnthropicConverter.convertRequest(
              body as Record<string, unknown>,
              target,
              fixedClock(),
            );
            expect(validateAnthropicRequest(converted.body)).toEqual([]);
          });
        },
      ),
      { numRuns: 400 },
    );
  });

  it.each<[string, Converter]>([
    ['openai-to-anthropic', openAiToAnthropicConverter],
    ['openai identity', openAiIdentityConverter],
    ['anthropic identity', anthropicIdentityConverter],
  ])('%s: responses and errors throw nothing but GatewayError on arbitrary JSON', (_name, converter) => {
    fc.assert(
      fc.property(
        fc.jsonValue(),
        fc.jsonValue(),
        fc.integer({ min: 400, max: 599 }),
        (body, memo, status) => {
          onlyGatewayErrors(() =>
            converter.convertResponse(body, (memo ?? {}) as Record<string, unknown>, fixedClock()),
          );
          const error = converter.convertError(status, body);
          expect(error.status).toBeGreaterThanOrEqual(400);
        },
      ),
      { numRuns: 300 },
    );
  });

  it.each<[string, Converter]>([
    ['openai identity', openAiIdentityConverter],
    ['anthropic identity', anthropicIdentityConverter],
  ])('%s: streams error only with GatewayError for arbitrary event sequences', async (_name, converter) => {
    const openAiEvent: fc.Arbitrary<SseEvent> = fc.oneof(
      fc.record({ data: fc.json() }),
      fc.constantFrom<SseEvent>(
        { data: '[DONE]' },
        { data: '{"choices":[{"index":0,"delta":{},"finish_reason":"stop"}]}' },
        { data: '{"error":{"message":"x"}}' },
        { data: '{"choices":[],"usage":{"prompt_tokens":"x"}}' },
      ),
    );
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.oneof(anthropicEventArbitrary, openAiEvent), { maxLength: 10 }),
        async (events) => {
          const run = await runStream(from(events), (hooks) =>
            converter.convertStream({}, fixedClock(), hooks),
          );
          if (run.error !== undefined) expect(run.error).toBeInstanceOf(GatewayError);
        },
      ),
      { numRuns: 200 },
    );
  });

  it('streams error only with GatewayError, and every emitted chunk is valid, for arbitrary event sequences', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(anthropicEventArbitrary, { maxLength: 12 }), async (events) => {
        const run = await runStream(from(events), (hooks) =>
          openAiToAnthropicConverter.convertStream({ model: 'm' }, fixedClock(), hooks),
        );
        expectValidChatClientStream(run);
      }),
      { numRuns: 300 },
    );
  });
});
