/** What a shutdown needs of an exchange in flight. */
export interface CuttableExchange {
  /** Ends the exchange now: a committed stream gets the client protocol's in-stream error, anything else a 503. */
  shutdown(): void;
}

/**
 * Every exchange in flight in this process, so that a shutdown whose grace period ran out can end each one in
 * the client's protocol (an SDK raises an in-stream error; a reset socket looks like a network fault) instead
 * of cutting sockets under them.
 */
export class LiveExchanges {
  private readonly live = new Set<CuttableExchange>();
  private emptied: (() => void) | undefined;

  get size(): number {
    return this.live.size;
  }

  add(exchange: CuttableExchange): void {
    this.live.add(exchange);
  }

  delete(exchange: CuttableExchange): void {
    this.live.delete(exchange);
    if (this.live.size === 0) this.emptied?.();
  }

  /** Cuts every exchange in flight; resolves once all have written their ending, or after `waitMs`. */
  async cutAll(waitMs: number): Promise<number> {
    const count = this.live.size;
    if (count === 0) return 0;
    const done = new Promise<void>((resolve) => {
      const timer = setTimeout(resolve, waitMs);
      this.emptied = () => {
        clearTimeout(timer);
        resolve();
      };
    });
    for (const exchange of [...this.live]) exchange.shutdown();
    await done;
    this.emptied = undefined;
    return count;
  }
}
