import * as path from 'node:path';
import { from } from 'rxjs';
import type { Converter, UpstreamTarget } from '../../converter.interface';
import { readConversionMatrix, valuesAtPath } from '../../testing/conversion-matrix.parser';
import {
  expectOpenAiClientRequestRow,
  openAiSchemaFields,
  topLevel,
} from '../../testing/request-matrix-rows';
import { fixedClock } from '../../testing/fixed-clock';
import { readSseFixture, runStream } from '../../testing/stream-run';

/** Keeps a Responses-client section of docs/conversion-matrix.md true (shared by both directions' specs). */

export interface ResponsesMatrixCase {
  direction: string;
  converter: Converter;
  target: UpstreamTarget;
  /** Checks an upstream body produced by the converter (protocol validator). */
  validUpstream: (body: Record<string, unknown>) => string[];
  /** One upstream response touching every response row. */
  upstreamResponse: unknown;
  /** Upstream stream fixtures (absolute paths) touching every stream row. */
  streamFixtures: string[];
}

const NEEDS_TOOLS = new Set(['tool_choice', 'parallel_tool_calls']);
const TOOLS = [
  { type: 'function', name: 'f', parameters: { type: 'object', properties: {} }, strict: false },
  {
    type: 'namespace',
    name: 'mcp__fs',
    description: 'N',
    tools: [{ type: 'function', name: 'read_file', parameters: {}, strict: false }],
  },
  { type: 'custom', name: 'apply_patch', description: 'Edit files.' },
];

export function describeResponsesMatrix(c: ResponsesMatrixCase): void {
  const requestRows = readConversionMatrix(c.direction, 'request');
  const responseRows = readConversionMatrix(c.direction, 'response');
  const streamRows = readConversionMatrix(c.direction, 'stream');
  const baseRequest = (withTools: boolean): Record<string, unknown> => ({
    model: 'm',
    input: 'hi',
    ...(withTools ? { tools: TOOLS } : {}),
  });
  const convert = (body: Record<string, unknown>) => c.converter.convertRequest(body, c.target, fixedClock());

  describe(`docs/conversion-matrix.md — ${c.direction}`, () => {
    it('lists every top-level field of the official CreateResponse schema', () => {
      const listed = new Set(requestRows.map((r) => topLevel(r.field)));
      expect(openAiSchemaFields('CreateResponse', true).filter((f) => !listed.has(f))).toEqual([]);
    });

    const rows = requestRows.filter((r) => r.example !== undefined);
    const suite = { baseRequest, convert, needsTools: NEEDS_TOOLS, validUpstream: c.validUpstream };
    it.each(rows.map((r) => [r.field, r.status, r] as const))('request %s is %s', (_field, _status, row) => {
      expectOpenAiClientRequestRow(row, suite);
    });

    it('unlisted request fields are dropped too', () => {
      expect(convert({ ...baseRequest(false), some_future_field: { a: 1 } }).body).toEqual(
        convert(baseRequest(false)).body,
      );
    });

    it.each(responseRows.map((r) => [r.field, r.status] as const))('response %s is %s', (field, status) => {
      const clock = fixedClock();
      const { memo } = c.converter.convertRequest(baseRequest(true), c.target, clock);
      const response = c.converter.convertResponse(c.upstreamResponse, memo, clock);
      const present = valuesAtPath(response, field);
      if (status === 'dropped') expect(present).toEqual([]);
      else expect(present).not.toHaveLength(0);
    });

    describe('stream rows', () => {
      let events: unknown[] = [];
      beforeAll(async () => {
        for (const file of c.streamFixtures) {
          const clock = fixedClock();
          const { memo } = c.converter.convertRequest(
            { ...baseRequest(true), stream: true },
            c.target,
            clock,
          );
          const run = await runStream(from(await readSseFixture(file)), (hooks) =>
            c.converter.convertStream(memo, clock, hooks),
          );
          events = events.concat(run.events.map((e) => JSON.parse(e.data) as unknown));
        }
      });
      it.each(streamRows.map((r) => [r.field, r.status] as const))('stream %s is %s', (field, status) => {
        const present = events.flatMap((event) => valuesAtPath(event, field)).filter((v) => v !== undefined);
        if (status === 'dropped') expect(present).toEqual([]);
        else expect(present).not.toHaveLength(0);
      });
    });
  });
}

export const fixtureIn = (dir: string, name: string): string => path.join(dir, '__fixtures__', name);
