import { fixedClock } from '../testing/fixed-clock';
import { anthropicToOpenAiConverter as converter } from './index';
import { fixtureBytes, runStream } from './testing/stream-harness';
import { readMatrixRows, valuesAtPath as valuesAt } from '../testing/conversion-matrix.parser';
import { hasKeyDeep } from '../testing/matrix-helpers';
import { itChecksAnthropicClientRequestRows } from '../testing/request-matrix-rows';

/** Keeps the anthropic-to-openai section of docs/conversion-matrix.md true. */

const {
  request: requestRows,
  response: responseRows,
  stream: streamRows,
} = readMatrixRows('anthropic-to-openai');

const convert = (body: Record<string, unknown>) =>
  converter.convertRequest(body, { provider: 'openai' }, fixedClock()).body;

describe('docs/conversion-matrix.md — anthropic-to-openai', () => {
  itChecksAnthropicClientRequestRows(requestRows, convert);

  describe('response rows', () => {
    const upstream = {
      id: 'chatcmpl-1',
      object: 'chat.completion',
      created: 1767225600,
      model: 'gpt-5',
      system_fingerprint: 'fp_1',
      choices: [
        {
          index: 0,
          finish_reason: 'stop',
          stop_reason: '###',
          logprobs: { content: [] },
          message: {
            role: 'assistant',
            content: 'Answer',
            reasoning_content: 'Thinking',
            thinking_blocks: [{ type: 'thinking', thinking: 'Thinking', signature: 'sig' }],
            refusal: null,
            annotations: [],
            tool_calls: [{ id: 'call_1', type: 'function', function: { name: 'f', arguments: '{"a":1}' } }],
          },
        },
      ],
      usage: {
        prompt_tokens: 100,
        completion_tokens: 20,
        total_tokens: 120,
        prompt_tokens_details: { cached_tokens: 40, cache_write_tokens: 10 },
        completion_tokens_details: { reasoning_tokens: 5 },
      },
    };
    const memo = { requestedModel: 'claude', stopSequences: ['###'], toolNames: {} };
    const noTools = {
      ...upstream,
      choices: [{ ...upstream.choices[0], message: { content: 'Answer ###' } }],
    };
    const outputs = [
      converter.convertResponse(upstream, memo, fixedClock()),
      converter.convertResponse(noTools, memo, fixedClock()),
    ];

    it.each(responseRows.map((r) => [r.field, r.status, r] as const))('%s is %s', (_field, status, row) => {
      if (status === 'dropped') {
        expect(hasKeyDeep(upstream, row.field)).toBe(true);
        for (const out of outputs) expect(hasKeyDeep(out, row.field)).toBe(false);
        return;
      }
      const found = outputs.flatMap((out) => valuesAt(out, row.field)).filter((v) => v !== null);
      expect(found.length).toBeGreaterThan(0);
    });
  });

  describe('stream rows', () => {
    const fixtures = [
      'text',
      'multi-tool',
      'reasoning-text-tool',
      'usage-after-finish',
      'done-without-finish',
      'interleaved-tools',
      'signed-thinking',
      'azure-content-filter',
      'mistral-thinking',
      'error-mid-stream',
      'cut',
    ];
    let upstreamText = '';
    let events: Record<string, unknown>[] = [];
    beforeAll(async () => {
      for (const name of fixtures) {
        const bytes = fixtureBytes(`${name}.upstream.sse`);
        upstreamText += Buffer.from(bytes).toString('utf8');
        const run = await runStream([bytes]);
        events = events.concat(
          run.text
            .split('\n')
            .filter((l) => l.startsWith('data: '))
            .map((l) => JSON.parse(l.slice(6)) as Record<string, unknown>),
        );
      }
    });

    it.each(streamRows.map((r) => [r.field, r.status, r] as const))('%s is %s', (_field, status, row) => {
      const [type, sub] = row.field.split('.');
      if (status === 'dropped') {
        const key = row.field.split('.').pop() as string;
        const scope = sub === undefined ? events : events.flatMap((e) => valuesAt(e, type as string));
        if (key !== 'obfuscation') expect(upstreamText).toContain(`"${key}"`);
        expect(scope.some((v) => hasKeyDeep(v, key))).toBe(false);
        return;
      }
      const ofType = events.filter((e) => e.type === type);
      const matching =
        sub === undefined ? ofType : ofType.filter((e) => valuesAt(e, 'delta.type').includes(sub));
      expect(matching.length).toBeGreaterThan(0);
    });
  });
});
