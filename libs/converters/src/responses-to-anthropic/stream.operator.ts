import type { Converter } from '../converter.interface';
import { responsesStreamOperator } from '../responses-to-openai/stream.operator';
import { fail, flush, initialComposedState, step } from './stream.reducer';

/** Anthropic upstream events → Responses client events, through the composed reducer. */
export const mapStream: Converter['convertStream'] = (memo, clock, hooks) => {
  return responsesStreamOperator(
    { initial: initialComposedState, step, flush, fail, view: (s) => s.responses },
    memo,
    clock,
    hooks,
  );
};
