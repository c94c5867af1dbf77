import type { GatewayErrorCode } from '@switchboard/common/errors';
import type { SseEvent } from '@switchboard/protocols';
import * as fs from 'node:fs';
import { responsesGrammarProblems } from '../responses-to-openai/testing/responses-grammar.check';
import { wireOf } from './fixture-stream';
import type { StreamRun } from './stream-run';

export interface ResponsesClientFixtureCase {
  outcome: 'ok' | GatewayErrorCode;
  /** The `response.status` of a clean end. */
  status?: string;
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
const lastData = (events: SseEvent[]) => JSON.parse(events[events.length - 1].data) as Record<string, any>;

/**
 * A converted stream toward a Responses client against its recorded bytes (UPDATE_FIXTURES=1 rewrites them):
 * valid Responses grammar, and a clean end with the case's status and one usage report, or `error` last.
 */
export function expectRecordedResponsesStream(
  run: StreamRun,
  c: ResponsesClientFixtureCase,
  expectedFile: string,
): void {
  const wire = wireOf(run.events);
  if (process.env.UPDATE_FIXTURES === '1') fs.writeFileSync(expectedFile, wire);
  expect(wire).toBe(fs.readFileSync(expectedFile, 'utf8'));
  expect(responsesGrammarProblems(run.events)).toEqual([]);
  if (c.outcome === 'ok') {
    expect(run.error).toBeUndefined();
    expect(lastData(run.events).response.status).toBe(c.status);
    expect(run.usage).toHaveLength(1);
  } else {
    expect(run.error).toMatchObject({ code: c.outcome });
    expect(lastData(run.events).type).toBe('error');
  }
}
