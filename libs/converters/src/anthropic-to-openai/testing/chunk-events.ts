import type { SseEvent } from '@switchboard/protocols';

/** Chat Completions chunks for the stream reducer's specs (./reducer-output.ts runs them). */

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
