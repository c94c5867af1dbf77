import { GatewayErrorCode } from '@switchboard/common/errors';
import type { AnthropicStreamEvent as AnthropicEventOut, SseEvent } from '@switchboard/protocols';
import { readMemo } from './conversion-memo';
import { anthropicToOpenAiConverter } from './index';
import { flush, initialStreamState, step, type StreamState } from './stream.reducer';

const memo = readMemo({ requestedModel: 'claude-x', stopSequences: ['###'] });

const chunk = (choice: Record<string, unknown> | null, extra: Record<string, unknown> = {}): SseEvent => ({
  data: JSON.stringify({
    id: 'chatcmpl-1',
    object: 'chat.completion.chunk',
    created: 1,
    model: 'gpt-x',
    choices: choice ? [{ index: 0, finish_reason: null, ...choice }] : [],
    ...extra,
  }),
});
const delta = (d: Record<string, unknown>) => chunk({ delta: d });
const finish = (reason: string, extra: Record<string, unknown> = {}) =>
  chunk({ delta: {}, finish_reason: reason, ...extra });
const usage = (prompt: number, completion: number) =>
  chunk(null, {
    usage: { prompt_tokens: prompt, completion_tokens: completion, total_tokens: prompt + completion },
  });
const tool = (index: number, fields: { id?: string; name?: string; args?: string }) =>
  delta({
    tool_calls: [
      {
        index,
        ...(fields.id ? { id: fields.id, type: 'function' } : {}),
        function: { ...(fields.name ? { name: fields.name } : {}), arguments: fields.args ?? '' },
      },
    ],
  });
const DONE: SseEvent = { data: '[DONE]' };

function run(events: SseEvent[], end = true, m = memo): { out: AnthropicEventOut[]; state: StreamState } {
  let state = initialStreamState(m, 'msg_test');
  const out: AnthropicEventOut[] = [];
  for (const event of events) {
    const [next, produced] = step(state, event);
    state = next;
    out.push(...produced);
  }
  if (end) {
    const [next, produced] = flush(state);
    state = next;
    out.push(...produced);
  }
  return { out, state };
}
const types = (out: AnthropicEventOut[]) =>
  out.map((e) =>
    e.type === 'content_block_start'
      ? `start:${e.index}:${e.content_block.type}`
      : e.type === 'content_block_delta'
        ? `delta:${e.index}`
        : e.type === 'content_block_stop'
          ? `stop:${e.index}`
          : e.type,
  );
const messageDelta = (out: AnthropicEventOut[]) => out.find((e) => e.type === 'message_delta');

describe('anthropic-to-openai stream reducer', () => {
  it('starts with message_start carrying the upstream model and zero usage placeholders', () => {
    const { out } = run([delta({ role: 'assistant', content: '' })], false);
    expect(out).toEqual([
      {
        type: 'message_start',
        message: {
          id: 'msg_test',
          type: 'message',
          role: 'assistant',
          model: 'gpt-x',
          content: [],
          stop_reason: null,
          stop_sequence: null,
          usage: {
            input_tokens: 0,
            output_tokens: 0,
            cache_creation_input_tokens: 0,
            cache_read_input_tokens: 0,
          },
        },
      },
    ]);
  });

  it('never modifies the state it is given', () => {
    const state = initialStreamState(memo, 'msg_test');
    const snapshot = JSON.stringify(state);
    const [next] = step(state, delta({ content: 'hi' }));
    step(next, tool(0, { id: 'c', name: 'n', args: '{' }));
    expect(JSON.stringify(state)).toBe(snapshot);
    expect(next).not.toBe(state);
  });

  it('opens the text block lazily: role-only and empty deltas open nothing', () => {
    const { out } = run([delta({ role: 'assistant', content: '' }), delta({ content: null }), DONE]);
    expect(types(out)).toEqual(['message_start', 'message_delta', 'message_stop']);
  });

  it('holds message_delta until the usage chunk after the finish chunk', () => {
    const events = [delta({ content: 'Hi' }), finish('stop')];
    const held = run(events, false).out;
    expect(types(held)).toEqual(['message_start', 'start:0:text', 'delta:0', 'stop:0']);
    const { out } = run([...events, usage(10, 2), DONE]);
    expect(messageDelta(out)).toEqual({
      type: 'message_delta',
      delta: { stop_reason: 'end_turn', stop_sequence: null },
      usage: {
        input_tokens: 10,
        output_tokens: 2,
        cache_creation_input_tokens: 0,
        cache_read_input_tokens: 0,
      },
    });
    expect(types(out).slice(-2)).toEqual(['message_delta', 'message_stop']);
  });

  it('closes at once when usage rides on the finish chunk, and ignores everything after message_stop', () => {
    const { out } = run([
      delta({ content: 'Hi' }),
      chunk({ delta: {}, finish_reason: 'length' }, { usage: { prompt_tokens: 3, completion_tokens: 1 } }),
      delta({ content: 'late' }),
      usage(99, 99),
      DONE,
    ]);
    expect(types(out)).toEqual([
      'message_start',
      'start:0:text',
      'delta:0',
      'stop:0',
      'message_delta',
      'message_stop',
    ]);
    expect(messageDelta(out)).toMatchObject({
      delta: { stop_reason: 'max_tokens' },
      usage: { input_tokens: 3 },
    });
  });

  it('ends normally when upstream closes after a finish reason without usage or [DONE]', () => {
    const { out, state } = run([delta({ content: 'Hi' }), finish('stop')]);
    expect(types(out).slice(-2)).toEqual(['message_delta', 'message_stop']);
    expect(state.failure).toBeNull();
  });

  it('treats [DONE] as the first event as an empty, complete message', () => {
    const { out, state } = run([DONE]);
    expect(types(out)).toEqual(['message_start', 'message_delta', 'message_stop']);
    expect(state.failure).toBeNull();
  });

  it('is cut when upstream closes before a finish reason or [DONE]', () => {
    const { out, state } = run([delta({ content: 'Hi' })]);
    expect(out[out.length - 1]).toMatchObject({ type: 'error', error: { type: 'api_error' } });
    expect(state.failure?.code).toBe(GatewayErrorCode.UPSTREAM_STREAM_CUT);
  });

  it('is cut when upstream closes without sending anything', () => {
    const { out, state } = run([]);
    expect(types(out)).toEqual(['error']);
    expect(state.failure?.code).toBe(GatewayErrorCode.UPSTREAM_STREAM_CUT);
  });

  it('treats a non-JSON data frame as garbage', () => {
    const { out, state } = run([delta({ content: 'Hi' }), { data: '<html>oops' }], false);
    expect(out[out.length - 1]).toMatchObject({ type: 'error', error: { type: 'api_error' } });
    expect(state.failure?.code).toBe(GatewayErrorCode.UPSTREAM_STREAM_CUT);
    expect(step(state, delta({ content: 'more' }))[1]).toEqual([]);
  });

  it.each([
    [
      { error: { message: 'Rate limited', type: 'rate_limit_exceeded', code: 'rate_limit_exceeded' } },
      'rate_limit_error',
    ],
    [{ error: { message: 'Provider down', code: 502 } }, 'overloaded_error'],
    [{ error: { message: 'No credit', type: 'insufficient_quota' } }, 'billing_error'],
    [{ error: 'plain string error' }, 'api_error'],
  ])('maps the in-stream error frame %j to an Anthropic %s event', (payload, type) => {
    const { out, state } = run([delta({ content: 'Hi' }), { data: JSON.stringify(payload) }], false);
    expect(out[out.length - 1]).toMatchObject({ type: 'error', error: { type } });
    expect(state.failure?.code).toBe(GatewayErrorCode.UPSTREAM_ERROR);
  });

  it('treats an OpenRouter finish_reason "error" chunk as an upstream error', () => {
    const { out, state } = run(
      [chunk({ delta: {}, finish_reason: 'error' }, { error: { message: 'upstream failed', code: 500 } })],
      false,
    );
    expect(out[out.length - 1]).toEqual({
      type: 'error',
      error: { type: 'api_error', message: 'upstream failed' },
    });
    expect(state.failure?.code).toBe(GatewayErrorCode.UPSTREAM_ERROR);
  });

  it('maps reasoning (OpenRouter spelling) to a thinking block before text', () => {
    const { out } = run([delta({ reasoning: 'hmm' }), delta({ content: 'ok' }), finish('stop'), DONE]);
    expect(types(out)).toEqual([
      'message_start',
      'start:0:thinking',
      'delta:0',
      'stop:0',
      'start:1:text',
      'delta:1',
      'stop:1',
      'message_delta',
      'message_stop',
    ]);
  });

  it('keys tool blocks by OpenAI index, not by a repeated id', () => {
    const { out } = run([
      tool(0, { id: 'call_1', name: 'f', args: '{"a"' }),
      tool(0, { id: 'call_1', name: 'f', args: ':1}' }),
      finish('tool_calls'),
      DONE,
    ]);
    expect(types(out)).toEqual([
      'message_start',
      'start:0:tool_use',
      'delta:0',
      'delta:0',
      'stop:0',
      'message_delta',
      'message_stop',
    ]);
  });

  it('opens a new block when a reused index carries a new id', () => {
    const { out } = run([
      tool(0, { id: 'call_1', name: 'f', args: '{}' }),
      tool(0, { id: 'call_2', name: 'g', args: '{}' }),
      finish('tool_calls'),
      DONE,
    ]);
    const starts = out.filter((e) => e.type === 'content_block_start');
    expect(starts.map((e) => e.content_block)).toEqual([
      { type: 'tool_use', id: 'call_1', name: 'f', input: {} },
      { type: 'tool_use', id: 'call_2', name: 'g', input: {} },
    ]);
  });

  it('buffers a call until its late name arrives and gives an id-less call a stable id', () => {
    const { out } = run([
      tool(0, { args: '{"q":' }),
      tool(0, { name: 'search', args: '"x"}' }),
      finish('stop'),
      DONE,
    ]);
    expect(out.filter((e) => e.type !== 'message_start')).toEqual([
      {
        type: 'content_block_start',
        index: 0,
        content_block: { type: 'tool_use', id: 'toolu_test_0', name: 'search', input: {} },
      },
      {
        type: 'content_block_delta',
        index: 0,
        delta: { type: 'input_json_delta', partial_json: '{"q":"x"}' },
      },
      { type: 'content_block_stop', index: 0 },
      {
        type: 'message_delta',
        delta: { stop_reason: 'tool_use', stop_sequence: null },
        usage: {
          input_tokens: 0,
          output_tokens: 0,
          cache_creation_input_tokens: 0,
          cache_read_input_tokens: 0,
        },
      },
      { type: 'message_stop' },
    ]);
  });

  it('never drops a call whose name never arrives', () => {
    const { out } = run([tool(0, { id: 'call_x', args: '{}' }), finish('tool_calls'), DONE]);
    expect(out).toContainEqual({
      type: 'content_block_start',
      index: 0,
      content_block: { type: 'tool_use', id: 'call_x', name: '', input: {} },
    });
  });

  it('keeps block indices contiguous across text → tool → text', () => {
    const { out } = run([
      delta({ content: 'a' }),
      tool(0, { id: 'c', name: 'f', args: '{}' }),
      delta({ content: 'b' }),
      finish('tool_calls'),
      DONE,
    ]);
    expect(types(out)).toEqual([
      'message_start',
      'start:0:text',
      'delta:0',
      'stop:0',
      'start:1:tool_use',
      'delta:1',
      'stop:1',
      'start:2:text',
      'delta:2',
      'stop:2',
      'message_delta',
      'message_stop',
    ]);
  });

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
    expect(types(out)).toEqual([
      'message_start',
      'start:0:text',
      'delta:0',
      'stop:0',
      'message_delta',
      'message_stop',
    ]);
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
