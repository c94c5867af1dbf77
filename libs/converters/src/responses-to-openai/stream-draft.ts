import {
  responseErrorCodeForType,
  responsesErrorEvent,
  type ResponsesIncompleteReason,
} from '@switchboard/protocols';
import { emptyUsage } from './response-builder';
import { appendArguments, closeCalls, hasCall, openCall } from './stream-call-items';
import { StreamEmitter } from './stream-emitter';
import { addOpaqueReasoning, appendText, closeText, setReasoningCarrier } from './stream-text-items';
import type { OpenText, StreamFailure } from './stream.state';

/**
 * The Responses event grammar as a state machine over output items (responses-spec §4.3): one `sequence_number`
 * counter, items added in `output_index` order, every part added before its deltas, every item closed with
 * `output_item.done` before the terminal event. A step copies the state into a draft, changes the copy and
 * returns it with the events to send, so reducers built on it stay pure. This file holds the lifecycle (created,
 * completed/incomplete, failed); the items live in stream-text-items.ts and stream-call-items.ts.
 */
export class StreamDraft extends StreamEmitter {
  start(model?: string): void {
    if (model) this.state.model = model;
    if (this.state.started) return;
    this.state.started = true;
    const response = this.snapshot({
      status: 'in_progress',
      model: this.state.model,
      output: [],
      usage: null,
      completedAt: null,
    });
    this.emit({ type: 'response.created', response });
    this.emit({ type: 'response.in_progress', response });
  }

  appendText(kind: OpenText['kind'], delta: string): void {
    appendText(this, kind, delta);
  }

  setReasoningCarrier(carrier: string): void {
    setReasoningCarrier(this, carrier);
  }

  addOpaqueReasoning(carrier: string): void {
    addOpaqueReasoning(this, carrier);
  }

  closeText(): void {
    closeText(this);
  }

  openCall(key: string, callId: string, upstreamName: string): void {
    openCall(this, key, callId, upstreamName);
  }

  hasCall(key: string): boolean {
    return hasCall(this, key);
  }

  appendArguments(key: string, delta: string): void {
    appendArguments(this, key, delta);
  }

  closeCalls(): void {
    closeCalls(this);
  }

  /** Closes every open item and sends `response.completed` or `response.incomplete`. */
  finish(incomplete?: ResponsesIncompleteReason): void {
    this.start();
    this.closeText();
    this.closeCalls();
    const response = this.snapshot({
      status: incomplete ? 'incomplete' : 'completed',
      model: this.state.model,
      output: [...this.state.output],
      usage: this.state.usage ?? emptyUsage(),
      completedAt: Math.floor(this.state.clock.now() / 1000),
      incomplete,
    });
    this.emit({ type: incomplete ? 'response.incomplete' : 'response.completed', response });
    this.state.status = 'done';
  }

  /** `response.failed` then the `error` event (responses-spec §5.2); never `response.completed`. */
  fail(failure: StreamFailure, openAiType: string): void {
    this.start();
    const code = responseErrorCodeForType(openAiType);
    const response = this.snapshot({
      status: 'failed',
      model: this.state.model,
      output: [...this.state.output],
      usage: this.state.usage,
      completedAt: null,
      error: { code, message: failure.message },
    });
    this.emit({ type: 'response.failed', response });
    this.events.push(
      responsesErrorEvent({ type: openAiType, code, message: failure.message }, this.state.seq),
    );
    this.state.seq += 1;
    this.state.status = 'failed';
    this.state.failure = failure;
  }
}
