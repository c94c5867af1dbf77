import { GatewayErrorCode } from '@switchboard/common/errors';
import type { AnthropicStreamEvent as AnthropicEventOut } from '@switchboard/protocols';
import { readMemo } from './conversion-memo';
import { anthropicToOpenAiConverter } from './index';
import { initialStreamState, step } from './stream.reducer';
import { DONE, chunk, delta, finish, tool, usage } from './testing/chunk-events';
import { memo, messageDelta, ONE_TEXT_BLOCK, run, types } from './testing/reducer-output';

describe('anthropic-to-openai stream reducer', () => {
  describe('stop reasons', () => {
    it.each([
      ['length', 'max_tokens'],
      ['tool_calls', 'tool_use'],
      ['function_call', 'tool_use'],
      ['content_filter', 'refusal'],
      ['stop', 'end_turn'],
      ['something_new', 'end_turn'],
    ])('%s → %s', (reason, expected) => {
      const { out } = run([delta({ content: 'x' }), finish(reason), DONE]);
      expect(messageDelta(out)).toMatchObject({ delta: { stop_reason: expected, stop_sequence: null } });
    });

    it('content_filter follows the instance option', () => {
      const m = readMemo({ contentFilterStopReason: 'end_turn' });
      const { out } = run([finish('content_filter'), DONE], true, m);
      expect(messageDelta(out)).toMatchObject({ delta: { stop_reason: 'end_turn' } });
    });

    it('stop with tool calls is tool_use', () => {
      const { out } = run([tool(0, { id: 'c', name: 'f', args: '{}' }), finish('stop'), DONE]);
      expect(messageDelta(out)).toMatchObject({ delta: { stop_reason: 'tool_use' } });
    });

    it('stop_sequence when the upstream names the matched stop (vLLM stop_reason)', () => {
      const { out } = run([delta({ content: 'x' }), finish('stop', { stop_reason: '###' }), DONE]);
      expect(messageDelta(out)).toMatchObject({
        delta: { stop_reason: 'stop_sequence', stop_sequence: '###' },
      });
    });

    it('stop_sequence when the text ends with a requested stop sequence split across deltas', () => {
      const { out } = run([delta({ content: 'done #' }), delta({ content: '##' }), finish('stop'), DONE]);
      expect(messageDelta(out)).toMatchObject({
        delta: { stop_reason: 'stop_sequence', stop_sequence: '###' },
      });
    });

    it('a refusal delta is text and makes the stop reason refusal', () => {
      const { out } = run([delta({ refusal: 'I cannot help.' }), finish('stop'), DONE]);
      expect(out).toContainEqual({
        type: 'content_block_delta',
        index: 0,
        delta: { type: 'text_delta', text: 'I cannot help.' },
      });
      expect(messageDelta(out)).toMatchObject({ delta: { stop_reason: 'refusal' } });
    });
  });

  it('tolerates empty data frames, usage:null chunks, duplicate finish chunks and chunks with empty choices', () => {
    const { out, state } = run([
      { data: '' },
      { data: '   ' },
      delta({ content: 'x' }),
      chunk(null, { usage: null }),
      finish('stop'),
      finish('length'),
      usage(5, 1),
      DONE,
    ]);
    expect(state.failure).toBeNull();
    expect(types(out)).toEqual(ONE_TEXT_BLOCK);
    expect(messageDelta(out)).toMatchObject({
      delta: { stop_reason: 'end_turn' },
      usage: { input_tokens: 5 },
    });
  });

  it('ignores choices other than 0', () => {
    const { out } = run([
      chunk({ index: 1, delta: { content: 'other' } }),
      delta({ content: 'mine' }),
      finish('stop'),
      DONE,
    ]);
    expect(out.filter((e) => e.type === 'content_block_delta')).toEqual([
      { type: 'content_block_delta', index: 0, delta: { type: 'text_delta', text: 'mine' } },
    ]);
  });

  it('uses the requested model when chunks carry none', () => {
    const { out } = run([
      { data: JSON.stringify({ choices: [{ index: 0, delta: { content: 'x' } }] }) },
      DONE,
    ]);
    expect(out[0]).toMatchObject({ type: 'message_start', message: { model: 'claude-x' } });
  });
});

describe('anthropic-to-openai stream reducer: upstream quirks', () => {
  it('reads an `event: error` frame with a plain-text body as the upstream error', () => {
    let state = initialStreamState(memo, 'msg_test');
    const [next, out] = step(state, { event: 'error', data: 'upstream overloaded' });
    state = next;
    expect(out).toEqual([{ type: 'error', error: { type: 'api_error', message: 'upstream overloaded' } }]);
    expect(state.failure?.code).toBe(GatewayErrorCode.UPSTREAM_ERROR);
  });

  it('counts DeepSeek prompt_cache_hit_tokens as cache reads', () => {
    let state = initialStreamState(memo, 'msg_test');
    const out: AnthropicEventOut[] = [];
    for (const event of [
      {
        data: JSON.stringify({
          model: 'deepseek-chat',
          choices: [{ index: 0, delta: { content: 'x' }, finish_reason: 'stop' }],
        }),
      },
      {
        data: JSON.stringify({
          choices: [],
          usage: {
            prompt_tokens: 100,
            completion_tokens: 5,
            prompt_cache_hit_tokens: 64,
            prompt_cache_miss_tokens: 36,
          },
        }),
      },
    ]) {
      const [next, produced] = step(state, event);
      state = next;
      out.push(...produced);
    }
    expect(out.find((e) => e.type === 'message_delta')).toMatchObject({
      usage: { input_tokens: 36, cache_read_input_tokens: 64, output_tokens: 5 },
    });
  });
});

describe('anthropic-to-openai stream reducer: buffer_tool_arguments option', () => {
  const buffered = readMemo({ bufferToolArguments: true });
  const fragments = [
    {
      data: JSON.stringify({
        choices: [
          {
            index: 0,
            delta: { tool_calls: [{ index: 0, id: 'c1', function: { name: 'f', arguments: '{"path":' } }] },
          },
        ],
      }),
    },
    {
      data: JSON.stringify({
        choices: [{ index: 0, delta: { tool_calls: [{ index: 0, function: { arguments: '"a.txt"' } }] } }],
      }),
    },
    { data: JSON.stringify({ choices: [{ index: 0, delta: {}, finish_reason: 'tool_calls' }] }) },
    { data: '[DONE]' },
  ];

  it('sends each call once, as valid JSON (here repaired), when the call ends', () => {
    let state = initialStreamState(buffered, 'msg_test');
    const out: AnthropicEventOut[] = [];
    for (const event of fragments) {
      const [next, produced] = step(state, event);
      state = next;
      out.push(...produced);
    }
    expect(out.filter((e) => e.type === 'content_block_delta')).toEqual([
      {
        type: 'content_block_delta',
        index: 0,
        delta: { type: 'input_json_delta', partial_json: '{"path":"a.txt"}' },
      },
    ]);
  });

  it('is set from the instance option', () => {
    const { memo: on } = anthropicToOpenAiConverter.convertRequest(
      { model: 'm', max_tokens: 1, messages: [{ role: 'user', content: 'x' }] },
      { provider: 'openai-compatible', conversion: { buffer_tool_arguments: true } },
      { newId: () => '1', now: () => 0 },
    );
    expect(readMemo(on).bufferToolArguments).toBe(true);
  });
});
