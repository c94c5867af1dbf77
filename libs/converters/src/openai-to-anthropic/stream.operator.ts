import { anthropicStreamErrorStatus, type SseEvent } from '@switchboard/protocols';
import type { OperatorFunction } from 'rxjs';
import type { ConversionClock, ConversionMemo, ResponseHooks } from '../converter.interface';
import { openAiClientStream } from '../shared/openai-client-stream';
import { readMemo } from './conversion-memo';
import { flush, initialStreamState, step } from './stream.reducer';

/** Anthropic upstream events → OpenAI client chunks, through the shared OpenAI-client shell. */
export function mapStream(
  rawMemo: ConversionMemo,
  clock: ConversionClock,
  hooks?: ResponseHooks,
): OperatorFunction<SseEvent, SseEvent> {
  const memo = readMemo(rawMemo);
  return openAiClientStream(
    {
      initial: () => initialStreamState(memo, clock),
      step,
      flush,
      upstreamStatus: anthropicStreamErrorStatus,
    },
    hooks,
  );
}
