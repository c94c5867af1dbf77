import type { AttemptRecord } from '@switchboard/proxy';
import { requestRecord } from '@switchboard/testing/request-record';
import fc from 'fast-check';
import { JsonPieces, jsonNumber, jsonThousandths, toMicroseconds } from './json-pieces';
import { RequestLogBatch } from './request-log.batch';

// Few distinct names, as in a gateway (so pieces are reused), and any text at all (lone surrogates, quotes).
const name = fc.oneof(
  fc.constantFrom('primary', 'anthropic', 'x"\\y', '🚀'),
  fc.string({ unit: 'binary', maxLength: 8 }),
);
const duration = fc.oneof(fc.double({ noNaN: false }), fc.integer(), fc.constant(-0));

const attempt: fc.Arbitrary<AttemptRecord> = fc
  .record({
    instance: name,
    provider: name,
    upstream_protocol: fc.constantFrom('openai-chat', 'anthropic-messages', 'openai-responses'),
    outcome: fc.constantFrom('success', 'status', 'timeout', 'skipped'),
    status: fc.option(fc.integer({ min: 100, max: 599 })),
    duration_ms: duration,
    ttfb_ms: fc.option(duration),
    error_code: fc.option(name),
    skipped: fc.option(name, { nil: undefined }),
  })
  .map(
    ({ skipped, ...fields }) => (skipped === undefined ? fields : { ...fields, skipped }) as AttemptRecord,
  );

describe('RequestLogBatch.attemptsJson', () => {
  it('writes what JSON.stringify writes of the rows’ attempts, from the first row not dropped', () => {
    fc.assert(
      fc.property(
        fc.array(fc.array(attempt, { maxLength: 3 }), { minLength: 1, maxLength: 6 }),
        fc.nat(),
        fc.integer({ min: 2, max: 5 }),
        (rows, dropped, limit) => {
          const batch = RequestLogBatch.of(rows.map((attempts, i) => requestRecord(`r${i}`, { attempts })));
          batch.start = dropped % rows.length;
          const expected = [];
          for (let i = batch.start; i < batch.length; i++) expected.push(batch.attemptsOf(i));
          // A small limit: the pieces are cleared and made again within one batch.
          expect(batch.attemptsJson(new JsonPieces(limit))).toBe(JSON.stringify(expected));
        },
      ),
    );
  });
});

describe('jsonNumber', () => {
  it('writes numbers as JSON.stringify does, and NaN and the infinities as null', () => {
    fc.assert(fc.property(fc.double(), (value) => expect(jsonNumber(value)).toBe(JSON.stringify(value))));
  });
});

describe('request-log numbers', () => {
  const thousandths = fc.oneof(
    fc.double({ min: 0, max: 1e7, noNaN: true }),
    fc.integer({ min: 0, max: 2 ** 31 }),
    // Epoch milliseconds, up to the year 2100.
    fc.double({ min: 1e9, max: 4.1e12, noNaN: true }),
    fc.constantFrom(0, -0, 0.0005, 0.0015, 999.9995, Number.NaN, -1.5, Infinity),
  );

  it('jsonThousandths writes a value kept to the microsecond, or an integer, as JSON.stringify does', () => {
    fc.assert(
      fc.property(thousandths, (ms) => {
        const kept = toMicroseconds(ms);
        expect(jsonThousandths(kept)).toBe(JSON.stringify(kept));
      }),
    );
  });

  it('a batch keeps times to the microsecond', () => {
    const batch = RequestLogBatch.of([
      requestRecord('r', {
        duration_ms: 0.7123456,
        ttfb_ms: 0.0004999,
        started_at: 1765100000000.5 + 0.0002,
      }),
    ]);
    expect([batch.durationMs[0], batch.ttfbMs[0], batch.startedAt[0]]).toEqual([0.712, 0, 1765100000000.5]);
  });
});
