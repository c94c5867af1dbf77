import fc from 'fast-check';
import { tryParseJson } from '../json/json-value';
import { parseAnthropicEventData } from './anthropic-messages.event-data';

const textDelta = (index: number | string, text: string): string =>
  `{"type":"content_block_delta","index":${index},"delta":{"type":"text_delta","text":${JSON.stringify(text)}}}`;

/** The same value as JSON.parse, keys in the same order. */
function expectSameAsJsonParse(data: string): void {
  const parsed = parseAnthropicEventData(data);
  expect(parsed).toStrictEqual(tryParseJson(data));
  expect(JSON.stringify(parsed)).toBe(JSON.stringify(tryParseJson(data)));
}

describe('parseAnthropicEventData', () => {
  it('reads text deltas as JSON.parse does, whatever the text and index', () => {
    fc.assert(
      fc.property(fc.nat(2_000_000), fc.string({ unit: 'binary' }), (index, text) =>
        expectSameAsJsonParse(textDelta(index, text)),
      ),
      { numRuns: 2000 },
    );
  });

  it('agrees with JSON.parse on text deltas cut, extended or bent anywhere', () => {
    const base = fc.tuple(fc.nat(30), fc.string()).map(([index, text]) => textDelta(index, text));
    const bent = fc
      .tuple(base, fc.nat(), fc.nat(4), fc.string({ maxLength: 3 }))
      .map(([data, at, removed, inserted]) => {
        const cut = at % (data.length + 1);
        return data.slice(0, cut) + inserted + data.slice(cut + removed);
      });
    fc.assert(fc.property(bent, expectSameAsJsonParse), { numRuns: 5000 });
  });

  it('reads a text delta with nothing escaped without JSON.parse, and one with escapes with it', () => {
    const parse = jest.spyOn(JSON, 'parse');
    try {
      expect(parseAnthropicEventData(textDelta(12, 'Hello, world'))).toEqual({
        type: 'content_block_delta',
        index: 12,
        delta: { type: 'text_delta', text: 'Hello, world' },
      });
      expect(parse).not.toHaveBeenCalled();
      parseAnthropicEventData(textDelta(0, 'line\n'));
      expect(parse).toHaveBeenCalledTimes(1);
    } finally {
      parse.mockRestore();
    }
  });

  it.each([
    ['an empty text', textDelta(0, '')],
    ['an escaped quote and newline', textDelta(1, 'say "hi"\n')],
    ['an escape JSON.stringify would not write', textDelta(0, 'x').replace('"x"', '"\\u0041"')],
    ['a leading zero in the index (not JSON)', textDelta('01', 'a')],
    ['a negative index', textDelta(-1, 'a')],
    ['a surrogate pair', textDelta(0, '😀')],
    ['a lone surrogate escape', textDelta(0, '\ud800')],
    ['a raw control character (not JSON)', textDelta(0, 'a').replace('"a"', '"a\tb"')],
    [
      'spaces after the colons',
      '{"type": "content_block_delta", "index": 0, "delta": {"type": "text_delta", "text": "a"}}',
    ],
    ['another event', '{"type":"message_stop"}'],
    ['not JSON', 'not json'],
    [
      'the text quote closing early',
      '{"type":"content_block_delta","index":0,"delta":{"type":"text_delta","text":"}}',
    ],
  ])('agrees with JSON.parse on %s', (_name, data) => expectSameAsJsonParse(data));
});
