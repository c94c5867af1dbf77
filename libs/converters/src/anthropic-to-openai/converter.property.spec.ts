import { GatewayError } from '@switchboard/common/errors';
import fc from 'fast-check';
import { from, lastValueFrom, toArray } from 'rxjs';
import { anthropicToOpenAiConverter as converter } from './index';
import { onlyGatewayErrors } from '../testing/converter-properties';
import { fixedClock } from '../testing/fixed-clock';

/** Calls fn; passes when it returns or throws a GatewayError, fails on anything else. */
const json = fc.jsonValue({ maxDepth: 4 });
const blockType = fc.constantFrom(
  'text',
  'image',
  'document',
  'tool_use',
  'tool_result',
  'thinking',
  'redacted_thinking',
  'search_result',
  'server_tool_use',
  'mystery',
);
const block = fc.record(
  {
    type: blockType,
    text: fc.oneof(fc.string(), json),
    id: fc.constantFrom('t1', 't2', ''),
    tool_use_id: fc.constantFrom('t1', 't2', 'zz'),
    name: fc.oneof(fc.string({ maxLength: 80 }), json),
    input: json,
    content: fc.oneof(
      fc.string(),
      fc.array(fc.record({ type: blockType, text: fc.string() }, { requiredKeys: [] })),
    ),
    source: fc.oneof(
      json,
      fc.record(
        {
          type: fc.constantFrom('base64', 'url', 'text', 'file'),
          media_type: fc.string(),
          data: fc.string(),
          url: fc.string(),
        },
        { requiredKeys: [] },
      ),
    ),
    thinking: fc.string(),
    is_error: fc.boolean(),
  },
  { requiredKeys: ['type'] },
);
const message = fc.record(
  {
    role: fc.constantFrom('user', 'assistant', 'system', 'tool'),
    content: fc.oneof(fc.string(), fc.array(block, { maxLength: 4 }), json),
  },
  { requiredKeys: [] },
);
const anthropicLikeBody = fc.record(
  {
    model: fc.oneof(fc.constant('claude-sonnet-4-5'), json),
    max_tokens: fc.oneof(fc.integer({ min: -5, max: 100000 }), json),
    messages: fc.oneof(fc.array(message, { maxLength: 6 }), json),
    system: fc.oneof(fc.string(), fc.array(block, { maxLength: 2 }), json),
    tools: fc.oneof(
      fc.array(
        fc.record(
          {
            name: fc.string({ maxLength: 130 }),
            type: fc.oneof(fc.constant('custom'), fc.string()),
            input_schema: json,
          },
          { requiredKeys: [] },
        ),
      ),
      json,
    ),
    tool_choice: fc.oneof(
      fc.record(
        { type: fc.constantFrom('auto', 'any', 'tool', 'none', 'x'), name: fc.string() },
        { requiredKeys: [] },
      ),
      json,
    ),
    thinking: fc.oneof(
      fc.record(
        { type: fc.constantFrom('enabled', 'adaptive', 'disabled'), budget_tokens: fc.integer() },
        { requiredKeys: [] },
      ),
      json,
    ),
    stop_sequences: fc.oneof(fc.array(fc.string()), json),
    stream: fc.oneof(fc.boolean(), json),
    temperature: fc.oneof(fc.double(), json),
    metadata: json,
    output_config: json,
  },
  { requiredKeys: [] },
);
const providers = fc.constantFrom('openai', 'azure-openai', 'openai-compatible', 'deepseek');

describe('anthropic-to-openai converter never throws anything but GatewayError (property)', () => {
  it('convertRequest on arbitrary JSON', () => {
    fc.assert(
      fc.property(fc.oneof(json, anthropicLikeBody), providers, (body, provider) => {
        onlyGatewayErrors(() =>
          converter.convertRequest(body as Record<string, unknown>, { provider }, fixedClock()),
        );
      }),
      { numRuns: 1500 },
    );
  });

  it('convertResponse on arbitrary JSON and completion-like bodies', () => {
    const completionLike = fc.record(
      {
        model: json,
        choices: fc.oneof(
          fc.array(
            fc.record(
              {
                index: json,
                finish_reason: fc.oneof(fc.constantFrom('stop', 'length', 'tool_calls', 'error'), json),
                message: fc.oneof(
                  json,
                  fc.record(
                    {
                      content: json,
                      reasoning_content: json,
                      refusal: json,
                      tool_calls: fc.oneof(
                        json,
                        fc.array(
                          fc.record({
                            id: json,
                            function: fc.oneof(
                              json,
                              fc.record({ name: json, arguments: fc.oneof(fc.string(), json) }),
                            ),
                          }),
                        ),
                      ),
                    },
                    { requiredKeys: [] },
                  ),
                ),
              },
              { requiredKeys: [] },
            ),
          ),
          json,
        ),
        usage: json,
        error: json,
      },
      { requiredKeys: [] },
    );
    fc.assert(
      fc.property(fc.oneof(json, completionLike), json, (body, memo) => {
        onlyGatewayErrors(() =>
          converter.convertResponse(body, (memo ?? {}) as Record<string, unknown>, fixedClock()),
        );
      }),
      { numRuns: 1500 },
    );
  });

  it('convertError on any status and body', () => {
    fc.assert(
      fc.property(fc.integer({ min: -1, max: 1000 }), fc.oneof(json, fc.string()), (status, body) => {
        const out = converter.convertError(status, body);
        expect(out.status).toBeGreaterThanOrEqual(400);
        expect(out.body).toEqual({
          type: 'error',
          error: { type: expect.any(String), message: expect.any(String) },
        });
      }),
      { numRuns: 1000 },
    );
  });

  it('convertStream on arbitrary data frames only ever fails with a GatewayError', async () => {
    const frame = fc.oneof(
      fc.string().map((data) => ({ data })),
      json.map((value) => ({ data: JSON.stringify(value) })),
      fc.constant({ data: '[DONE]' }),
      fc
        .record(
          {
            model: json,
            choices: fc.array(
              fc.record(
                {
                  index: fc.constantFrom(0, 1),
                  delta: fc.record(
                    {
                      content: json,
                      reasoning_content: json,
                      tool_calls: fc.oneof(
                        json,
                        fc.array(
                          fc.record(
                            {
                              index: fc.oneof(fc.nat(3), json),
                              id: json,
                              function: fc.record(
                                { name: json, arguments: fc.oneof(fc.string(), json) },
                                { requiredKeys: [] },
                              ),
                            },
                            { requiredKeys: [] },
                          ),
                        ),
                      ),
                    },
                    { requiredKeys: [] },
                  ),
                  finish_reason: fc.oneof(fc.constantFrom('stop', 'length', 'tool_calls', null), json),
                },
                { requiredKeys: [] },
              ),
            ),
            usage: json,
          },
          { requiredKeys: [] },
        )
        .map((value) => ({ data: JSON.stringify(value) })),
    );
    await fc.assert(
      fc.asyncProperty(fc.array(frame, { maxLength: 12 }), async (frames) => {
        try {
          const out = await lastValueFrom(
            from(frames).pipe(converter.convertStream({}, fixedClock()), toArray()),
          );
          // A stream that completed has ended with message_stop.
          expect(out[out.length - 1]?.event).toBe('message_stop');
        } catch (error) {
          expect(error).toBeInstanceOf(GatewayError);
        }
      }),
      { numRuns: 500 },
    );
  });
});
