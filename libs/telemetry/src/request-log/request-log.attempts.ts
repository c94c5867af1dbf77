import type { AttemptRecord } from '@switchboard/proxy';
import { jsonNumber, jsonThousandths, toMicroseconds, type JsonPieces } from './json-pieces';

/** The attempts of a batch's rows, one after another, as columns. */
export class AttemptColumns {
  length = 0;
  private readonly instance: string[] = [];
  private readonly provider: string[] = [];
  private readonly upstreamProtocol: string[] = [];
  private readonly outcome: string[] = [];
  private readonly errorCode: (string | null)[] = [];
  private readonly skipped: (string | undefined)[] = [];
  private readonly status: number[] = [];
  private readonly durationMs: number[] = [];
  private readonly ttfbMs: number[] = [];

  /** Writes by index rather than push: a reused batch overwrites its earlier attempts in place. */
  append(attempt: AttemptRecord): void {
    const a = this.length++;
    this.instance[a] = attempt.instance;
    this.provider[a] = attempt.provider;
    this.upstreamProtocol[a] = attempt.upstream_protocol;
    this.outcome[a] = attempt.outcome;
    this.errorCode[a] = attempt.error_code;
    this.skipped[a] = attempt.skipped;
    this.status[a] = attempt.status ?? Number.NaN;
    this.durationMs[a] = toMicroseconds(attempt.duration_ms);
    this.ttfbMs[a] = toMicroseconds(attempt.ttfb_ms ?? Number.NaN);
  }

  /** Attempt a as `JSON.stringify(this.at(a))` writes it, joined from its pieces. */
  json(a: number, pieces: JsonPieces): string {
    const skipped = this.skipped[a];
    return (
      `{"instance":${pieces.text(this.instance[a])},"provider":${pieces.text(this.provider[a])}` +
      `,"upstream_protocol":${pieces.text(this.upstreamProtocol[a])},"outcome":${pieces.text(this.outcome[a])}` +
      `,"status":${jsonNumber(this.status[a])},"duration_ms":${jsonThousandths(this.durationMs[a])}` +
      `,"ttfb_ms":${jsonThousandths(this.ttfbMs[a])},"error_code":${pieces.text(this.errorCode[a])}` +
      (skipped === undefined ? '}' : `,"skipped":${pieces.text(skipped)}}`)
    );
  }

  at(a: number): AttemptRecord {
    const attempt: AttemptRecord = {
      instance: this.instance[a],
      provider: this.provider[a],
      upstream_protocol: this.upstreamProtocol[a] as AttemptRecord['upstream_protocol'],
      outcome: this.outcome[a] as AttemptRecord['outcome'],
      status: orNull(this.status[a]),
      duration_ms: this.durationMs[a],
      ttfb_ms: orNull(this.ttfbMs[a]),
      error_code: this.errorCode[a],
    };
    const skipped = this.skipped[a];
    if (skipped !== undefined) attempt.skipped = skipped;
    return attempt;
  }
}

/** A number column's value: NaN stood for null. */
function orNull(value: number): number | null {
  return Number.isNaN(value) ? null : value;
}
