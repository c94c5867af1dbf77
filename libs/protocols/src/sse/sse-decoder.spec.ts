import fc from 'fast-check';
import { from, lastValueFrom, toArray } from 'rxjs';
import { decodeSse } from './sse-decoder';
import { encodeSseEvent } from './sse-encoder';
import type { SseEvent } from './sse-event';

const decode = (chunks: (Uint8Array | string)[]): Promise<SseEvent[]> =>
  lastValueFrom(from(chunks).pipe(decodeSse(), toArray()));

const bytes = (text: string): Uint8Array => new TextEncoder().encode(text);

function splitAt(data: Uint8Array, cuts: number[]): Uint8Array[] {
  const points = [...new Set(cuts.map((c) => c % (data.length + 1)))].sort((a, b) => a - b);
  const parts: Uint8Array[] = [];
  let last = 0;
  for (const p of points) {
    parts.push(data.subarray(last, p));
    last = p;
  }
  parts.push(data.subarray(last));
  return parts;
}

describe('decodeSse', () => {
  it('decodes named events, multi-line data and skips comments', async () => {
    const events = await decode([
      ': keep-alive\n\nevent: message_start\ndata: {"a":1}\n\ndata: line1\ndata: line2\n\n',
    ]);
    expect(events).toEqual([
      expect.objectContaining({ event: 'message_start', data: '{"a":1}' }),
      expect.objectContaining({ data: 'line1\nline2' }),
    ]);
    expect(events[1]?.event).toBeUndefined();
  });

  it('accepts \\r\\n and \\r line ends', async () => {
    const events = await decode(['event: a\r\ndata: 1\r\n\r\n', 'event: b\rdata: 2\r\r']);
    expect(events.map((e) => [e.event, e.data])).toEqual([
      ['a', '1'],
      ['b', '2'],
    ]);
  });

  it('joins a UTF-8 character split across chunks', async () => {
    const raw = bytes('data: héllo 😀 wörld\n\n');
    const events = await decode(Array.from(raw, (b) => Uint8Array.of(b)));
    expect(events.map((e) => e.data)).toEqual(['héllo 😀 wörld']);
  });

  it('does not emit an incomplete trailing event when upstream ends', async () => {
    const events = await decode([bytes('data: one\n\ndata: two')]);
    expect(events.map((e) => e.data)).toEqual(['one']);
  });

  it('emits an event whose data line is empty', async () => {
    const events = await decode(['data:\n\n']);
    expect(events.map((e) => e.data)).toEqual(['']);
  });

  it('propagates upstream errors', async () => {
    const failing = new Promise((_, reject) => setTimeout(() => reject(new Error('reset')), 0));
    await expect(lastValueFrom(from(failing as Promise<Uint8Array>).pipe(decodeSse()))).rejects.toThrow(
      'reset',
    );
  });

  it('gives the same events for any chunking of the bytes (property)', async () => {
    const eventArb = fc.record({
      event: fc.option(fc.constantFrom('message_start', 'content_block_delta', 'ping'), { nil: undefined }),
      data: fc.string({ unit: 'grapheme', maxLength: 40 }),
    });
    await fc.assert(
      fc.asyncProperty(
        fc.array(eventArb, { minLength: 1, maxLength: 6 }),
        fc.array(fc.nat(), { maxLength: 12 }),
        fc.constantFrom('\n', '\r\n', '\r'),
        async (events, cuts, eol) => {
          const wire = events.map((e) => encodeSseEvent(e).replace(/\n/g, eol)).join('');
          const decoded = await decode(splitAt(bytes(wire), cuts));
          expect(decoded.map((e) => ({ event: e.event, data: e.data }))).toEqual(
            events.map((e) => ({ event: e.event, data: e.data.replace(/\r\n|\r/g, '\n') })),
          );
        },
      ),
      { numRuns: 200 },
    );
  });

  it('drops a leading byte-order mark, keeps a later one, and reads Buffer chunks', async () => {
    const wire = Buffer.from('\uFEFFdata: a\n\ndata: \uFEFFb\n\n', 'utf8');
    const events = await decode([wire.subarray(0, 2), wire.subarray(2, 12), wire.subarray(12)]);
    expect(events.map((e) => e.data)).toEqual(['a', '\uFEFFb']);
  });

  it('keeps a byte-order mark that opens a later chunk, when that chunk is the first the TextDecoder reads', async () => {
    const head = 'data: a\n\ndata: ';
    const wire = Buffer.from(`${head}\uFEFFb\u00e9\n\n`, 'utf8');
    // The first chunk is ASCII (decoded without the TextDecoder); the second opens with the mark and ends inside é.
    const cut = wire.length - 3;
    const events = await decode([
      wire.subarray(0, head.length),
      wire.subarray(head.length, cut),
      wire.subarray(cut),
    ]);
    expect(events.map((e) => e.data)).toEqual(['a', '\uFEFFb\u00e9']);
  });

  it('decodes any bytes, valid UTF-8 or not, as one TextDecoder over the whole stream would (property)', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.oneof(fc.integer({ min: 0, max: 0x7f }), fc.integer({ min: 0x80, max: 0xff })), {
          maxLength: 60,
        }),
        fc.array(fc.nat(), { maxLength: 12 }),
        fc.boolean(),
        async (payload, cuts, asBuffers) => {
          const body = Uint8Array.from(payload.map((b) => (b === 10 || b === 13 ? 32 : b)));
          const wire = new Uint8Array([...bytes('data: '), ...body, ...bytes('\n\n')]);
          const parts = splitAt(wire, cuts).map((part) => (asBuffers ? Buffer.from(part) : part));
          const decoded = await decode(parts);
          const expected = new TextDecoder('utf-8').decode(wire).slice('data: '.length, -2);
          expect(decoded.map((e) => e.data)).toEqual([expected]);
        },
      ),
      { numRuns: 300 },
    );
  });
});
