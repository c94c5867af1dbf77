import type { AnthropicStreamEvent as AnthropicEventOut, SseEvent } from '@switchboard/protocols';
import { runReducer } from '../../testing/reducer-run';
import { readMemo } from '../conversion-memo';
import { flush, initialStreamState, step, type StreamState } from '../stream.reducer';

/** The stream reducer run over chunks (./chunk-events.ts), and readers of the Anthropic events it produced. */

export const memo = readMemo({ requestedModel: 'claude-x', stopSequences: ['###'] });

export const run = (
  events: SseEvent[],
  end = true,
  m = memo,
): { out: AnthropicEventOut[]; state: StreamState } =>
  runReducer({ step, flush }, initialStreamState(m, 'msg_test'), events, end);

export const types = (out: AnthropicEventOut[]) =>
  out.map((e) =>
    e.type === 'content_block_start'
      ? `start:${e.index}:${e.content_block.type}`
      : e.type === 'content_block_delta'
        ? `delta:${e.index}`
        : e.type === 'content_block_stop'
          ? `stop:${e.index}`
          : e.type,
  );
export const messageDelta = (out: AnthropicEventOut[]) => out.find((e) => e.type === 'message_delta');

/** `types` of a stream that carried one text block and ended cleanly. */
export const ONE_TEXT_BLOCK = [
  'message_start',
  'start:0:text',
  'delta:0',
  'stop:0',
  'message_delta',
  'message_stop',
];
