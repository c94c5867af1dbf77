import { GatewayErrorCode } from '@switchboard/common/errors';
import { initialStreamState, step } from './stream.reducer';
import { DONE, chunk, delta, finish, tool, usage } from './testing/chunk-events';
import { memo, messageDelta, ONE_TEXT_BLOCK, run, types } from './testing/reducer-output';

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
    expect(types(out)).toEqual(ONE_TEXT_BLOCK);
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
});
