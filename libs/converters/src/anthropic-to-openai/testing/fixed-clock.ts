import type { ConversionClock } from '../../converter.interface';

/** Deterministic clock for tests: ids `id1`, `id2`, … and a fixed time. */
export function fixedClock(now = 1_767_225_600_000): ConversionClock {
  let n = 0;
  return { newId: () => `id${++n}`, now: () => now };
}
