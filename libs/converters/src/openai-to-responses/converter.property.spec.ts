import type { SseEvent } from '@switchboard/protocols';
import fc from 'fast-check';
import { from } from 'rxjs';
import { responsesRequestProblem } from '@switchboard/testing/mock-upstreams/responses-api-rules';
import { validateOpenAi } from '@switchboard/testing/openai-schema.validator';
import type { UpstreamTarget } from '../converter.interface';
import {
  chatRequestLikeJson,
  expectValidChatClientStream,
  onlyGatewayErrors,
} from '../testing/converter-properties';
import { fixedClock } from '../testing/fixed-clock';
import { openAiRequestArbitrary } from '../testing/openai-request.arbitrary';
import { runStream } from '../testing/stream-run';
import { openAiToResponsesConverter as converter } from './index';

const targets = fc.constantFrom<UpstreamTarget>(
  // `stop` is refused by default (request.mapper.spec); here it is dropped so generated requests stay convertible.
  { provider: 'openai', conversion: { stop_sequences: 'drop' } },
  { provider: 'openai-compatible', conversion: { expose_reasoning: false, stop_sequences: 'drop' } },
  { provider: 'azure-openai', conversion: { reasoning_summary: 'detailed', stop_sequences: 'drop' } },
);

const responsesEventArbitrary: fc.Arbitrary<SseEvent> = fc.oneof(
  fc.record({
    event: fc.constantFrom(
      'response.created',
      'response.output_item.added',
      'response.output_text.delta',
      'response.function_call_arguments.delta',
      'response.output_item.done',
      'response.completed',
      'response.failed',
      'error',
    ),
    data: fc.json(),
  }),
  fc.record({ data: fc.string() }),
  fc.constantFrom<SseEvent>(
    { data: '{"type":"response.created","response":{"model":"gpt-5.1","output":[]}}' },
    {
      data: '{"type":"response.output_item.added","output_index":0,"item":{"type":"function_call","id":"fc_1","call_id":"c","name":"f","arguments":""}}',
    },
    {
      data: '{"type":"response.function_call_arguments.delta","item_id":"fc_1","output_index":0,"delta":"{\\"a"}',
    },
    { data: '{"type":"response.function_call_arguments.done","item_id":"fc_1","arguments":"{}"}' },
    {
      data: '{"type":"response.output_item.done","output_index":1,"item":{"type":"function_call","call_id":"d","name":"g"}}',
    },
    { data: '{"type":"response.output_text.delta","item_id":"msg_1","delta":"Hi"}' },
    {
      data: '{"type":"response.reasoning_summary_text.delta","item_id":"rs_1","summary_index":1,"delta":"Hm"}',
    },
    {
      data: '{"type":"response.output_item.done","item":{"type":"message","id":"msg_2","content":[{"type":"output_text","text":"late"}]}}',
    },
    {
      data: '{"type":"response.incomplete","response":{"status":"incomplete","incomplete_details":{"reason":"content_filter"},"usage":{"input_tokens":"x"}}}',
    },
    {
      data: '{"type":"response.completed","response":{"status":"completed","output":[{"type":"function_call","call_id":"z","name":"h"}],"usage":{"input_tokens":3,"output_tokens":1}}}',
    },
    { data: '{"type":"error","code":"server_error","message":"boom"}' },
    { data: '[DONE]' },
  ),
);

describe('openai-to-responses properties', () => {
  it('a converted well-formed Chat request is one the Responses API accepts (schema and history rules)', () => {
    let converted = 0;
    fc.assert(
      fc.property(openAiRequestArbitrary, targets, (request, target) => {
        expect(validateOpenAi('CreateChatCompletionRequest', request, 'official')).toEqual([]);
        onlyGatewayErrors(() => {
          const { body } = converter.convertRequest(request, target, fixedClock());
          expect(responsesRequestProblem(body)).toBeUndefined();
          converted += 1;
        });
      }),
      { numRuns: 400 },
    );
    // Most generated requests are convertible: the property is not passing on refusals alone.
    expect(converted).toBeGreaterThan(300);
  });

  it('convertRequest throws nothing but GatewayError on arbitrary JSON', () => {
    fc.assert(
      fc.property(
        chatRequestLikeJson({
          roles: ['user', 'assistant', 'tool', 'system', 'developer', 'function'],
          messageFields: ['function_call', 'name'],
          fields: [
            'tools',
            'functions',
            'tool_choice',
            'response_format',
            'reasoning_effort',
            'max_tokens',
            'temperature',
            'stream_options',
          ],
        }),
        targets,
        (body, target) => {
          onlyGatewayErrors(() =>
            converter.convertRequest(body as Record<string, unknown>, target, fixedClock()),
          );
        },
      ),
      { numRuns: 400 },
    );
  });

  it('responses and errors throw nothing but GatewayError on arbitrary JSON', () => {
    fc.assert(
      fc.property(fc.jsonValue(), fc.jsonValue(), fc.integer({ min: 0, max: 700 }), (body, memo, status) => {
        onlyGatewayErrors(() =>
          converter.convertResponse(body, (memo ?? {}) as Record<string, unknown>, fixedClock()),
        );
        const error = converter.convertError(status, body);
        expect(error.status).toBeGreaterThanOrEqual(400);
        expect(validateOpenAi('ErrorResponse', error.body)).toEqual([]);
      }),
      { numRuns: 300 },
    );
  });

  it('streams error only with GatewayError, every emitted chunk is valid, and [DONE] ends them', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(responsesEventArbitrary, { maxLength: 12 }),
        fc.boolean(),
        async (events, usage) => {
          const run = await runStream(from(events), (hooks) =>
            converter.convertStream({ model: 'm', includeUsage: usage }, fixedClock(), hooks),
          );
          expectValidChatClientStream(run);
        },
      ),
      { numRuns: 300 },
    );
  });
});
