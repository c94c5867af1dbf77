import fc from 'fast-check';
import pino from 'pino';
import type { RequestRecord } from '@switchboard/proxy';
import { writeAccessLine } from './access-log';

const text = fc.string({ unit: 'binary', maxLength: 12 });
const milliseconds = fc.oneof(
  fc.double({ min: 0, max: 1e7, noNaN: true }),
  fc.constantFrom(NaN, Infinity, -0),
);
const record = fc.record({
  request_id: text,
  route: fc.option(text),
  instance: fc.option(text),
  status: fc.constantFrom(200, 400, 429, 499, 502),
  error: fc.option(fc.record({ code: text, message: text })),
  client_protocol: fc.constantFrom('openai-chat', 'anthropic-messages', 'openai-responses'),
  endpoint: fc.constantFrom('chat', 'messages', 'responses'),
  model: fc.option(text),
  stream: fc.boolean(),
  duration_ms: milliseconds,
  ttfb_ms: fc.option(milliseconds),
  attempts: fc.array(fc.constant({}), { maxLength: 3 }),
  usage: fc.option(fc.record({ input: fc.nat(), output: fc.oneof(fc.nat(), fc.constant(NaN)) })),
  key: fc.option(fc.record({ id: text, name: text })),
}) as unknown as fc.Arbitrary<RequestRecord>;

/** The line pino writes for the same fields, as the access line was written before it was built by hand. */
function pinoLine(record: RequestRecord, now: number): string {
  let written = '';
  const logger = pino(
    { level: 'info', base: { pid: process.pid }, timestamp: () => `,"time":${now}` },
    {
      write: (line: string) => (written = line),
    },
  );
  const round = (ms: number): number => Math.round(ms * 10) / 10;
  const fields: Record<string, unknown> = {
    context: 'Access',
    request_id: record.request_id,
    route: record.route,
    instance: record.instance,
    status: record.status,
    error_code: record.error?.code ?? null,
    client_protocol: record.client_protocol,
    endpoint: record.endpoint,
    model: record.model,
    stream: record.stream,
    duration_ms: round(record.duration_ms),
    ttfb_ms: record.ttfb_ms === null ? null : round(record.ttfb_ms),
    attempts: record.attempts.length,
    input_tokens: record.usage?.input ?? null,
    output_tokens: record.usage?.output ?? null,
  };
  if (record.key !== null) fields.key = record.key.name;
  logger.info(fields, 'request');
  return written;
}

describe('writeAccessLine', () => {
  it('writes byte for byte the line pino writes for the same fields (property)', () => {
    fc.assert(
      fc.property(record, fc.nat(), (request, now) => {
        const lines: string[] = [];
        writeAccessLine({ enabled: true, write: (line) => lines.push(line) }, request, now);
        expect(lines).toEqual([pinoLine(request, now)]);
      }),
      { numRuns: 500 },
    );
  });

  it('writes nothing when info lines are off', () => {
    const lines: string[] = [];
    const request = fc.sample(record, 1)[0]!;
    writeAccessLine({ enabled: false, write: (line) => lines.push(line) }, request);
    expect(lines).toEqual([]);
  });
});
