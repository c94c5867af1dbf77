import * as path from 'node:path';
import { from } from 'rxjs';
import { hasKeyDeep } from '../testing/matrix-helpers';
import { anthropicBaseRequest, itChecksAnthropicClientRequestRows } from '../testing/request-matrix-rows';
import { readMatrixRows, valuesAtPath as valuesAt } from '../testing/conversion-matrix.parser';
import { fixedClock } from '../testing/fixed-clock';
import { readSseFixture, runStream } from '../testing/stream-run';
import * as fs from 'node:fs';
import { anthropicToResponsesConverter as converter } from './index';

/** Keeps the anthropic-to-responses section of docs/conversion-matrix.md true. */

const {
  request: requestRows,
  response: responseRows,
  stream: streamRows,
} = readMatrixRows('anthropic-to-responses');

const convert = (body: Record<string, unknown>) =>
  converter.convertRequest(body, { provider: 'openai' }, fixedClock()).body;

describe('docs/conversion-matrix.md — anthropic-to-responses', () => {
  itChecksAnthropicClientRequestRows(requestRows, convert);

  describe('response rows', () => {
    const upstream = {
      id: 'resp_1',
      object: 'response',
      created_at: 1767225600,
      status: 'completed',
      model: 'gpt-5.1',
      previous_response_id: null,
      output: [
        {
          type: 'reasoning',
          id: 'rs_1',
          summary: [{ type: 'summary_text', text: 'Hmm.' }],
          encrypted_content: 'b1',
        },
        { type: 'reasoning', id: 'rs_2', summary: [], encrypted_content: 'b2' },
        {
          type: 'message',
          id: 'msg_1',
          role: 'assistant',
          status: 'completed',
          content: [{ type: 'output_text', text: 'Answer', annotations: [], logprobs: [] }],
        },
        {
          type: 'function_call',
          id: 'fc_1',
          call_id: 'call_1',
          name: 'f',
          arguments: '{"a":1}',
          status: 'completed',
        },
      ],
      usage: {
        input_tokens: 100,
        input_tokens_details: { cached_tokens: 40 },
        output_tokens: 20,
        output_tokens_details: { reasoning_tokens: 5 },
        total_tokens: 120,
      },
    };
    const out = converter.convertResponse(
      upstream,
      { requestedModel: 'claude', toolNames: {} },
      fixedClock(),
    );

    it.each(responseRows.map((r) => [r.field, r.status, r] as const))('%s is %s', (_field, status, row) => {
      if (status === 'dropped') {
        expect(hasKeyDeep(upstream, row.field)).toBe(true);
        expect(hasKeyDeep(out, row.field)).toBe(false);
        return;
      }
      expect(valuesAt(out, row.field).length).toBeGreaterThan(0);
    });
  });

  describe('stream rows', () => {
    const DIR = path.join(__dirname, '__fixtures__');
    const names = fs.readdirSync(DIR).filter((f) => f.endsWith('.responses.sse'));
    let upstreamText = '';
    let events: Record<string, unknown>[] = [];
    beforeAll(async () => {
      for (const name of names) {
        upstreamText += fs.readFileSync(path.join(DIR, name), 'utf8');
        const clock = fixedClock();
        const { memo } = converter.convertRequest(
          { ...anthropicBaseRequest(), stream: true },
          { provider: 'openai' },
          clock,
        );
        const source = await readSseFixture(path.join(DIR, name));
        const run = await runStream(from(source), (hooks) => converter.convertStream(memo, clock, hooks));
        events = events.concat(run.events.map((e) => JSON.parse(e.data) as Record<string, unknown>));
      }
    });

    it.each(streamRows.map((r) => [r.field, r.status, r] as const))('%s is %s', (_field, status, row) => {
      if (status === 'dropped') {
        expect(upstreamText).toContain(`"${row.field}"`);
        expect(events.some((e) => hasKeyDeep(e, row.field))).toBe(false);
        return;
      }
      const [type, sub] = row.field.split('.');
      const ofType = events.filter((e) => e.type === type);
      const matching =
        sub === undefined ? ofType : ofType.filter((e) => valuesAt(e, 'delta.type').includes(sub));
      expect(matching.length).toBeGreaterThan(0);
      if (row.target) expect(upstreamText).toContain(`"type":"${row.target}"`);
    });
  });
});
