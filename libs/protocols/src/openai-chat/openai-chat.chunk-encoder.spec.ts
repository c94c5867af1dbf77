import fc from 'fast-check';
import { OpenAiChunkEncoder } from './openai-chat.chunk-encoder';
import { encodeOpenAiStreamEvent } from './openai-chat.stream';
import type { OpenAiChatChunk, OpenAiChatStreamEvent, OpenAiFinishReason } from './openai-chat.types';

const text = fc.string({ unit: 'binary', maxLength: 30 });
const delta = fc.oneof(
  fc.record({ content: text }),
  fc.record({ reasoning_content: text }),
  fc.record({ role: fc.constant('assistant' as const), content: fc.constant('') }),
  fc.record({
    tool_calls: fc.array(fc.record({ index: fc.nat(5), function: fc.record({ arguments: text }) }), {
      maxLength: 2,
    }),
  }),
  fc.constant({}),
);
const finish = fc.constantFrom<OpenAiFinishReason | null>(null, 'stop', 'tool_calls', 'length');

const chunk = fc
  .record({
    id: text,
    created: fc.nat(),
    model: text,
    delta,
    finish,
    usage: fc.constantFrom<'absent' | 'null'>('absent', 'null'),
    index: fc.nat(3),
  })
  .map(({ id, created, model, delta, finish, usage, index }) => {
    const c: OpenAiChatChunk = {
      id,
      object: 'chat.completion.chunk',
      created,
      model,
      choices: [{ index, delta, logprobs: null, finish_reason: finish }],
    };
    if (usage === 'null') c.usage = null;
    return c;
  });

describe('OpenAiChunkEncoder', () => {
  it('writes exactly what encodeOpenAiStreamEvent writes, over a whole stream (property)', () => {
    fc.assert(
      fc.property(fc.array(chunk, { maxLength: 12 }), (chunks) => {
        const encoder = new OpenAiChunkEncoder();
        const events: OpenAiChatStreamEvent[] = [
          ...chunks.map((c) => ({ kind: 'chunk' as const, chunk: c })),
          {
            kind: 'chunk',
            chunk: {
              id: 'x',
              object: 'chat.completion.chunk',
              created: 1,
              model: 'm',
              choices: [],
              usage: { prompt_tokens: 1, completion_tokens: 2, total_tokens: 3 },
            },
          },
          { kind: 'error', error: { message: 'm', type: 't', param: null, code: null } },
          { kind: 'done' },
        ];
        for (const event of events) expect(encoder.encode(event)).toEqual(encodeOpenAiStreamEvent(event));
      }),
      { numRuns: 300 },
    );
  });

  it('falls back to JSON.stringify for chunks with extra fields', () => {
    const extra = {
      id: 'c',
      object: 'chat.completion.chunk',
      created: 1,
      model: 'm',
      system_fingerprint: 'fp',
      choices: [{ index: 0, delta: { content: 'x' }, logprobs: null, finish_reason: null }],
    } as OpenAiChatChunk;
    const event: OpenAiChatStreamEvent = { kind: 'chunk', chunk: extra };
    expect(new OpenAiChunkEncoder().encode(event)).toEqual({ data: JSON.stringify(extra), singleLine: true });
  });
});
