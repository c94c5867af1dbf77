import type { UsageDelta } from '../persistence/key-usage.repository';
import { KeyUsageBatch } from './key-usage.batch';

describe('KeyUsageBatch', () => {
  const at = new Date('2026-12-07T10:00:00Z');
  const later = new Date('2026-12-07T10:00:05Z');
  const periods = (tokens: number, nanoUsd = 0) => [
    { period: 'day:2026-12-07', tokens, nanoUsd },
    { period: 'month:2026-12', tokens, nanoUsd },
    { period: 'total', tokens, nanoUsd },
  ];

  function sink(fail = 0) {
    const batches: UsageDelta[][] = [];
    let failures = fail;
    return {
      batches,
      addBatch: async (deltas: readonly UsageDelta[]) => {
        if (failures-- > 0) throw new Error('database down');
        batches.push([...deltas]);
      },
    };
  }

  it('writes many requests of many keys as one batch: tokens summed per period, the latest use kept', async () => {
    const target = sink();
    const batch = new KeyUsageBatch(target, 60_000);
    batch.record('a', 30, at);
    batch.record('a', 12, later);
    batch.record('b', 0, at);
    batch.record('a', 0, at);
    await batch.flush();
    expect(target.batches).toEqual([
      [
        { keyId: 'a', lastUsedAt: later, tokens: periods(42) },
        { keyId: 'b', lastUsedAt: at, tokens: [] },
      ],
    ]);
    await batch.flush();
    expect(target.batches).toHaveLength(1);
  });

  it('keeps a failed batch for the next flush, merged with what came meanwhile', async () => {
    const target = sink(1);
    const batch = new KeyUsageBatch(target, 60_000);
    batch.record('a', 10, at);
    batch.record('b', 0, at);
    await batch.flush();
    expect(target.batches).toHaveLength(0);
    batch.record('a', 5, later, 2_500);
    await batch.close();
    expect(target.batches).toEqual([
      [
        { keyId: 'a', lastUsedAt: later, tokens: periods(15, 2_500) },
        { keyId: 'b', lastUsedAt: at, tokens: [] },
      ],
    ]);
  });

  it('flushes on its interval once started', async () => {
    jest.useFakeTimers();
    try {
      const target = sink();
      const batch = new KeyUsageBatch(target, 1000);
      batch.start();
      batch.record('a', 1, at);
      await jest.advanceTimersByTimeAsync(999);
      expect(target.batches).toHaveLength(0);
      await jest.advanceTimersByTimeAsync(1);
      expect(target.batches).toHaveLength(1);
      await batch.close();
    } finally {
      jest.useRealTimers();
    }
  });
});
