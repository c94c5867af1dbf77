import type { AnthropicStreamEvent as AnthropicEventOut, SseEvent } from '@switchboard/protocols';
import { readMemo } from '../conversion-memo';
import { flush, initialStreamState, step, type StreamState } from '../stream.reducer';

/** Chat Completions chunks for the stream reducer's specs, a reducer run, and readers of what it produced. */

export const memo = readMemo({ requestedModel: 'claude-x', stopSequences: ['###'] });

export const chunk = (
  choice: Record<string, unknown> | null,
  extra: Record<string, unknown> = {},
): SseEvent => ({
  data: JSON.stringify({
    id: 'chatcmpl-1',
    object: 'chat.completion.chunk',
    created: 1,
    model: 'gpt-x',
    choices: choice ? [{ index: 0, finish_reason: null, ...choice }] : [],
    ...extra,
  }),
});
export const delta = (d: Record<string, unknown>) => chunk({ delta: d });
export const finish = (reason: string, extra: Record<string, unknown> = {}) =>
  chunk({ delta: {}, finish_reason: reason, ...extra });
export const usage = (prompt: number, completion: number) =>
  chunk(null, {
    usage: { prompt_tokens: prompt, completion_tokens: completion, total_tokens: prompt + completion },
  });
export const tool = (index: number, fields: { id?: string; name?: string; args?: string }) =>
  delta({
    tool_calls: [
      {
        index,
        ...(fields.id ? { id: fields.id, type: 'function' } : {}),
        function: { ...(fields.name ? { name: fields.name } : {}), arguments: fields.args ?? '' },
      },
    ],
  });
export const DONE: SseEvent = { data: '[DONE]' };

export function run(
  events: SseEvent[],
  end = true,
  m = memo,
): { out: AnthropicEventOut[]; state: StreamState } {
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
export const types = (out: AnthropicEventOut[]) =>
  out.map((e) =>
    e.type === 'content_block_start'
      ? `start:${e.index}:${e.content_block.type}`
      : e.type === 'content_block_delta'
        ? `delta:${e.index}`
        : e.type === 'content_block_stop'
          ? `stop:${e.index}`
          : e.type,
  );
export const messageDelta = (out: AnthropicEventOut[]) => out.find((e) => e.type === 'message_delta');
