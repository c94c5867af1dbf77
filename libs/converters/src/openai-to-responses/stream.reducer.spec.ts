import { GatewayErrorCode } from '@switchboard/common/errors';
import type { OpenAiChatStreamEvent, SseEvent } from '@switchboard/protocols';
import { fixedClock } from '../testing/fixed-clock';
import { runReducer } from '../testing/reducer-run';
import { readMemo } from './conversion-memo';
import { flush, initialStreamState, step } from './stream.reducer';

type Json = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

const ev = (data: Json): SseEvent => ({ event: String(data.type), data: JSON.stringify(data) });

const run = (events: SseEvent[], memo: Json = {}, end = true) =>
  runReducer(
    { step, flush },
    initialStreamState(readMemo({ model: 'client-model', ...memo }), fixedClock()),
    events,
    end,
  );

const deltas = (out: OpenAiChatStreamEvent[]) =>
  out.flatMap((e) => (e.kind === 'chunk' && e.chunk.choices[0] ? [e.chunk.choices[0].delta] : []));
const created = ev({ type: 'response.created', response: { model: 'gpt-5.1-x', output: [] } });
const completed = (extra: Json = {}) =>
  ev({ type: 'response.completed', response: { status: 'completed', output: [], ...extra } });

describe('openai-to-responses stream reducer', () => {
  it('never mutates the state it is given', () => {
    const state = initialStreamState(readMemo({ model: 'm' }), fixedClock());
    const frozen = JSON.stringify(state);
    step(state, created);
    flush(state);
    expect(JSON.stringify(state)).toBe(frozen);
  });

  it('interleaved argument deltas go to the call named by item_id, whatever the order', () => {
    const call = (id: string, callId: string, index: number) =>
      ev({
        type: 'response.output_item.added',
        output_index: index,
        item: { type: 'function_call', id, call_id: callId, name: 'f', arguments: '' },
      });
    const arg = (id: string, delta: string) =>
      ev({ type: 'response.function_call_arguments.delta', item_id: id, output_index: 9, delta });
    const { out, state } = run([
      created,
      call('fc_a', 'call_a', 1),
      call('fc_b', 'call_b', 2),
      arg('fc_b', '{"b"'),
      arg('fc_a', '{"a"'),
      completed(),
    ]);
    expect(
      deltas(out)
        .filter((d) => d.tool_calls?.[0]?.function?.arguments)
        .map((d) => d.tool_calls![0]),
    ).toEqual([
      { index: 1, function: { arguments: '{"b"' } },
      { index: 0, function: { arguments: '{"a"' } },
    ]);
    expect(state.status).toBe('done');
    const finish = out.find((e) => e.kind === 'chunk' && e.chunk.choices[0]?.finish_reason);
    expect(finish).toMatchObject({ chunk: { choices: [{ finish_reason: 'tool_calls' }] } });
  });

  it('a call that only appears in the terminal response is still sent, with its arguments', () => {
    const { out } = run([
      created,
      completed({
        output: [{ type: 'function_call', id: 'fc_z', call_id: 'call_z', name: 'g', arguments: '{"x":1}' }],
      }),
    ]);
    expect(deltas(out)[1]).toEqual({
      tool_calls: [
        { index: 0, id: 'call_z', type: 'function', function: { name: 'g', arguments: '{"x":1}' } },
      ],
    });
  });

  it('a call announced without item id or index is matched by call_id when it is done (never sent twice)', () => {
    const item = { type: 'function_call', call_id: 'call_q', name: 'f', arguments: '' };
    const { out } = run([
      created,
      ev({ type: 'response.output_item.added', item }),
      ev({ type: 'response.output_item.done', item: { ...item, arguments: '{"q":1}' } }),
      completed(),
    ]);
    expect(deltas(out).flatMap((d) => d.tool_calls ?? [])).toEqual([
      { index: 0, id: 'call_q', type: 'function', function: { name: 'f', arguments: '' } },
      { index: 0, function: { arguments: '{"q":1}' } },
    ]);
  });

  it('reasoning parts are separated by a blank line; hidden when expose_reasoning is off', () => {
    const summary = (index: number, delta: string) =>
      ev({ type: 'response.reasoning_summary_text.delta', item_id: 'rs_1', summary_index: index, delta });
    const shown = run([created, summary(0, 'One.'), summary(1, 'Two.'), completed()]);
    expect(
      deltas(shown.out)
        .map((d) => d.reasoning_content)
        .filter(Boolean),
    ).toEqual(['One.', '\n\nTwo.']);
    const hidden = run([created, summary(0, 'One.'), completed()], { exposeReasoning: false });
    expect(deltas(hidden.out).some((d) => d.reasoning_content)).toBe(false);
  });

  it('a close, [DONE] or garbage before the terminal event is a cut, never a finish', () => {
    for (const events of [[created], [created, { data: '[DONE]' }], [created, { data: 'not json' }]]) {
      const { state, out } = run(events);
      expect(state.failure?.code).toBe(GatewayErrorCode.UPSTREAM_STREAM_CUT);
      expect(out.slice(-2).map((e) => e.kind)).toEqual(['error', 'done']);
      expect(out.some((e) => e.kind === 'chunk' && e.chunk.choices[0]?.finish_reason)).toBe(false);
    }
  });

  it('nothing after the terminal event is read', () => {
    const { out, state } = run([created, completed(), ev({ type: 'error', message: 'late' })]);
    expect(state.status).toBe('done');
    expect(out.some((e) => e.kind === 'error')).toBe(false);
  });
});
