import { GatewayError, GatewayErrorCode } from '@switchboard/common/errors';
import { encodeOpenAiStreamEvent, type SseEvent } from '@switchboard/protocols';
import { concat, from, throwError } from 'rxjs';
import { fixedClock } from '../testing/fixed-clock';
import { runStream } from '../testing/stream-run';
import { readMemo, toMemo, type OpenAiToAnthropicMemo } from './conversion-memo';
import { mapStream } from './stream.operator';
import { flush, initialStreamState, step, type StreamState } from './stream.reducer';

const memo = (extra: Partial<OpenAiToAnthropicMemo> = {}): OpenAiToAnthropicMemo =>
  readMemo(
    toMemo({ model: 'client-model', toolNames: {}, includeUsage: false, exposeReasoning: true, ...extra }),
  );

const ev = (type: string, body: Record<string, unknown> = {}): SseEvent => ({
  event: type,
  data: JSON.stringify({ type, ...body }),
});
const start = (model = 'claude-x') =>
  ev('message_start', {
    message: { id: 'msg_1', model, content: [], usage: { input_tokens: 3, output_tokens: 1 } },
  });

function reduce(events: SseEvent[], m = memo()): { state: StreamState; out: SseEvent[] } {
  let state = initialStreamState(m, fixedClock());
  const out: SseEvent[] = [];
  for (const event of events) {
    const [next, emitted] = step(state, event);
    state = next;
    out.push(...emitted.map(encodeOpenAiStreamEvent));
  }
  return { state, out };
}

const deltas = (out: SseEvent[]) =>
  out
    .filter((e) => e.data !== '[DONE]')
    .map((e) => (JSON.parse(e.data) as { choices: { delta: unknown }[] }).choices[0]?.delta);

describe('stream reducer (Anthropic events → OpenAI chunks)', () => {
  it('never mutates the state it is given', () => {
    const initial = initialStreamState(memo(), fixedClock());
    const frozen = JSON.stringify(initial);
    const [afterStart] = step(initial, start());
    const snapshot = JSON.stringify(afterStart);
    step(
      afterStart,
      ev('content_block_start', {
        index: 0,
        content_block: { type: 'tool_use', id: 't', name: 'f', input: {} },
      }),
    );
    expect(JSON.stringify(initial)).toBe(frozen);
    expect(JSON.stringify(afterStart)).toBe(snapshot);
  });

  it('emits the role chunk first, even when content arrives without message_start', () => {
    const { out } = reduce([
      ev('content_block_start', { index: 0, content_block: { type: 'text', text: 'Hi' } }),
    ]);
    expect(deltas(out)).toEqual([{ role: 'assistant', content: '' }, { content: 'Hi' }]);
    expect(JSON.parse(out[0]!.data).model).toBe('client-model');
  });

  it('counts tool call indexes per tool, not per block, after thinking and text blocks', () => {
    const { out } = reduce([
      start(),
      ev('content_block_start', { index: 0, content_block: { type: 'thinking', thinking: '' } }),
      ev('content_block_stop', { index: 0 }),
      ev('content_block_start', { index: 1, content_block: { type: 'text', text: '' } }),
      ev('content_block_stop', { index: 1 }),
      ev('content_block_start', {
        index: 2,
        content_block: { type: 'tool_use', id: 'a', name: 'f', input: {} },
      }),
      ev('content_block_delta', { index: 2, delta: { type: 'input_json_delta', partial_json: '{}' } }),
      ev('content_block_start', {
        index: 3,
        content_block: { type: 'tool_use', id: 'b', name: 'g', input: {} },
      }),
      ev('content_block_delta', { index: 3, delta: { type: 'input_json_delta', partial_json: '{"x":1}' } }),
    ]);
    expect(deltas(out).slice(1)).toEqual([
      { tool_calls: [{ index: 0, id: 'a', type: 'function', function: { name: 'f', arguments: '' } }] },
      { tool_calls: [{ index: 0, function: { arguments: '{}' } }] },
      { tool_calls: [{ index: 1, id: 'b', type: 'function', function: { name: 'g', arguments: '' } }] },
      { tool_calls: [{ index: 1, function: { arguments: '{"x":1}' } }] },
    ]);
  });

  it('restores shortened tool names in the stream', () => {
    const { out } = reduce(
      [
        start(),
        ev('content_block_start', {
          index: 0,
          content_block: { type: 'tool_use', id: 'a', name: 'short_1', input: {} },
        }),
      ],
      memo({ toolNames: { short_1: 'original.name' } }),
    );
    expect(deltas(out)[1]).toMatchObject({ tool_calls: [{ function: { name: 'original.name' } }] });
  });

  it('keeps reasoning out of content, and out of the stream when exposure is off', () => {
    const events = [
      start(),
      ev('content_block_start', { index: 0, content_block: { type: 'thinking', thinking: '' } }),
      ev('content_block_delta', { index: 0, delta: { type: 'thinking_delta', thinking: 'hmm' } }),
      ev('content_block_delta', { index: 0, delta: { type: 'signature_delta', signature: 'sig' } }),
      ev('content_block_start', { index: 1, content_block: { type: 'redacted_thinking', data: 'xx' } }),
    ];
    expect(deltas(reduce(events).out).slice(1)).toEqual([{ reasoning_content: 'hmm' }]);
    expect(deltas(reduce(events, memo({ exposeReasoning: false })).out).slice(1)).toEqual([]);
  });

  it('ignores pings, unknown events, server tool blocks and events after the end', () => {
    const { out, state } = reduce([
      start(),
      { event: 'ping', data: '{"type": "ping"}' },
      ev('brand_new_event', { index: 0 }),
      ev('content_block_start', {
        index: 0,
        content_block: { type: 'server_tool_use', id: 's', name: 'web_search', input: {} },
      }),
      ev('content_block_delta', { index: 0, delta: { type: 'input_json_delta', partial_json: '{"q":1}' } }),
      ev('content_block_stop', { index: 0 }),
      ev('content_block_delta', { index: 7, delta: { type: 'text_delta', text: 'no block' } }),
      ev('message_stop'),
      ev('content_block_start', { index: 1, content_block: { type: 'text', text: 'late' } }),
    ]);
    expect(deltas(out)).toEqual([{ role: 'assistant', content: '' }, {}]);
    expect(out.at(-1)).toEqual({ data: '[DONE]' });
    expect(state.status).toBe('done');
  });

  it('turns an upstream error event into an OpenAI error frame and [DONE]', () => {
    const { out, state } = reduce([
      start(),
      ev('error', { error: { type: 'rate_limit_error', message: 'slow down' } }),
    ]);
    expect(out.slice(1)).toEqual([
      {
        data: '{"error":{"message":"slow down","type":"rate_limit_error","param":null,"code":"rate_limit_exceeded"}}',
        singleLine: true,
      },
      { data: '[DONE]' },
    ]);
    expect(state.failure).toMatchObject({
      code: GatewayErrorCode.UPSTREAM_ERROR,
      upstreamType: 'rate_limit_error',
    });
  });

  it('treats unreadable event data as a broken stream', () => {
    const { state, out } = reduce([start(), { event: 'content_block_delta', data: '{"type":"content_bl' }]);
    expect(state.failure?.code).toBe(GatewayErrorCode.UPSTREAM_STREAM_CUT);
    expect(out.at(-1)).toEqual({ data: '[DONE]' });
  });

  it('flush after message_stop emits nothing; before it, an error frame — never a clean finish', () => {
    const done = reduce([start(), ev('message_stop')]).state;
    expect(flush(done)[1]).toEqual([]);
    const open = reduce([
      start(),
      ev('message_delta', { delta: { stop_reason: 'end_turn' }, usage: { output_tokens: 2 } }),
    ]).state;
    const [closed, emitted] = flush(open);
    const out = emitted.map(encodeOpenAiStreamEvent);
    expect(out.map((e) => e.data)).toEqual([expect.stringContaining('"error"'), '[DONE]']);
    expect(out.some((e) => e.data.includes('finish_reason'))).toBe(false);
    expect(closed.failure?.code).toBe(GatewayErrorCode.UPSTREAM_STREAM_CUT);
  });

  it('a source error (reset/timeout) reaches the client as an error frame, then errors the operator', async () => {
    const timeout = new GatewayError(GatewayErrorCode.UPSTREAM_TIMEOUT, 'idle timeout');
    const run = await runStream(
      concat(
        from([start()]),
        throwError(() => timeout),
      ),
      (hooks) => mapStream(toMemo(memo()), fixedClock(), hooks),
    );
    expect(run.events.slice(1).map((e) => e.data)).toEqual([
      '{"error":{"message":"idle timeout","type":"timeout_error","param":null,"code":"timeout"}}',
      '[DONE]',
    ]);
    expect(run.error).toBe(timeout);
    const reset = await runStream(
      concat(
        from([start()]),
        throwError(() => new Error('ECONNRESET')),
      ),
      (hooks) => mapStream(toMemo(memo()), fixedClock(), hooks),
    );
    expect(reset.error).toMatchObject({ code: GatewayErrorCode.UPSTREAM_STREAM_CUT });
    expect(reset.usage).toEqual([]);
  });

  it('keeps one state per subscription', async () => {
    const operator = mapStream(toMemo(memo()), fixedClock());
    const events = [start(), ev('message_stop')];
    const a = await runStream(from(events), () => operator);
    const b = await runStream(from(events), () => operator);
    expect(a.events).toHaveLength(3);
    expect(b.events).toHaveLength(3);
  });
});
