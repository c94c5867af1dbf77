import { type GatewayErrorCode } from '@switchboard/common/errors';
import {
  responseErrorCodeForType,
  responsesErrorEvent,
  responsesId,
  responsesStreamEvent,
  type ResponsesFunctionCallItem,
  type ResponsesIncompleteReason,
  type ResponsesOutputItem,
  type ResponsesReasoningItem,
  type ResponsesUsage,
  type SseEvent,
} from '@switchboard/protocols';
import type { ConversionClock } from '../converter.interface';
import type { ResponsesClientMemo } from './conversion-memo';
import { buildResponse, emptyUsage } from './response-builder';

/**
 * The Responses event grammar as a state machine over output items (responses-spec §4.3): one `sequence_number`
 * counter, items added in `output_index` order, every part added before its deltas, every item closed with
 * `output_item.done` before the terminal event. A step copies the state into a `StreamDraft`, changes the copy and
 * returns it with the events to send, so reducers built on it stay pure.
 */

interface OpenText {
  readonly kind: 'message' | 'reasoning';
  readonly index: number;
  readonly text: string;
  readonly carrier?: string;
}

interface OpenCall {
  readonly index: number;
  readonly arguments: string;
}

export interface StreamFailure {
  readonly code: GatewayErrorCode;
  readonly message: string;
  readonly upstreamType?: string;
}

export interface ResponsesStreamState {
  readonly memo: ResponsesClientMemo;
  readonly clock: ConversionClock;
  readonly seq: number;
  readonly started: boolean;
  readonly model: string;
  readonly output: readonly ResponsesOutputItem[];
  readonly text?: OpenText;
  /** Open function calls by the upstream's key (Chat tool index), in opening order. */
  readonly calls: Readonly<Record<string, OpenCall>>;
  readonly finishReason?: string;
  readonly usage: ResponsesUsage | null;
  readonly firstTokenSeen: boolean;
  readonly status: 'open' | 'done' | 'failed';
  readonly failure?: StreamFailure;
}

export function initialResponsesStreamState(
  memo: ResponsesClientMemo,
  clock: ConversionClock,
): ResponsesStreamState {
  return {
    memo,
    clock,
    seq: 0,
    started: false,
    model: memo.model,
    output: [],
    calls: {},
    usage: null,
    firstTokenSeen: false,
    status: 'open',
  };
}

type Mutable<T> = { -readonly [K in keyof T]: T[K] };
type DraftState = Mutable<Omit<ResponsesStreamState, 'output' | 'calls'>> & {
  output: ResponsesOutputItem[];
  calls: Record<string, OpenCall>;
};

export class StreamDraft {
  state: DraftState;
  readonly events: SseEvent[] = [];

  constructor(previous: ResponsesStreamState) {
    this.state = { ...previous, output: [...previous.output], calls: { ...previous.calls } };
  }

  result(): [ResponsesStreamState, SseEvent[]] {
    return [this.state, this.events];
  }

  private emit(payload: Record<string, unknown> & { type: string }): void {
    this.events.push(responsesStreamEvent({ ...payload, sequence_number: this.state.seq }));
    this.state.seq += 1;
  }

  private snapshot(extra: Parameters<typeof buildResponse>[1]): ReturnType<typeof buildResponse> {
    return buildResponse(this.state.memo, extra);
  }

  private newId(kind: 'message' | 'functionCall' | 'reasoning'): string {
    return responsesId(kind, this.state.clock.newId());
  }

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

  private put(index: number, item: ResponsesOutputItem): void {
    this.state.output[index] = item;
  }

  private openText(kind: 'message' | 'reasoning'): OpenText {
    const current = this.state.text;
    if (current?.kind === kind) return current;
    this.closeText();
    this.state.firstTokenSeen = true;
    const index = this.state.output.length;
    if (kind === 'message') {
      const id = this.newId('message');
      this.put(index, { type: 'message', id, role: 'assistant', status: 'in_progress', content: [] });
      this.emit({ type: 'response.output_item.added', output_index: index, item: this.state.output[index] });
      this.emit({
        type: 'response.content_part.added',
        item_id: id,
        output_index: index,
        content_index: 0,
        part: { type: 'output_text', text: '', annotations: [], logprobs: [] },
      });
    } else {
      const id = this.newId('reasoning');
      this.put(index, { type: 'reasoning', id, summary: [], status: 'in_progress' });
      this.emit({ type: 'response.output_item.added', output_index: index, item: this.state.output[index] });
      this.emit({
        type: 'response.reasoning_summary_part.added',
        item_id: id,
        output_index: index,
        summary_index: 0,
        part: { type: 'summary_text', text: '' },
      });
    }
    this.state.text = { kind, index, text: '' };
    return this.state.text;
  }

  appendText(kind: 'message' | 'reasoning', delta: string): void {
    if (delta.length === 0) return;
    const open = this.openText(kind);
    const itemId = this.state.output[open.index].id;
    this.state.text = { ...open, text: open.text + delta };
    if (kind === 'message') {
      this.emit({
        type: 'response.output_text.delta',
        item_id: itemId,
        output_index: open.index,
        content_index: 0,
        delta,
        logprobs: [],
      });
    } else {
      this.emit({
        type: 'response.reasoning_summary_text.delta',
        item_id: itemId,
        output_index: open.index,
        summary_index: 0,
        delta,
      });
    }
  }

  /** Attach Switchboard's signature carrier to the open reasoning item (sent in its `output_item.done`). */
  setReasoningCarrier(carrier: string): void {
    this.state.text = { ...this.openText('reasoning'), carrier };
  }

  /** A reasoning item with no readable text (Anthropic redacted thinking): added and done at once. */
  addOpaqueReasoning(carrier: string): void {
    this.closeText();
    const index = this.state.output.length;
    const id = this.newId('reasoning');
    this.put(index, { type: 'reasoning', id, summary: [], status: 'in_progress' });
    this.emit({ type: 'response.output_item.added', output_index: index, item: this.state.output[index] });
    this.put(index, { type: 'reasoning', id, summary: [], encrypted_content: carrier, status: 'completed' });
    this.emit({ type: 'response.output_item.done', output_index: index, item: this.state.output[index] });
  }

  closeText(): void {
    const open = this.state.text;
    if (!open) return;
    this.state.text = undefined;
    const item = this.state.output[open.index];
    if (open.kind === 'message') {
      const part = { type: 'output_text' as const, text: open.text, annotations: [], logprobs: [] };
      this.emit({
        type: 'response.output_text.done',
        item_id: item.id,
        output_index: open.index,
        content_index: 0,
        text: open.text,
        logprobs: [],
      });
      this.emit({
        type: 'response.content_part.done',
        item_id: item.id,
        output_index: open.index,
        content_index: 0,
        part,
      });
      this.put(open.index, {
        type: 'message',
        id: item.id,
        role: 'assistant',
        status: 'completed',
        content: [part],
      });
    } else {
      const part = { type: 'summary_text' as const, text: open.text };
      this.emit({
        type: 'response.reasoning_summary_text.done',
        item_id: item.id,
        output_index: open.index,
        summary_index: 0,
        text: open.text,
      });
      this.emit({
        type: 'response.reasoning_summary_part.done',
        item_id: item.id,
        output_index: open.index,
        summary_index: 0,
        part,
      });
      const done: ResponsesReasoningItem = {
        type: 'reasoning',
        id: item.id,
        summary: [part],
        status: 'completed',
      };
      if (open.carrier) done.encrypted_content = open.carrier;
      this.put(open.index, done);
    }
    this.emit({
      type: 'response.output_item.done',
      output_index: open.index,
      item: this.state.output[open.index],
    });
  }

  openCall(key: string, callId: string, upstreamName: string): void {
    this.closeText();
    this.state.firstTokenSeen = true;
    const index = this.state.output.length;
    const mapped = this.state.memo.namespaced[upstreamName];
    const item: ResponsesFunctionCallItem = {
      type: 'function_call',
      id: this.newId('functionCall'),
      call_id: callId,
      name: mapped ? mapped.name : upstreamName,
      arguments: '',
      status: 'in_progress',
    };
    if (mapped) item.namespace = mapped.namespace;
    this.put(index, item);
    this.state.calls[key] = { index, arguments: '' };
    this.emit({ type: 'response.output_item.added', output_index: index, item });
  }

  hasCall(key: string): boolean {
    return Object.prototype.hasOwnProperty.call(this.state.calls, key);
  }

  appendArguments(key: string, delta: string): void {
    const call = this.state.calls[key];
    if (!call || delta.length === 0) return;
    this.state.calls[key] = { ...call, arguments: call.arguments + delta };
    const item = this.state.output[call.index];
    this.emit({
      type: 'response.function_call_arguments.delta',
      item_id: item.id,
      output_index: call.index,
      delta,
    });
  }

  closeCalls(): void {
    for (const [key, call] of Object.entries(this.state.calls)) {
      const item = this.state.output[call.index] as ResponsesFunctionCallItem;
      const args = call.arguments.length > 0 ? call.arguments : '{}';
      this.emit({
        type: 'response.function_call_arguments.done',
        item_id: item.id,
        output_index: call.index,
        arguments: args,
        name: item.name,
      });
      this.put(call.index, { ...item, arguments: args, status: 'completed' });
      this.emit({
        type: 'response.output_item.done',
        output_index: call.index,
        item: this.state.output[call.index],
      });
      delete this.state.calls[key];
    }
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
