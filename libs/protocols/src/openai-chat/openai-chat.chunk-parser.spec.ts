import fc from 'fast-check';
import { parseOpenAiChunkData, type OpenAiChunkHead } from './openai-chat.chunk-parser';

const text = fc.oneof(
  { weight: 3, arbitrary: fc.stringMatching(/^[\w ,.]{0,12}$/) },
  fc.string({ unit: 'binary', maxLength: 20 }),
  fc.constantFrom('a "quoted" word', 'line\nbreak', 'emoji 🙂', 'back\\slash'),
);
/** Head fields as providers write them, some with extra members or odd values. */
const head = fc.record({
  id: fc.constantFrom('chatcmpl-1', 'chatcmpl-2', 'x,"choices":[y'),
  created: fc.constantFrom(1, 2),
  model: fc.constantFrom('gpt-4o', '', 'm'),
  extra: fc.constantFrom<Record<string, unknown>>(
    {},
    { system_fingerprint: 'fp_1' },
    { service_tier: 'default', system_fingerprint: null },
    { nested: { choices: [] } },
    { ['__proto__']: 1 },
  ),
});
const choice = fc.oneof(
  {
    weight: 4,
    arbitrary: text.map((content) => ({ index: 0, delta: { content }, logprobs: null, finish_reason: null })),
  },
  text.map((content) => ({ index: 0, delta: { content }, logprobs: null, finish_reason: null })),
  fc.constant({ index: 0, delta: { role: 'assistant', content: '' }, logprobs: null, finish_reason: null }),
  fc.constant({ index: 0, delta: {}, logprobs: null, finish_reason: 'stop' }),
  text.map((content) => ({ index: 1, delta: { content }, logprobs: null, finish_reason: null })),
  text.map((content) => ({ delta: { content }, index: 0, finish_reason: null, logprobs: null })),
);
const after = fc.constantFrom<Record<string, unknown>>(
  {},
  {},
  {},
  { usage: null },
  { obfuscation: 'aB3' },
  { usage: { prompt_tokens: 3, completion_tokens: 5, total_tokens: 8 } },
  { usage: null, obfuscation: 'x"y' },
  { model: 'repeated key' },
  { choices: [] },
  { ['__proto__']: 2 },
);

type Head = typeof head extends fc.Arbitrary<infer T> ? T : never;

/** A chunk written as JSON.stringify writes it, members in the order given. */
function chunkText(h: Head, choice: object, after: Record<string, unknown>): string {
  const chunk: Record<string, unknown> = {
    id: h.id,
    object: 'chat.completion.chunk',
    created: h.created,
    model: h.model,
  };
  for (const [key, value] of Object.entries(h.extra))
    Object.defineProperty(chunk, key, { value, enumerable: true });
  chunk.choices = [choice];
  const data = JSON.stringify(chunk);
  const tail = JSON.stringify(after);
  return tail === '{}' ? data : `${data.slice(0, -1)},${tail.slice(1)}`;
}

/** A stream's data: chunks mostly of one head, some of another, some cut or closed badly, some not chunks. */
const streamData = fc
  .record({
    heads: fc.tuple(head, head),
    items: fc.array(
      fc.record({
        head: fc.nat(4),
        choice,
        after,
        form: fc.constantFrom('chunk', 'chunk', 'chunk', 'chunk', 'broken', 'other'),
        badEnd: fc.constantFrom(',}', ', }', ',', ',,"usage":null}', ']}'),
        other: fc.constantFrom('[DONE]', '{"id":', '', '{}'),
      }),
      { maxLength: 12 },
    ),
  })
  .map(({ heads, items }) =>
    items.map((item) => {
      if (item.form === 'other') return item.other;
      const data = chunkText(heads[item.head === 4 ? 1 : 0], item.choice, item.after);
      return item.form === 'broken' ? data.slice(0, -1) + item.badEnd : data;
    }),
  );

describe('parseOpenAiChunkData', () => {
  it('returns what JSON.parse returns, members in the same order, over a whole stream (property)', () => {
    fc.assert(
      fc.property(streamData, (stream) => {
        let learnt: OpenAiChunkHead | undefined;
        for (const data of stream) {
          const { value, head } = parseOpenAiChunkData(data, learnt);
          learnt = head;
          let expected: unknown;
          try {
            expected = JSON.parse(data);
          } catch {
            expected = undefined;
          }
          expect(value).toStrictEqual(expected);
          expect(JSON.stringify(value)).toBe(JSON.stringify(expected));
        }
      }),
      { numRuns: 1000 },
    );
  });

  it('builds a text chunk that follows a chunk with the same head without JSON.parse', () => {
    const open =
      '{"id":"chatcmpl-1","object":"chat.completion.chunk","created":1,"model":"gpt-4o","choices":[';
    const first = parseOpenAiChunkData(
      `${open}{"index":0,"delta":{"role":"assistant","content":""},"logprobs":null,"finish_reason":null}]}`,
      undefined,
    );
    const parse = jest.spyOn(JSON, 'parse');
    try {
      const next = parseOpenAiChunkData(
        `${open}{"index":0,"delta":{"content":"Hello"},"logprobs":null,"finish_reason":null}]}`,
        first.head,
      );
      expect(parse).not.toHaveBeenCalled();
      expect(next.value).toEqual({
        id: 'chatcmpl-1',
        object: 'chat.completion.chunk',
        created: 1,
        model: 'gpt-4o',
        choices: [{ index: 0, delta: { content: 'Hello' }, logprobs: null, finish_reason: null }],
      });
      expect(next.head).toBe(first.head);
    } finally {
      parse.mockRestore();
    }
  });

  it('gives each chunk values of its own, never shared with an earlier chunk', () => {
    const open = '{"id":"c","object":"chat.completion.chunk","created":1,"model":"m","choices":[';
    const chunk = (content: string): string =>
      `${open}{"index":0,"delta":{"content":"${content}"},"logprobs":null,"finish_reason":null}]}`;
    const first = parseOpenAiChunkData(chunk('a'), undefined);
    const second = parseOpenAiChunkData(chunk('b'), first.head);
    const third = parseOpenAiChunkData(chunk('c'), second.head);
    expect(third.value).not.toBe(second.value);
    expect((third.value as { choices: unknown[] }).choices).not.toBe(
      (second.value as { choices: unknown[] }).choices,
    );
    expect(second.value).toMatchObject({ choices: [{ delta: { content: 'b' } }] });
  });

  it('learns no head holding an object: such a value would be shared by every chunk built from it', () => {
    const open = '{"id":"c","meta":{"n":1},"model":"m","choices":[';
    const chunk = (content: string): string =>
      `${open}{"index":0,"delta":{"content":"${content}"},"logprobs":null,"finish_reason":null}]}`;
    const first = parseOpenAiChunkData(chunk('a'), undefined);
    expect(first.head).toBeUndefined();
    const second = parseOpenAiChunkData(chunk('b'), first.head);
    expect((second.value as { meta: object }).meta).not.toBe((first.value as { meta: object }).meta);
  });
});
