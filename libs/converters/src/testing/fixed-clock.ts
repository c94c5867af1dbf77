import type { ConversionClock } from '../converter.interface';

/** Deterministic clock for tests: ids `id1`, `id2`, … and a fixed time (2026-01-01T00:00:00Z by default). */
export function fixedClock(nowMs = 1_767_225_600_000): ConversionClock {
  let next = 0;
  return { newId: () => `id${++next}`, now: () => nowMs };
}
