import type { SseEvent } from '@switchboard/protocols';

/** A stream reducer as its specs drive it: `step` per upstream event, `flush` when the upstream closes. */
export interface SpecReducer<S, E> {
  step: (state: S, event: SseEvent) => [S, E[]];
  flush: (state: S) => [S, E[]];
}

/** Feeds `events` to the reducer from `initial` (then flushes, unless `end` is false): the last state and all output. */
export function runReducer<S, E>(
  reducer: SpecReducer<S, E>,
  initial: S,
  events: SseEvent[],
  end = true,
): { state: S; out: E[] } {
  let state = initial;
  const out: E[] = [];
  for (const event of events) {
    const [next, produced] = reducer.step(state, event);
    state = next;
    out.push(...produced);
  }
  if (end) {
    const [next, produced] = reducer.flush(state);
    state = next;
    out.push(...produced);
  }
  return { state, out };
}
