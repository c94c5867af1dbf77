import type { SseEvent } from '@switchboard/protocols';
import type { OperatorFunction } from 'rxjs';
import type { ConversionClock, ConversionMemo, ResponseHooks } from '../converter.interface';
import { anthropicClientStream } from '../shared/anthropic-client-stream';
import { readMemo } from './conversion-memo';
import { flush, initialStreamState, step } from './stream.reducer';

/** OpenAI upstream chunks → Anthropic client events, through the shared Anthropic-client shell. */
export function mapStream(
  rawMemo: ConversionMemo,
  clock: ConversionClock,
  hooks?: ResponseHooks,
): OperatorFunction<SseEvent, SseEvent> {
  const memo = readMemo(rawMemo);
  const messageId = `msg_${clock.newId()}`;
  return anthropicClientStream({ initial: () => initialStreamState(memo, messageId), step, flush }, hooks);
}
