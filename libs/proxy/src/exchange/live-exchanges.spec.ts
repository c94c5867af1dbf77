import { LiveExchanges, type CuttableExchange } from './live-exchanges';

/** An exchange that leaves the registry when cut, as a real one does once its ending is written. */
function exchangeIn(live: LiveExchanges, cuts: string[], name: string): { slot: number } {
  const handle = { slot: -1 };
  const exchange: CuttableExchange = {
    shutdown: () => {
      cuts.push(name);
      setImmediate(() => live.delete(handle.slot));
    },
  };
  handle.slot = live.add(exchange);
  return handle;
}

describe('LiveExchanges', () => {
  it('counts what is in flight and reuses a freed slot', () => {
    const live = new LiveExchanges();
    const first = live.add({ shutdown: () => undefined });
    const second = live.add({ shutdown: () => undefined });
    expect(live.size).toBe(2);
    live.delete(first);
    expect(live.size).toBe(1);
    expect(live.add({ shutdown: () => undefined })).toBe(first);
    live.delete(second);
    live.delete(second);
    expect(live.size).toBe(1);
  });

  it('cuts every exchange still in flight, and only those, and resolves once they have ended', async () => {
    const live = new LiveExchanges();
    const cuts: string[] = [];
    exchangeIn(live, cuts, 'a');
    const ended = exchangeIn(live, cuts, 'b');
    exchangeIn(live, cuts, 'c');
    live.delete(ended.slot);
    await expect(live.cutAll(10_000)).resolves.toBe(2);
    expect(cuts).toEqual(['a', 'c']);
    expect(live.size).toBe(0);
  });

  it('cuts nothing when nothing is in flight', async () => {
    await expect(new LiveExchanges().cutAll(10_000)).resolves.toBe(0);
  });

  it('stops waiting after waitMs for an exchange that never ends', async () => {
    const live = new LiveExchanges();
    live.add({ shutdown: () => undefined });
    await expect(live.cutAll(5)).resolves.toBe(1);
    expect(live.size).toBe(1);
  });
});
