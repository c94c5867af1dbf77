import { GatewayError } from '@switchboard/common/errors';
import type { SseEvent } from '@switchboard/protocols';
import * as fc from 'fast-check';
import { from } from 'rxjs';
import { onlyGatewayErrors } from '../testing/converter-properties';
import { fixedClock } from '../testing/fixed-clock';
import { runStream } from '../testing/stream-run';
import { anthropicToResponsesConverter as converter } from './index';
import { responsesRequestProblems } from '@switchboard/testing/responses-request.validator';

/**
 * Property tests: arbitrary JSON (requests, responses, error bodies, stream frames) only ever raises GatewayError;
 * every upstream stream, however broken, ends in exactly one `message_stop` or one `error`, the latter always
 * with a GatewayError; well-formed requests always give a CreateResponse the schema accepts.
 */

const target = { provider: 'openai' };

const text = fc.string({ maxLength: 12 });
const block = fc.oneof(
  fc.record({ type: fc.constant('text'), text }),
  fc.record({
    type: fc.constant('image'),
    source: fc.constant({ type: 'base64', media_type: 'image/png', data: 'iVBO' }),
  }),
);
const turn = fc.oneof(
  fc.record({ role: fc.constant('user'), content: fc.oneof(text, fc.array(block, { maxLength: 3 })) }),
  fc.record({
    role: fc.constant('assistant'),
    content: fc.array(
      fc.oneof(
        fc.record({ type: fc.constant('text'), text }),
        fc.record({ type: fc.constant('thinking'), thinking: text, signature: text }),
      ),
      { maxLength: 3 },
    ),
  }),
);
const wellFormed = fc.record(
  {
    model: fc.constant('m'),
    max_tokens: fc.integer({ min: 1, max: 64000 }),
    system: text,
    messages: fc.array(turn, { minLength: 1, maxLength: 6 }),
    tools: fc.constant([{ name: 'f', input_schema: { type: 'object', properties: {} } }]),
    tool_choice: fc.constantFrom({ type: 'auto' }, { type: 'any' }, { type: 'tool', name: 'f' }),
    thinking: fc.oneof(
      fc.constant({ type: 'disabled' }),
      fc.record({ type: fc.constant('enabled'), budget_tokens: fc.integer({ min: 1024, max: 32000 }) }),
    ),
    temperature: fc.double({ min: 0, max: 1, noNaN: true }),
    stream: fc.boolean(),
  },
  { requiredKeys: ['model', 'messages'] },
);

const TYPES = [
  'response.created',
  'response.output_item.added',
  'response.output_item.done',
  'response.output_text.delta',
  'response.output_text.done',
  'response.reasoning_summary_text.delta',
  'response.function_call_arguments.delta',
  'response.function_call_arguments.done',
  'response.completed',
  'response.incomplete',
  'response.failed',
  'error',
];
const upstreamEvent: fc.Arbitrary<SseEvent> = fc.oneof(
  fc.record({
    event: fc.constantFrom(...TYPES),
    data: fc.oneof(
      fc.json(),
      fc
        .record({
          type: fc.constantFrom(...TYPES),
          output_index: fc.integer({ min: -1, max: 3 }),
          delta: text,
          item: fc.oneof(
            fc.record({
              type: fc.constantFrom('message', 'reasoning', 'function_call'),
              call_id: text,
              name: text,
            }),
            fc.jsonValue(),
          ),
        })
        .map((v) => JSON.stringify(v)),
    ),
  }),
  fc.record({ data: fc.oneof(fc.json(), fc.string()) }),
);

describe('anthropic-to-responses under arbitrary input', () => {
  it('arbitrary JSON requests, responses and error bodies raise only GatewayError', () => {
    fc.assert(
      fc.property(
        fc.jsonValue(),
        fc.jsonValue(),
        fc.integer({ min: 100, max: 600 }),
        (request, response, status) => {
          const clock = fixedClock();
          onlyGatewayErrors(() =>
            converter.convertRequest(request as Record<string, unknown>, target, clock),
          );
          onlyGatewayErrors(() => converter.convertResponse(response, {}, clock));
          const error = converter.convertError(status, response);
          expect((error.body as { type: string }).type).toBe('error');
        },
      ),
      { numRuns: 300 },
    );
  });

  it('well-formed requests give a CreateResponse the schema accepts', () => {
    fc.assert(
      fc.property(wellFormed, (request) => {
        let body: Record<string, unknown> | undefined;
        onlyGatewayErrors(() => {
          body = converter.convertRequest(request, target, fixedClock()).body;
        });
        if (body) expect(responsesRequestProblems(body)).toEqual([]);
      }),
      { numRuns: 200 },
    );
  });

  it('arbitrary upstream streams end in exactly one message_stop or one error', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(upstreamEvent, { maxLength: 14 }), async (events) => {
        const clock = fixedClock();
        const { memo } = converter.convertRequest(
          { model: 'm', max_tokens: 10, messages: [{ role: 'user', content: 'x' }], stream: true },
          target,
          clock,
        );
        const run = await runStream(from(events), (hooks) => converter.convertStream(memo, clock, hooks));
        const types = run.events.map((e) => (JSON.parse(e.data) as { type: string }).type);
        const ends = types.filter((t) => t === 'message_stop' || t === 'error');
        expect(ends).toHaveLength(1);
        expect(types[types.length - 1]).toBe(ends[0]);
        if (ends[0] === 'error') expect(run.error).toBeInstanceOf(GatewayError);
        else expect(run.error).toBeUndefined();
        const starts = types.filter((t) => t === 'content_block_start').length;
        if (ends[0] === 'message_stop')
          expect(types.filter((t) => t === 'content_block_stop')).toHaveLength(starts);
      }),
      { numRuns: 300 },
    );
  });
});
