import type { AttemptRecord, RequestRecord } from '@switchboard/proxy';
import { toMicroseconds, type JsonPieces } from './json-pieces';
import { AttemptColumns } from './request-log.attempts';
import { TextInterner } from './text-interner';

/** Names, route and key fields come from the route table and key store, shared already; models do not. */
const models = new TextInterner();

/**
 * Finished requests waiting for the request log, kept as columns of primitives instead of the records
 * themselves. A queued record lives for up to a second: long enough to survive two scavenges, be promoted and
 * make every major GC longer. Its numbers here sit in typed arrays and its texts are leaf strings, so holding a
 * batch costs the garbage collector almost nothing. A number column holds NaN where the record had null, and
 * times in milliseconds to the microsecond (`toMicroseconds`).
 */
export class RequestLogBatch {
  /** Rows before this one were dropped (the queue's bound) and are not written. */
  start = 0;
  length = 0;

  readonly requestId: string[];
  readonly clientProtocol: string[];
  readonly endpoint: string[];
  readonly model: (string | null)[];
  readonly routeId: (string | null)[];
  readonly route: (string | null)[];
  readonly instance: (string | null)[];
  readonly upstreamModel: (string | null)[];
  readonly errorCode: (string | null)[];
  readonly errorMessage: (string | null)[];
  readonly keyId: (string | null)[];
  readonly keyName: (string | null)[];
  readonly droppedTools: (readonly string[] | null)[];
  readonly startedAt: Float64Array;
  readonly durationMs: Float64Array;
  readonly ttfbMs: Float64Array;
  readonly status: Float64Array;
  readonly costUsd: Float64Array;
  readonly stream: Uint8Array;
  readonly inputTokens: Float64Array;
  readonly outputTokens: Float64Array;
  readonly cacheReadTokens: Float64Array;
  readonly cacheCreationTokens: Float64Array;
  readonly reasoningTokens: Float64Array;
  /** Row i's attempts are `attempts[attemptEnd[i - 1] .. attemptEnd[i])` (from 0 for the first row). */
  readonly attemptEnd: Uint32Array;
  readonly attempts = new AttemptColumns();

  constructor(readonly capacity: number) {
    this.requestId = new Array<string>(capacity);
    this.clientProtocol = new Array<string>(capacity);
    this.endpoint = new Array<string>(capacity);
    this.model = new Array<string | null>(capacity);
    this.routeId = new Array<string | null>(capacity);
    this.route = new Array<string | null>(capacity);
    this.instance = new Array<string | null>(capacity);
    this.upstreamModel = new Array<string | null>(capacity);
    this.errorCode = new Array<string | null>(capacity);
    this.errorMessage = new Array<string | null>(capacity);
    this.keyId = new Array<string | null>(capacity);
    this.keyName = new Array<string | null>(capacity);
    this.droppedTools = new Array<readonly string[] | null>(capacity);
    this.startedAt = new Float64Array(capacity);
    this.durationMs = new Float64Array(capacity);
    this.ttfbMs = new Float64Array(capacity);
    this.status = new Float64Array(capacity);
    this.costUsd = new Float64Array(capacity);
    this.stream = new Uint8Array(capacity);
    this.inputTokens = new Float64Array(capacity);
    this.outputTokens = new Float64Array(capacity);
    this.cacheReadTokens = new Float64Array(capacity);
    this.cacheCreationTokens = new Float64Array(capacity);
    this.reasoningTokens = new Float64Array(capacity);
    this.attemptEnd = new Uint32Array(capacity);
  }

  /**
   * Empties the batch for reuse once written: its arrays stay where the collector has already moved them, so a
   * busy gateway allocates no new batch. Texts of earlier rows stay referenced until overwritten (one batch at most).
   */
  reset(): void {
    this.start = 0;
    this.length = 0;
    this.attempts.length = 0;
  }

  get full(): boolean {
    return this.length === this.capacity;
  }

  /** Rows still to write. */
  get size(): number {
    return this.length - this.start;
  }

  static of(records: readonly RequestRecord[]): RequestLogBatch {
    const batch = new RequestLogBatch(Math.max(1, records.length));
    for (const record of records) batch.append(record);
    return batch;
  }

  append(record: RequestRecord): void {
    const i = this.length++;
    this.requestId[i] = record.request_id;
    this.clientProtocol[i] = record.client_protocol;
    this.endpoint[i] = record.endpoint;
    this.model[i] = models.intern(record.model);
    this.routeId[i] = record.route_id;
    this.route[i] = record.route;
    this.instance[i] = record.instance;
    this.upstreamModel[i] = models.intern(record.upstream_model);
    this.errorCode[i] = record.error?.code ?? null;
    this.errorMessage[i] = record.error?.message ?? null;
    this.keyId[i] = record.key?.id ?? null;
    this.keyName[i] = record.key?.name ?? null;
    this.droppedTools[i] = record.dropped_tools.length > 0 ? record.dropped_tools : null;
    this.startedAt[i] = toMicroseconds(record.started_at);
    this.durationMs[i] = toMicroseconds(record.duration_ms);
    this.ttfbMs[i] = toMicroseconds(record.ttfb_ms ?? Number.NaN);
    this.status[i] = record.status;
    this.costUsd[i] = record.cost_usd ?? Number.NaN;
    this.stream[i] = record.stream ? 1 : 0;
    const usage = record.usage;
    this.inputTokens[i] = usage?.input ?? Number.NaN;
    this.outputTokens[i] = usage?.output ?? Number.NaN;
    this.cacheReadTokens[i] = usage?.cache_read ?? Number.NaN;
    this.cacheCreationTokens[i] = usage?.cache_creation ?? Number.NaN;
    this.reasoningTokens[i] = usage?.reasoning ?? Number.NaN;
    for (const attempt of record.attempts) this.attempts.append(attempt);
    this.attemptEnd[i] = this.attempts.length;
  }

  /** The attempts column: each row's attempts as a JSON array, all in one JSON array. */
  attemptsJson(pieces: JsonPieces): string {
    let json = '[';
    for (let i = this.start; i < this.length; i++) {
      json += i === this.start ? '[' : ',[';
      const from = i === 0 ? 0 : this.attemptEnd[i - 1];
      const to = this.attemptEnd[i];
      for (let a = from; a < to; a++) json += (a === from ? '' : ',') + this.attempts.json(a, pieces);
      json += ']';
    }
    return json + ']';
  }

  /** Row i's attempts as the records had them. */
  attemptsOf(i: number): AttemptRecord[] {
    const from = i === 0 ? 0 : this.attemptEnd[i - 1];
    const to = this.attemptEnd[i];
    const attempts = new Array<AttemptRecord>(to - from);
    for (let a = from; a < to; a++) attempts[a - from] = this.attempts.at(a);
    return attempts;
  }
}
