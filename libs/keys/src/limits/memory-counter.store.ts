import type { CounterStore, CounterValue } from './counter-store';

interface Entry {
  count: number;
  endsAt: number | null;
}

const SWEEP_EVERY = 1024;

/** Per-process counters (one replica, or the fallback while Redis is down). */
export class MemoryCounterStore implements CounterStore {
  private readonly entries = new Map<string, Entry>();
  private writes = 0;

  constructor(private readonly now: () => number = Date.now) {}

  async add(name: string, amount: number, windowMs: number | null): Promise<CounterValue> {
    const entry = this.live(name) ?? this.create(name, 0, windowMs);
    entry.count += amount;
    return this.value(entry);
  }

  async get(name: string): Promise<CounterValue | null> {
    const entry = this.live(name);
    return entry ? this.value(entry) : null;
  }

  async seed(name: string, value: number, windowMs: number | null): Promise<CounterValue> {
    return this.value(this.live(name) ?? this.create(name, value, windowMs));
  }

  private live(name: string): Entry | undefined {
    const entry = this.entries.get(name);
    if (entry && entry.endsAt !== null && entry.endsAt <= this.now()) {
      this.entries.delete(name);
      return undefined;
    }
    return entry;
  }

  private create(name: string, count: number, windowMs: number | null): Entry {
    if (++this.writes % SWEEP_EVERY === 0) this.sweep();
    const entry = { count, endsAt: windowMs === null ? null : this.now() + windowMs };
    this.entries.set(name, entry);
    return entry;
  }

  private value(entry: Entry): CounterValue {
    return {
      count: entry.count,
      resetMs: entry.endsAt === null ? null : Math.max(0, entry.endsAt - this.now()),
    };
  }

  private sweep(): void {
    const now = this.now();
    for (const [name, entry] of this.entries)
      if (entry.endsAt !== null && entry.endsAt <= now) this.entries.delete(name);
  }
}
