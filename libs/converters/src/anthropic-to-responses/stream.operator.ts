import type { Converter } from '../converter.interface';
import { anthropicClientStream } from '../shared/anthropic-client-stream';
import { readMemo } from './conversion-memo';
import { flush, initialStreamState, step } from './stream.reducer';

/** Responses upstream events → Anthropic client events, through the shared Anthropic-client shell. */
export const mapStream: Converter['convertStream'] = (rawMemo, clock, hooks) => {
  const memo = readMemo(rawMemo);
  const messageId = `msg_${clock.newId()}`;
  return anthropicClientStream({ initial: () => initialStreamState(memo, messageId), step, flush }, hooks);
};
