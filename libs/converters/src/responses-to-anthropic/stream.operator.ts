import type { SseEvent } from '@switchboard/protocols';
import type { OperatorFunction } from 'rxjs';
import type { ConversionClock, ConversionMemo, ResponseHooks } from '../converter.interface';
import { responsesStreamOperator } from '../responses-to-openai/stream.operator';
import { fail, flush, initialComposedState, step } from './stream.reducer';

/** Anthropic upstream events → Responses client events, through the composed reducer. */
export function mapStream(
  memo: ConversionMemo,
  clock: ConversionClock,
  hooks?: ResponseHooks,
): OperatorFunction<SseEvent, SseEvent> {
  return responsesStreamOperator(
    { initial: initialComposedState, step, flush, fail, view: (s) => s.responses },
    memo,
    clock,
    hooks,
  );
}
