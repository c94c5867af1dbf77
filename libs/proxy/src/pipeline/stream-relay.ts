import type { ServerResponse } from 'node:http';
import type { Readable } from 'node:stream';
import { decodeSse, encodeSseEvent, type Protocol, type SseEvent } from '@switchboard/protocols';
import { Observable, type OperatorFunction, type Subscription } from 'rxjs';
import { isClientStreamError } from './stream-error-events';

/** What the relay reports to the exchange that owns the attempt (timers, headers, bookkeeping). */
export interface StreamRelayEvents {
  /** The first upstream body chunk arrived. */
  firstByte(): void;
  /** The error the converter sees when the upstream body fails. */
  sourceError(error: unknown): Error;
  /** The first event is about to be written: the status line and headers go out now. */
  commit(): void;
  /** The stream failed before anything reached the client: the attempt failed, the next instance may answer. */
  failedBeforeCommit(error: unknown): void;
  /** The stream failed after commit (the converter already wrote its in-stream error); called before res.end. */
  failedAfterCommit(error: unknown): void;
  /** The client response is ended (cleanly or after a failure after commit). */
  ended(): void;
}

/**
 * One streamed answer from upstream body to client socket: decode SSE, convert, encode, `res.write`, with
 * backpressure (a full client socket pauses the upstream body) and corking (all events of one socket read leave
 * in one write). A client-protocol error event before any content is held back, so that a stream failing right
 * away stays an ordinary attempt failure.
 */
export class StreamRelay {
  private started = false;
  private committed = false;
  private paused = false;
  private endedCleanly = false;
  private corked = false;
  private held: SseEvent[] | undefined;
  private subscription: Subscription | undefined;

  constructor(
    private readonly res: ServerResponse,
    private readonly body: Readable,
    private readonly clientProtocol: Protocol,
    private readonly convert: OperatorFunction<SseEvent, SseEvent>,
    private readonly events: StreamRelayEvents,
  ) {}

  start(): void {
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
    this.subscription?.unsubscribe();
  }

  private readonly uncork = (): void => {
    this.corked = false;
    this.res.uncork();
  };

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
          this.events.firstByte();
        }
        // One socket read yields many body chunks in the same tick; the pipeline is synchronous, so corking
        // until the end of this tick sends all their events in one write, with no added latency.
        if (!this.corked) {
          this.corked = true;
          this.res.cork();
          process.nextTick(this.uncork);
        }
        subscriber.next(chunk);
      };
      const onEnd = (): void => subscriber.complete();
      const onError = (error: unknown): void => subscriber.error(this.events.sourceError(error));
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
      if (this.held !== undefined || isClientStreamError(this.clientProtocol, event)) {
        (this.held ??= []).push(event);
        return;
      }
      this.commit();
    }
    if (this.held !== undefined) this.flushHeld();
    if (!this.res.write(encodeSseEvent(event)) && !this.paused) {
      this.paused = true;
      this.body.pause();
      this.res.once('drain', this.onDrain);
    }
  }

  private onError(error: unknown): void {
    if (!this.committed) {
      this.events.failedBeforeCommit(error);
      return;
    }
    if (this.held !== undefined) this.flushHeld();
    this.events.failedAfterCommit(error);
    this.end();
  }

  private onComplete(): void {
    this.endedCleanly = true;
    if (!this.committed) this.commit();
    if (this.held !== undefined) this.flushHeld();
    this.end();
  }

  private commit(): void {
    this.committed = true;
    this.events.commit();
  }

  private flushHeld(): void {
    for (const event of this.held!) this.res.write(encodeSseEvent(event));
    this.held = undefined;
  }

  private end(): void {
    if (!this.res.writableEnded) this.res.end();
    this.events.ended();
  }
}
