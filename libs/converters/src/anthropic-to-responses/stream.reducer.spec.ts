import { GatewayErrorCode } from '@switchboard/common/errors';
import type { SseEvent } from '@switchboard/protocols';
import { runReducer } from '../testing/reducer-run';
import { readMemo } from './conversion-memo';
import { flush, initialStreamState, step, type StreamState } from './stream.reducer';

/** Edge cases of the reducer, event by event (the recorded streams are in stream.fixtures.spec.ts). */

const ev = (type: string, fields: Record<string, unknown> = {}): SseEvent => ({
  event: type,
  data: JSON.stringify({ type, sequence_number: 0, ...fields }),
});
const completed = (status = 'completed', extra: Record<string, unknown> = {}) =>
  ev(`response.${status === 'completed' ? 'completed' : 'incomplete'}`, {
    response: { status, model: 'gpt-x', usage: { input_tokens: 3, output_tokens: 2 }, ...extra },
  });

type Json = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

const run = (events: SseEvent[], memo: Json = {}, end = true) =>
  runReducer<StreamState, Json>(
    { step, flush },
    initialStreamState(readMemo({ requestedModel: 'claude', ...memo }), 'msg_1'),
    events,
    end,
  );

describe('Responses → Anthropic stream reducer', () => {
  it('sends text and arguments that only arrive in `.done` events, and restores shortened tool names', () => {
    const { out, state } = run(
      [
        ev('response.created', { response: { model: 'gpt-x' } }),
        ev('response.output_item.added', { output_index: 0, item: { type: 'message' } }),
        ev('response.output_text.done', { output_index: 0, text: 'whole' }),
        ev('response.output_item.done', { output_index: 0, item: { type: 'message', content: [] } }),
        ev('response.output_item.added', {
          output_index: 1,
          item: { type: 'function_call', call_id: 'c1', name: 'short_1' },
        }),
        ev('response.function_call_arguments.done', { output_index: 1, arguments: '{"a":1}' }),
        ev('response.output_item.done', {
          output_index: 1,
          item: { type: 'function_call', arguments: '{"a":1}' },
        }),
        completed(),
      ],
      { toolNames: { short_1: 'a.very.long.name' } },
    );
    expect(out.map((e) => e.type)).toEqual([
      'message_start',
      'content_block_start',
      'content_block_delta',
      'content_block_stop',
      'content_block_start',
      'content_block_delta',
      'content_block_stop',
      'message_delta',
      'message_stop',
    ]);
    expect(out[2].delta).toEqual({ type: 'text_delta', text: 'whole' });
    expect(out[4].content_block).toEqual({ type: 'tool_use', id: 'c1', name: 'a.very.long.name', input: {} });
    expect(out[5].delta).toEqual({ type: 'input_json_delta', partial_json: '{"a":1}' });
    expect(out[7].delta.stop_reason).toBe('tool_use');
    expect(state.failure).toBeNull();
  });

  it('maps a refusal to the content-filter stop reason, and incomplete content_filter likewise', () => {
    const refusal = run([
      ev('response.output_item.added', { output_index: 0, item: { type: 'message' } }),
      ev('response.refusal.delta', { output_index: 0, delta: 'I cannot help.' }),
      completed(),
    ]);
    expect(refusal.out.find((e) => e.type === 'message_delta')?.delta.stop_reason).toBe('refusal');
    const filtered = run([completed('incomplete', { incomplete_details: { reason: 'content_filter' } })], {
      contentFilterStopReason: 'end_turn',
    });
    expect(filtered.out.find((e) => e.type === 'message_delta')?.delta.stop_reason).toBe('end_turn');
  });

  it('ignores anything after the terminal event, a trailing [DONE] included', () => {
    const { out } = run([
      completed(),
      { data: '[DONE]' },
      ev('response.output_text.delta', { delta: 'late' }),
    ]);
    expect(out.map((e) => e.type)).toEqual(['message_start', 'message_delta', 'message_stop']);
  });

  it('ends a stream cut after deltas, or a garbage frame, with an error and never message_stop', () => {
    const cut = run([ev('response.output_text.delta', { output_index: 0, delta: 'Hi' })]);
    expect(cut.out.map((e) => e.type).slice(-1)).toEqual(['error']);
    expect(cut.state.failure?.code).toBe(GatewayErrorCode.UPSTREAM_STREAM_CUT);
    const garbage = run([{ data: 'not json' }]);
    expect(garbage.out).toEqual([
      { type: 'error', error: { type: 'api_error', message: expect.any(String) } },
    ]);
  });

  it('maps error events to the Anthropic error type by the OpenAI type and code', () => {
    const rate = run(
      [ev('error', { code: 'rate_limit_exceeded', message: 'slow down', param: null })],
      {},
      false,
    );
    expect(rate.out).toEqual([{ type: 'error', error: { type: 'rate_limit_error', message: 'slow down' } }]);
    expect(rate.state.failure).toMatchObject({ code: GatewayErrorCode.UPSTREAM_ERROR, upstreamStatus: 429 });
    const failed = run([
      ev('response.failed', { response: { error: { code: 'server_error', message: 'boom' } } }),
    ]);
    expect(failed.out).toEqual([{ type: 'error', error: { type: 'api_error', message: 'boom' } }]);
  });
});
