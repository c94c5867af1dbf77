/** A counter's value and the milliseconds until its window ends (null: no window, e.g. a total budget). */
export interface CounterValue {
  count: number;
  resetMs: number | null;
}

/**
 * Named counters with an optional window that starts at the first increment. Implementations: one process
 * (memory) or every replica (Redis). Every operation is atomic per counter.
 */
export interface CounterStore {
  /** Adds `amount` (creating the counter with window `windowMs` when absent) and returns the new value. */
  add(name: string, amount: number, windowMs: number | null): Promise<CounterValue>;
  /** The current value; null when the counter does not exist (never used or its window ended). */
  get(name: string): Promise<CounterValue | null>;
  /** Creates the counter with `value` unless it exists; returns the value in force afterwards. */
  seed(name: string, value: number, windowMs: number | null): Promise<CounterValue>;
}
