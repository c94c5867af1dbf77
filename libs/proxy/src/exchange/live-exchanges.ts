/** What a shutdown needs of an exchange in flight. */
export interface CuttableExchange {
  /** Ends the exchange now: a committed stream gets the client protocol's in-stream error, anything else a 503. */
  shutdown(): void;
}

/**
 * Every exchange in flight in this process, so that a shutdown whose grace period ran out can end each one in
 * the client's protocol (an SDK raises an in-stream error; a reset socket looks like a network fault) instead
 * of cutting sockets under them.
 *
 * Held in reusable slots, not a Set. A Set that gains and loses an entry per request keeps replacing its hash
 * table; a replaced table that already sits in V8's old generation still points at the exchanges it held, so
 * each young-generation collection keeps those exchanges (and their requests, bodies and responses) alive and
 * promotes them: ~20× the promoted bytes and ~4× the collector's time per request. A slot is cleared the
 * moment its exchange ends, and the slot array only grows to the peak number in flight.
 */
export class LiveExchanges {
  private readonly slots: (CuttableExchange | undefined)[] = [];
  private readonly freeSlots: number[] = [];
  private count = 0;
  private emptied: (() => void) | undefined;

  get size(): number {
    return this.count;
  }

  /** Registers an exchange; the returned slot is what `delete` takes. */
  add(exchange: CuttableExchange): number {
    const slot = this.freeSlots.pop() ?? this.slots.length;
    this.slots[slot] = exchange;
    this.count += 1;
    return slot;
  }

  delete(slot: number): void {
    if (this.slots[slot] === undefined) return;
    this.slots[slot] = undefined;
    this.freeSlots.push(slot);
    this.count -= 1;
    if (this.count === 0) this.emptied?.();
  }

  /** Cuts every exchange in flight; resolves once all have written their ending, or after `waitMs`. */
  async cutAll(waitMs: number): Promise<number> {
    const count = this.count;
    if (count === 0) return 0;
    const done = new Promise<void>((resolve) => {
      const timer = setTimeout(resolve, waitMs);
      this.emptied = () => {
        clearTimeout(timer);
        resolve();
      };
    });
    const inFlight = this.slots.filter((exchange) => exchange !== undefined);
    for (const exchange of inFlight) exchange.shutdown();
    await done;
    this.emptied = undefined;
    return count;
  }
}
