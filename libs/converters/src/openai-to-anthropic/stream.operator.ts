import { anthropicStreamErrorStatus } from '@switchboard/protocols';
import type { Converter } from '../converter.interface';
import { openAiClientStream } from '../shared/openai-client-stream';
import { readMemo } from './conversion-memo';
import { flush, initialStreamState, step } from './stream.reducer';

/** Anthropic upstream events → OpenAI client chunks, through the shared OpenAI-client shell. */
export const mapStream: Converter['convertStream'] = (rawMemo, clock, hooks) => {
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
};
