import { MemoryCounterStore } from './memory-counter.store';

describe('MemoryCounterStore', () => {
  it('counts within a window that starts at the first add, then starts over', async () => {
    let now = 0;
    const store = new MemoryCounterStore(() => now);
    expect(await store.get('a')).toBeNull();
    expect(await store.add('a', 2, 1000)).toEqual({ count: 2, resetMs: 1000 });
    now = 400;
    expect(await store.add('a', 3, 1000)).toEqual({ count: 5, resetMs: 600 });
    now = 1000;
    expect(await store.get('a')).toBeNull();
    expect(await store.add('a', 1, 1000)).toEqual({ count: 1, resetMs: 1000 });
  });

  it('seeds only an absent counter; null windows never end', async () => {
    const store = new MemoryCounterStore(() => 0);
    expect(await store.seed('b', 10, null)).toEqual({ count: 10, resetMs: null });
    expect(await store.seed('b', 99, null)).toEqual({ count: 10, resetMs: null });
    expect(await store.add('b', 5, null)).toEqual({ count: 15, resetMs: null });
  });
});
