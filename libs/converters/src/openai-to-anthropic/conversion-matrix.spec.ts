import type { SseEvent } from '@switchboard/protocols';
import * as path from 'node:path';
import { from } from 'rxjs';
import { validateAnthropicRequest } from '@switchboard/testing/anthropic-request.validator';
import { readConversionMatrix, valuesAtPath } from '../testing/conversion-matrix.parser';
import { expectOpenAiClientRequestRow, openAiSchemaFields, topLevel } from '../testing/request-matrix-rows';
import { fixedClock } from '../testing/fixed-clock';
import { readSseFixture, runStream } from '../testing/stream-run';
import { toMemo } from './conversion-memo';
import { openAiToAnthropicConverter as converter } from './index';

/** Keeps the openai-to-anthropic section of docs/conversion-matrix.md true. */

const DIRECTION = 'openai-to-anthropic';
const requestRows = readConversionMatrix(DIRECTION, 'request');
const responseRows = readConversionMatrix(DIRECTION, 'response');
const streamRows = readConversionMatrix(DIRECTION, 'stream');

/** Fields that only mean something when the request has tools. */
const NEEDS_TOOLS = new Set(['tool_choice', 'function_call', 'parallel_tool_calls']);
const baseTool = {
  type: 'function',
  function: { name: 'f', parameters: { type: 'object', properties: {} } },
};
const baseRequest = (withTools: boolean): Record<string, unknown> => ({
  model: 'claude-sonnet-4-5',
  messages: [{ role: 'user', content: 'hi' }],
  ...(withTools ? { tools: [baseTool] } : {}),
});
const convert = (body: Record<string, unknown>) =>
  converter.convertRequest(body, { provider: 'anthropic' }, fixedClock());

const REQUEST_SUITE = {
  baseRequest,
  convert,
  needsTools: NEEDS_TOOLS,
  validUpstream: validateAnthropicRequest,
};

describe('docs/conversion-matrix.md — openai-to-anthropic', () => {
  it('lists every top-level field of the official CreateChatCompletionRequest schema', () => {
    const listed = new Set(requestRows.map((r) => topLevel(r.field)));
    expect(openAiSchemaFields('CreateChatCompletionRequest').filter((f) => !listed.has(f))).toEqual([]);
  });

  describe('request rows with an example', () => {
    const rows = requestRows.filter((r) => r.example !== undefined);
    it('has examples to check', () => expect(rows.length).toBeGreaterThan(35));

    it.each(rows.map((r) => [r.field, r.status, r] as const))('%s is %s', (_field, _status, row) => {
      const body = expectOpenAiClientRequestRow(row, REQUEST_SUITE);
      // The client field itself is never forwarded under its own name unless that is its target.
      if (body && (!row.target || topLevel(row.target) !== row.field))
        expect(body).not.toHaveProperty(row.field);
    });
  });

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
    it.each(responseRows.map((r) => [r.field, r.status] as const))('%s is %s', (field, status) => {
      const present = valuesAtPath(response, field);
      if (status === 'dropped') expect(present).toEqual([]);
      else expect(present).not.toHaveLength(0);
    });
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
      for (const name of fixtures) {
        const events: SseEvent[] = await readSseFixture(
          path.join(__dirname, '__fixtures__', `${name}.upstream.sse`),
        );
        const memo = toMemo({
          model: 'm',
          toolNames: {},
          includeUsage: true,
          exposeReasoning: true,
          jsonTool: 'json_response',
        });
        const run = await runStream(from(events), (hooks) =>
          converter.convertStream(memo, fixedClock(), hooks),
        );
        chunks = chunks.concat(
          run.events.filter((e) => e.data !== '[DONE]').map((e) => JSON.parse(e.data) as unknown),
        );
      }
    });
    it.each(streamRows.map((r) => [r.field, r.status] as const))('%s is %s', (field, status) => {
      const present = chunks.flatMap((chunk) => valuesAtPath(chunk, field));
      if (status === 'dropped') expect(present).toEqual([]);
      else expect(present.filter((v) => v !== undefined)).not.toHaveLength(0);
    });
  });
});
