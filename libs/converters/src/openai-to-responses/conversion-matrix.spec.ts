import * as path from 'node:path';
import { validateOpenAi } from '@switchboard/testing/openai-schema.validator';
import { findConverter } from '../converter.registry';
import * as chat from '../testing/chat-client-matrix';
import { fixedClock } from '../testing/fixed-clock';
import { readSseFixture } from '../testing/stream-run';
import { toMemo } from './conversion-memo';
import { openAiToResponsesConverter as converter } from './index';

/** Keeps the openai-to-responses section of docs/conversion-matrix.md true. */

const { rows, baseRequest, convert, requestSuite } = chat.chatClientMatrix('openai-to-responses', converter, {
  model: 'm',
  target: { provider: 'openai' },
  validUpstream: (body) => validateOpenAi('CreateResponse', body),
});

describe('docs/conversion-matrix.md — openai-to-responses', () => {
  it('is the registered converter for Chat clients on Responses instances', () => {
    expect(findConverter('openai-chat', 'openai-responses')).toBe(converter);
    expect(converter.passthrough).toBeFalsy();
  });

  chat.itChecksChatRequestRows(rows.request, requestSuite, 30);

  it('unlisted fields are dropped too, and store is always false', () => {
    const base = convert(baseRequest(false)).body;
    expect(convert({ ...baseRequest(false), some_future_field: { a: 1 } }).body).toEqual(base);
    expect(convert({ ...baseRequest(false), store: true }).body).toEqual(base);
    expect(base.store).toBe(false);
  });

  describe('response rows', () => {
    const memo = toMemo({ model: 'client-model', toolNames: {}, includeUsage: false, exposeReasoning: true });
    const response = converter.convertResponse(
      {
        id: 'resp_1',
        object: 'response',
        created_at: 1,
        status: 'completed',
        model: 'gpt-5.1-2025-11-13',
        service_tier: 'default',
        output: [
          {
            type: 'reasoning',
            id: 'rs_1',
            summary: [{ type: 'summary_text', text: 'Hmm.' }],
            encrypted_content: 'gAAA',
          },
          {
            type: 'message',
            id: 'msg_1',
            role: 'assistant',
            status: 'completed',
            content: [
              { type: 'output_text', text: 'Hi', annotations: [{ type: 'url_citation' }], logprobs: [] },
            ],
          },
          { type: 'function_call', id: 'fc_1', call_id: 'call_1', name: 'f', arguments: '{"a":1}' },
        ],
        usage: {
          input_tokens: 9,
          input_tokens_details: { cached_tokens: 4 },
          output_tokens: 7,
          output_tokens_details: { reasoning_tokens: 2 },
          total_tokens: 16,
        },
      },
      memo,
      fixedClock(),
    );
    chat.itChecksRowsIn(rows.response, () => [response], 'any');
  });

  describe('stream rows', () => {
    const fixtures = ['reasoning-text-tool', 'multi-tool', 'refusal', 'error-mid-stream'];
    let chunks: unknown[] = [];
    beforeAll(async () => {
      const streams = await Promise.all(
        fixtures.map((name) => readSseFixture(path.join(__dirname, '__fixtures__', `${name}.upstream.sse`))),
      );
      const memo = toMemo({ model: 'm', toolNames: {}, includeUsage: true, exposeReasoning: true });
      chunks = await chat.chatChunksOf(converter, memo, streams);
    });
    chat.itChecksRowsIn(rows.stream, () => chunks, 'defined');
  });
});
