import { decodeSse, type SseEvent } from '@switchboard/protocols';
import * as fs from 'node:fs';
import { firstValueFrom, from, type Observable, type OperatorFunction, toArray } from 'rxjs';
import type { TokenUsage } from '../converter.interface';

export interface StreamRun {
  events: SseEvent[];
  /** The error the operator ended with, if any. */
  error?: unknown;
  usage: TokenUsage[];
  firstTokens: number;
  /** Models reported through onModel. */
  models: string[];
}

/** Runs `source` through an operator built from hooks, collecting events, the final error and hook calls. */
export function runStream(
  source: Observable<SseEvent>,
  operator: (hooks: {
    onUsage: (u: TokenUsage) => void;
    onFirstToken: () => void;
    onModel: (model: string) => void;
  }) => OperatorFunction<SseEvent, SseEvent>,
): Promise<StreamRun> {
  const run: StreamRun = { events: [], usage: [], firstTokens: 0, models: [] };
  const op = operator({
    onUsage: (u) => run.usage.push(u),
    onFirstToken: () => (run.firstTokens += 1),
    onModel: (m) => run.models.push(m),
  });
  return new Promise((resolve) => {
    source.pipe(op).subscribe({
      next: (event) => run.events.push(event),
      error: (error: unknown) => resolve({ ...run, error }),
      complete: () => resolve(run),
    });
  });
}

/** Decodes an `.sse` fixture file (raw SSE bytes) into events with the production decoder. */
export function readSseFixture(file: string): Promise<SseEvent[]> {
  return firstValueFrom(from([fs.readFileSync(file)]).pipe(decodeSse(), toArray()));
}
