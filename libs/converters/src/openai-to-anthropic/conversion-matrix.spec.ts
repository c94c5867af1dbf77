import * as path from 'node:path';
import { validateAnthropicRequest } from '@switchboard/testing/anthropic-request.validator';
import * as chat from '../testing/chat-client-matrix';
import { fixedClock } from '../testing/fixed-clock';
import { readSseFixture } from '../testing/stream-run';
import { toMemo } from './conversion-memo';
import { openAiToAnthropicConverter as converter } from './index';

/** Keeps the openai-to-anthropic section of docs/conversion-matrix.md true. */

const { rows, baseRequest, convert, requestSuite } = chat.chatClientMatrix('openai-to-anthropic', converter, {
  model: 'claude-sonnet-4-5',
  target: { provider: 'anthropic' },
  validUpstream: validateAnthropicRequest,
});

describe('docs/conversion-matrix.md — openai-to-anthropic', () => {
  chat.itChecksChatRequestRows(rows.request, requestSuite, 35);

  it('unlisted fields are dropped too', () => {
    expect(convert({ ...baseRequest(false), some_future_field: { a: 1 } }).body).toEqual(
      convert(baseRequest(false)).body,
    );
  });

  describe('response rows', () => {
    const memo = toMemo({ model: 'client-model', toolNames: {}, includeUsage: false, exposeReasoning: true });
    const response = converter.convertResponse(
      {
        id: 'msg_1',
        type: 'message',
        role: 'assistant',
        model: 'claude-sonnet-4-5',
        content: [
          { type: 'thinking', thinking: 'Hmm.', signature: 'sig' },
          {
            type: 'text',
            text: 'Hi',
            citations: [
              {
                type: 'web_search_result_location',
                url: 'https://x',
                title: 't',
                cited_text: 'c',
                encrypted_index: 'e',
              },
            ],
          },
          { type: 'tool_use', id: 'toolu_1', name: 'f', input: { a: 1 } },
        ],
        stop_reason: 'tool_use',
        stop_sequence: null,
        usage: {
          input_tokens: 3,
          output_tokens: 9,
          cache_read_input_tokens: 4,
          cache_creation_input_tokens: 5,
          output_tokens_details: { thinking_tokens: 2 },
          service_tier: 'standard',
        },
      },
      memo,
      fixedClock(),
    );
    chat.itChecksRowsIn(rows.response, () => [response], 'any');
  });

  describe('stream rows', () => {
    const fixtures = [
      'thinking-text-tool',
      'multi-tool',
      'error-mid-stream',
      'json-mode',
      'message-start-content',
    ];
    let chunks: unknown[] = [];
    beforeAll(async () => {
      const streams = await Promise.all(
        fixtures.map((name) => readSseFixture(path.join(__dirname, '__fixtures__', `${name}.upstream.sse`))),
      );
      const memo = toMemo({
        model: 'm',
        toolNames: {},
        includeUsage: true,
        exposeReasoning: true,
        jsonTool: 'json_response',
      });
      chunks = await chat.chatChunksOf(converter, memo, streams);
    });
    chat.itChecksRowsIn(rows.stream, () => chunks, 'defined');
  });
});
