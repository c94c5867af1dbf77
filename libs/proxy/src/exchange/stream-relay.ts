import type { ServerResponse } from 'node:http';
import type { Readable } from 'node:stream';
import {
  decodeSse,
  encodeSseEvent,
  isStreamErrorEvent,
  type Protocol,
  type SseEvent,
} from '@switchboard/protocols';
import { Observable, type OperatorFunction, type Subscription } from 'rxjs';

/** The attempt that owns the relay: its timers, its response head and the error its converter sees. */
export interface RelayOwner {
  /** The first upstream body chunk arrived. */
  firstByte(): void;
  /** The first event is about to be written: the status line and headers go out now. */
  commit(): void;
  /** The error the converter sees when the upstream body fails. */
  sourceError(error: unknown): Error;
}

/** How a relay ended: the loop reads it. */
export type RelayEnd =
  /** The upstream stream ended and the client response is ended. */
  | { kind: 'completed' }
  /** The stream failed before anything reached the client: the next instance may answer. */
  | { kind: 'failed_before_commit'; error: unknown }
  /** The stream failed after commit: the converter wrote its in-stream error and the response is ended. */
  | { kind: 'failed_after_commit'; error: unknown }
  /** stop() was called (the client went away). */
  | { kind: 'stopped' };

/**
 * One streamed answer from upstream body to client socket: decode SSE, convert, encode, `res.write`, with
 * backpressure (a full client socket pauses the upstream body) and one write per event-loop turn (the encoded
 * events of one socket read are joined and leave in one `res.write`, at the end of that turn: no added latency,
 * and one chunk instead of a write call per event). The first event goes out with the status line at once. A
 * client-protocol error event before any content is held back, with everything after it, so that a stream failing
 * right away stays an ordinary attempt failure.
 */
export class StreamRelay {
  private started = false;
  private committed = false;
  private paused = false;
  private endedCleanly = false;
  /** Encoded events of this turn, not yet written; `flushScheduled` while a write at the turn's end is due. */
  private pendingText = '';
  private flushScheduled = false;
  private held: SseEvent[] | undefined;
  private subscription: Subscription | undefined;
  private settle: ((end: RelayEnd) => void) | undefined;

  constructor(
    private readonly res: ServerResponse,
    private readonly body: Readable,
    private readonly clientProtocol: Protocol,
    private readonly convert: OperatorFunction<SseEvent, SseEvent>,
    private readonly owner: RelayOwner,
  ) {}

  /** Relays until the stream ends, fails or is stopped; never rejects. */
  run(): Promise<RelayEnd> {
    return new Promise<RelayEnd>((resolve) => {
      this.settle = resolve;
      this.start();
    });
  }

  private start(): void {
    this.subscription = this.source()
      .pipe(decodeSse(), this.convert)
      .subscribe({
        next: (event) => this.onEvent(event),
        error: (error: unknown) => this.onError(error),
        complete: () => this.onComplete(),
      });
  }

  /** The client went away: stop reading (the upstream body is destroyed). */
  stop(): void {
    this.pendingText = '';
    this.subscription?.unsubscribe();
    this.finish({ kind: 'stopped' });
  }

  private finish(end: RelayEnd): void {
    const settle = this.settle;
    this.settle = undefined;
    settle?.(end);
  }

  private readonly flushPending = (): void => {
    this.flushScheduled = false;
    const text = this.pendingText;
    if (text === '') return;
    this.pendingText = '';
    if (this.res.destroyed || this.res.writableEnded) return;
    if (!this.res.write(text) && !this.paused) {
      this.paused = true;
      this.body.pause();
      this.res.once('drain', this.onDrain);
    }
  };

  private send(text: string): void {
    this.pendingText += text;
    if (this.flushScheduled) return;
    this.flushScheduled = true;
    process.nextTick(this.flushPending);
  }

  private readonly onDrain = (): void => {
    this.paused = false;
    this.body.resume();
  };

  private source(): Observable<Buffer> {
    const body = this.body;
    return new Observable<Buffer>((subscriber) => {
      const onData = (chunk: Buffer): void => {
        if (!this.started) {
          this.started = true;
          this.owner.firstByte();
        }
        subscriber.next(chunk);
      };
      const onEnd = (): void => subscriber.complete();
      const onError = (error: unknown): void => subscriber.error(this.owner.sourceError(error));
      body.on('data', onData);
      body.on('end', onEnd);
      body.on('error', onError);
      return () => {
        body.off('data', onData);
        body.off('end', onEnd);
        body.off('error', onError);
        if (body.readableEnded) return;
        // After a clean end marker the rest of the body is only framing: drain it so the keep-alive
        // connection goes back to the pool. Anything else (abort, error) closes the connection.
        if (this.endedCleanly) body.resume();
        else body.destroy();
      };
    });
  }

  private onEvent(event: SseEvent): void {
    // Before any upstream byte, the only event the converter can emit is its report of a failed source:
    // drop it, so the failure stays an ordinary attempt failure and the next instance can answer.
    if (!this.started) return;
    if (!this.committed) {
      // An error report before any content is held back: if the stream then fails, nothing has
      // reached the client and the next instance can still answer.
      if (this.held !== undefined || isStreamErrorEvent(this.clientProtocol, event)) {
        (this.held ??= []).push(event);
        return;
      }
      this.commit();
      // The status line and the first event leave now, not after the rest of this read is converted: a
      // stream handed over in one read would otherwise reach the client only when all of it was.
      this.pendingText = encodeSseEvent(event);
      this.flushPending();
      return;
    }
    this.send(encodeSseEvent(event));
  }

  private onError(error: unknown): void {
    if (!this.committed) {
      this.finish({ kind: 'failed_before_commit', error });
      return;
    }
    this.end({ kind: 'failed_after_commit', error });
  }

  private onComplete(): void {
    this.endedCleanly = true;
    if (!this.committed) this.commit();
    if (this.held !== undefined) this.flushHeld();
    this.end({ kind: 'completed' });
  }

  private commit(): void {
    this.committed = true;
    this.owner.commit();
  }

  private flushHeld(): void {
    for (const event of this.held!) this.send(encodeSseEvent(event));
    this.held = undefined;
  }

  private end(end: RelayEnd): void {
    const text = this.pendingText;
    this.pendingText = '';
    if (!this.res.writableEnded) this.res.end(text);
    this.finish(end);
  }
}
