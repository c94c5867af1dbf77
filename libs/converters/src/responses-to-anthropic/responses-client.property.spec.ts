import { GatewayError } from '@switchboard/common/errors';
import type { SseEvent } from '@switchboard/protocols';
import fc from 'fast-check';
import { from } from 'rxjs';
import { validateAnthropicRequest } from '@switchboard/testing/anthropic-request.validator';
import type { Converter, UpstreamTarget } from '../converter.interface';
import { responsesToOpenAiConverter } from '../responses-to-openai';
import { responsesGrammarProblems } from '../responses-to-openai/testing/responses-grammar.check';
import { onlyGatewayErrors } from '../testing/converter-properties';
import { fixedClock } from '../testing/fixed-clock';
import { runStream } from '../testing/stream-run';
import { responsesToAnthropicConverter } from './index';

/**
 * Both Responses-client directions under arbitrary input: requests, response bodies and stream events that are
 * arbitrary JSON raise nothing but GatewayError; arbitrary upstream streams still give a grammatical Responses
 * stream (one ending, ordered items, schema-valid events); well-formed requests always give a valid Anthropic body.
 */

const DIRECTIONS: [Converter, UpstreamTarget][] = [
  [responsesToAnthropicConverter, { provider: 'anthropic' }],
  [responsesToOpenAiConverter, { provider: 'openai' }],
];

const text = fc.string({ maxLength: 20 });
const part = fc.oneof(
  fc.record({ type: fc.constant('input_text'), text }),
  fc.record({
    type: fc.constant('input_image'),
    image_url: fc.constant('https://example.com/a.png'),
    detail: fc.constant('auto'),
  }),
);
const item = fc.oneof(
  fc.record({
    type: fc.constant('message'),
    role: fc.constantFrom('user', 'system', 'developer'),
    content: fc.oneof(text, fc.array(part, { maxLength: 3 })),
  }),
  fc.record({
    type: fc.constant('message'),
    role: fc.constant('assistant'),
    content: fc.array(fc.record({ type: fc.constant('output_text'), text, annotations: fc.constant([]) }), {
      maxLength: 2,
    }),
  }),
  fc.record({
    type: fc.constant('function_call'),
    call_id: fc.constantFrom('call_1', 'call_2'),
    name: fc.constantFrom('f', 'read'),
    namespace: fc.option(fc.constant('ns'), { nil: undefined }),
    arguments: fc.constantFrom('{}', '{"a":1}'),
  }),
  fc.record({
    type: fc.constant('function_call_output'),
    call_id: fc.constantFrom('call_1', 'call_2'),
    output: text,
  }),
  fc.record({
    type: fc.constant('reasoning'),
    id: fc.constant('rs_1'),
    summary: fc.constant([]),
    encrypted_content: fc.constantFrom('gAAA', 'swb1:eyJzaWduYXR1cmUiOiJzIn0'),
  }),
  fc.record({ type: fc.constant('web_search_call'), id: fc.constant('ws_1') }),
);
const wellFormedRequest = fc.record(
  {
    model: fc.constant('m'),
    input: fc.oneof(text, fc.array(item, { maxLength: 8 })),
    instructions: text,
    tools: fc.constant([
      { type: 'function', name: 'f', parameters: { type: 'object', properties: {} }, strict: false },
      {
        type: 'namespace',
        name: 'ns',
        description: 'd',
        tools: [{ type: 'function', name: 'read', parameters: null, strict: null }],
      },
      { type: 'web_search' },
    ]),
    max_output_tokens: fc.integer({ min: 1, max: 4096 }),
    reasoning: fc.record({ effort: fc.constantFrom('low', 'medium', 'high'), summary: fc.constant('auto') }),
    stream: fc.boolean(),
  },
  { requiredKeys: ['model', 'input'] },
);

const upstreamEvent: fc.Arbitrary<SseEvent> = fc.oneof(
  fc.record({
    event: fc.constantFrom(
      'message_start',
      'content_block_start',
      'content_block_delta',
      'message_delta',
      'message_stop',
      'error',
    ),
    data: fc.json(),
  }),
  fc.record({ data: fc.oneof(fc.json(), fc.constant('[DONE]'), fc.string()) }),
);

describe('Responses clients under arbitrary input', () => {
  it.each(DIRECTIONS)(
    '%# arbitrary JSON requests and responses raise only GatewayError',
    (converter, target) => {
      fc.assert(
        fc.property(fc.jsonValue(), fc.jsonValue(), (request, response) => {
          const clock = fixedClock();
          onlyGatewayErrors(() =>
            converter.convertRequest(request as Record<string, unknown>, target, clock),
          );
          onlyGatewayErrors(() => converter.convertResponse(response, {}, clock));
          onlyGatewayErrors(() => converter.convertError(500, response));
        }),
        { numRuns: 300 },
      );
    },
  );

  it('well-formed requests always give a valid Anthropic request', () => {
    fc.assert(
      fc.property(wellFormedRequest, (request) => {
        let body: Record<string, unknown> | undefined;
        onlyGatewayErrors(() => {
          body = responsesToAnthropicConverter.convertRequest(
            request,
            { provider: 'anthropic' },
            fixedClock(),
          ).body;
        });
        if (body) expect(validateAnthropicRequest(body)).toEqual([]);
      }),
      { numRuns: 200 },
    );
  });

  it.each(DIRECTIONS)(
    '%# arbitrary upstream streams end in one grammatical Responses ending',
    async (converter, target) => {
      await fc.assert(
        fc.asyncProperty(fc.array(upstreamEvent, { maxLength: 12 }), async (events) => {
          const clock = fixedClock();
          const { memo } = converter.convertRequest({ model: 'm', input: 'x', stream: true }, target, clock);
          const run = await runStream(from(events), (hooks) => converter.convertStream(memo, clock, hooks));
          if (run.error !== undefined) expect(run.error).toBeInstanceOf(GatewayError);
          expect(responsesGrammarProblems(run.events)).toEqual([]);
        }),
        { numRuns: 150 },
      );
    },
  );
});
