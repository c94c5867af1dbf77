import type { SseEvent } from '@switchboard/protocols';
import { from } from 'rxjs';
import type { ConversionMemo, Converter, UpstreamTarget } from '../converter.interface';
import { readMatrixRows } from './conversion-matrix.parser';
import { fixedClock } from './fixed-clock';
import { valuesAtPath, type MatrixRow } from './conversion-matrix.parser';
import {
  expectOpenAiClientRequestRow,
  openAiSchemaFields,
  topLevel,
  type OpenAiClientRequestSuite,
} from './request-matrix-rows';
import { runStream } from './stream-run';

type Body = Record<string, unknown>;

const BASE_TOOL = {
  type: 'function',
  function: { name: 'f', parameters: { type: 'object', properties: {} } },
};

/**
 * The setup of a conversion-matrix spec for an OpenAI Chat client direction: its rows of
 * docs/conversion-matrix.md and the base request its request rows are checked against.
 */
export function chatClientMatrix(
  direction: string,
  converter: Converter,
  upstream: { model: string; target: UpstreamTarget; validUpstream: (body: Body) => string[] },
) {
  const baseRequest = (withTools: boolean): Body => ({
    model: upstream.model,
    messages: [{ role: 'user', content: 'hi' }],
    ...(withTools ? { tools: [BASE_TOOL] } : {}),
  });
  const convert = (body: Body) => converter.convertRequest(body, upstream.target, fixedClock());
  const requestSuite: OpenAiClientRequestSuite = {
    baseRequest,
    convert,
    // Fields that only mean something when the request has tools.
    needsTools: new Set(['tool_choice', 'function_call', 'parallel_tool_calls']),
    validUpstream: upstream.validUpstream,
  };
  return {
    rows: readMatrixRows(direction),
    baseRequest,
    convert,
    requestSuite,
  };
}

/** The JSON chunks a Chat client receives for these upstream streams (`[DONE]` left out). */
export async function chatChunksOf(
  converter: Converter,
  memo: ConversionMemo,
  streams: SseEvent[][],
): Promise<unknown[]> {
  let chunks: unknown[] = [];
  for (const events of streams) {
    const run = await runStream(from(events), (hooks) => converter.convertStream(memo, fixedClock(), hooks));
    chunks = chunks.concat(
      run.events.filter((e) => e.data !== '[DONE]').map((e) => JSON.parse(e.data) as unknown),
    );
  }
  return chunks;
}

/**
 * The request part of a Chat-client direction's matrix spec (call inside its `describe`): the matrix lists every
 * field of the official request schema, and each row with an example holds (at least `minExamples` of them).
 */
export function itChecksChatRequestRows(
  requestRows: MatrixRow[],
  suite: OpenAiClientRequestSuite,
  minExamples: number,
): void {
  it('lists every top-level field of the official CreateChatCompletionRequest schema', () => {
    const listed = new Set(requestRows.map((r) => topLevel(r.field)));
    expect(openAiSchemaFields('CreateChatCompletionRequest').filter((f) => !listed.has(f))).toEqual([]);
  });

  describe('request rows with an example', () => {
    const withExample = requestRows.filter((r) => r.example !== undefined);
    it('has examples to check', () => expect(withExample.length).toBeGreaterThan(minExamples));

    it.each(withExample.map((r) => [r.field, r.status, r] as const))('%s is %s', (_field, _status, row) => {
      const body = expectOpenAiClientRequestRow(row, suite);
      // The client field itself is never forwarded under its own name unless that is its target.
      if (body && (!row.target || topLevel(row.target) !== row.field))
        expect(body).not.toHaveProperty(row.field);
    });
  });
}

/**
 * The rows of a response or stream table (call inside a `describe`): a dropped field is found in none of the
 * sources, any other in at least one (`defined`: with a value other than undefined).
 */
export function itChecksRowsIn(
  rows: MatrixRow[],
  sources: () => unknown[],
  presence: 'any' | 'defined',
): void {
  it.each(rows.map((r) => [r.field, r.status] as const))('%s is %s', (field, status) => {
    const present = sources().flatMap((source) => valuesAtPath(source, field));
    if (status === 'dropped') expect(present).toEqual([]);
    else
      expect(presence === 'defined' ? present.filter((v) => v !== undefined) : present).not.toHaveLength(0);
  });
}
