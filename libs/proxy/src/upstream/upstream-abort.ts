import { EventEmitter } from 'node:events';

/**
 * The abort handle of one upstream attempt, passed to undici as `signal` (it accepts an EventEmitter with
 * `aborted`/`reason` and listens for 'abort'). An AbortController costs ~20× more per request on Node 20
 * (EventTarget creation and listener bookkeeping), and every attempt creates one. The abort reason is the same
 * DOMException AbortController uses, so errors look exactly as before.
 */
export class UpstreamAbort extends EventEmitter {
  aborted = false;
  reason: unknown = undefined;

  abort(): void {
    if (this.aborted) return;
    this.aborted = true;
    this.reason = new DOMException('This operation was aborted', 'AbortError');
    this.emit('abort');
  }
}
