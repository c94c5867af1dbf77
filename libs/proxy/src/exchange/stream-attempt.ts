import type { ServerResponse } from 'node:http';
import type { Readable } from 'node:stream';
import type { Protocol, SseEvent } from '@switchboard/protocols';
import type { OperatorFunction } from 'rxjs';
import type { AttemptFailure } from '../fallback/attempt-failure';
import { preCommitFailure, streamSourceError } from '../errors/stream-failure';
import type { AttemptEntry } from '../record/request-trace';
import type { AbortCause } from '../upstream/classify-upstream-error';
import type { UpstreamAbort } from '../upstream/upstream-abort';
import type { AttemptLedger } from './attempt-ledger';
import { StreamRelay, type RelayOwner } from './stream-relay';

/** The request-wide abort state the exchange owns; an attempt reads it, never writes it. */
export interface RequestAbort {
  cause: AbortCause | undefined;
}

/** How a streamed attempt ended. */
export type StreamAttemptEnd =
  | { kind: 'completed' }
  /** Nothing reached the client: an ordinary attempt failure. */
  | { kind: 'failed'; failure: AttemptFailure }
  /** The stream broke after commit; the client got an in-stream error. */
  | { kind: 'broken'; error: unknown; cause: AbortCause | undefined }
  /** The client went away. */
  | { kind: 'abandoned'; committed: boolean };

export interface StreamAttemptSetup {
  readonly res: ServerResponse;
  readonly body: Readable;
  readonly clientProtocol: Protocol;
  readonly convert: OperatorFunction<SseEvent, SseEvent>;
  readonly controller: UpstreamAbort;
  readonly abort: RequestAbort;
  readonly entry: AttemptEntry;
  readonly ledger: AttemptLedger;
  /** The status line's headers, written at commit. */
  readonly head: Record<string, string>;
  /** Milliseconds left for the first body byte. */
  readonly firstByteTimeout: number;
}

/**
 * One streamed upstream answer: owns the first-byte timer, writes the 200 head when the first event is
 * committed, and reports how the stream ended. The relay moves the bytes.
 */
export class StreamAttempt implements RelayOwner {
  private readonly relay: StreamRelay;
  private firstByteTimer: NodeJS.Timeout | undefined;
  /** Attempt-wide: the first-byte deadline passed while waiting for the stream's first chunk. */
  private attemptCause: AbortCause | undefined;
  private committed = false;
  /** performance.now() at commit, when the first body byte went to the client. */
  committedAt: number | undefined;

  constructor(private readonly setup: StreamAttemptSetup) {
    this.relay = new StreamRelay(setup.res, setup.body, setup.clientProtocol, setup.convert, this);
  }

  async run(): Promise<StreamAttemptEnd> {
    this.firstByteTimer = setTimeout(() => {
      this.attemptCause = 'first_byte';
      this.setup.controller.abort();
    }, this.setup.firstByteTimeout);
    const end = await this.relay.run();
    clearTimeout(this.firstByteTimer);
    switch (end.kind) {
      case 'completed':
        return end;
      case 'stopped':
        return { kind: 'abandoned', committed: this.committed };
      case 'failed_before_commit':
        return { kind: 'failed', failure: preCommitFailure(end.error, this.cause()) };
      case 'failed_after_commit':
        return { kind: 'broken', error: end.error, cause: this.setup.abort.cause };
    }
  }

  /** The client went away: stop relaying; run() resolves as abandoned. */
  stop(): void {
    this.relay.stop();
  }

  firstByte(): void {
    clearTimeout(this.firstByteTimer);
    this.setup.entry.firstByteAt = performance.now();
  }

  commit(): void {
    this.committed = true;
    this.committedAt = performance.now();
    this.setup.ledger.succeeded(this.setup.entry, 200);
    const res = this.setup.res;
    res.socket?.setNoDelay(true);
    res.writeHead(200, this.setup.head);
  }

  sourceError(error: unknown): Error {
    return streamSourceError(error, this.cause());
  }

  private cause(): AbortCause | undefined {
    return this.setup.abort.cause ?? this.attemptCause;
  }
}
