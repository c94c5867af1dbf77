import {
  responsesId,
  responsesStreamEvent,
  type ResponsesIdKind,
  type ResponsesOutputItem,
  type SseEvent,
} from '@switchboard/protocols';
import { buildResponse } from './response-builder';
import type { DraftState, ResponsesStreamState } from './stream.state';

/**
 * What every part of a stream draft shares: the copied state, the events to send, one `sequence_number` counter,
 * and item ids. The item builders (stream-text-items.ts, stream-call-items.ts) write through it.
 */
export class StreamEmitter {
  state: DraftState;
  readonly events: SseEvent[] = [];

  constructor(previous: ResponsesStreamState) {
    this.state = { ...previous, output: [...previous.output], calls: { ...previous.calls } };
  }

  result(): [ResponsesStreamState, SseEvent[]] {
    return [this.state, this.events];
  }

  emit(payload: Record<string, unknown> & { type: string }): void {
    this.events.push(responsesStreamEvent({ ...payload, sequence_number: this.state.seq }));
    this.state.seq += 1;
  }

  snapshot(extra: Parameters<typeof buildResponse>[1]): ReturnType<typeof buildResponse> {
    return buildResponse(this.state.memo, extra);
  }

  newId(kind: ResponsesIdKind): string {
    return responsesId(kind, this.state.clock.newId());
  }

  put(index: number, item: ResponsesOutputItem): void {
    this.state.output[index] = item;
  }

  /** Adds an item at the next `output_index` and announces it. */
  add(item: ResponsesOutputItem): number {
    const index = this.state.output.length;
    this.put(index, item);
    this.emit({ type: 'response.output_item.added', output_index: index, item });
    return index;
  }

  /** Replaces the item with its final form and closes it. */
  done(index: number, item: ResponsesOutputItem): void {
    this.put(index, item);
    this.emit({ type: 'response.output_item.done', output_index: index, item });
  }
}
