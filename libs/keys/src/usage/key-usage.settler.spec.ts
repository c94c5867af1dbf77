import { Subject } from 'rxjs';
import type { KeyLimiter } from '../limits/key-limiter';
import type { ConsumerKeyRegistry } from '../registry/consumer-key.registry';
import type { KeyUsageBatch } from './key-usage.batch';
import { KeyUsageSettler, type UsageBearingRecord } from './key-usage.settler';

/** A limiter whose settlements finish only when the test says so. */
function gatedLimiter() {
  const gates: Array<{ tokens: number; open: () => void; fail: (error: Error) => void }> = [];
  const limiter = {
    settle: (_key: unknown, tokens: number) =>
      new Promise<void>((open, fail) => gates.push({ tokens, open, fail })),
  } as unknown as KeyLimiter;
  return { limiter, gates };
}

const keyed = (id: string, input: number): UsageBearingRecord => ({
  key: { id, name: `key ${id}` },
  usage: { input, output: 1 },
  cost_usd: null,
  upstream_model: 'm',
});

describe('KeyUsageSettler', () => {
  const registry = { get: (id: string) => ({ id, name: `key ${id}` }) } as unknown as ConsumerKeyRegistry;
  let recorded: Array<[string, number]>;
  let batch: KeyUsageBatch;
  beforeEach(() => {
    recorded = [];
    batch = {
      record: (id: string, tokens: number) => void recorded.push([id, tokens]),
    } as unknown as KeyUsageBatch;
  });

  it('drains only when every settlement has finished, those started while draining included', async () => {
    const { limiter, gates } = gatedLimiter();
    const settler = new KeyUsageSettler(registry, limiter, batch);
    const records = new Subject<UsageBearingRecord>();
    settler.subscribeTo(records);
    records.next(keyed('a', 10));
    records.next({ ...keyed('b', 0), key: null });
    let drained = false;
    const draining = settler.drain().then(() => (drained = true));
    records.next(keyed('c', 20));
    expect(gates.map((gate) => gate.tokens)).toEqual([11, 21]);

    gates[0].open();
    await new Promise((resolve) => setImmediate(resolve));
    expect(drained).toBe(false);
    gates[1].open();
    await draining;
    expect(recorded).toEqual([
      ['a', 11],
      ['c', 21],
    ]);
  });

  it('resolves at once when nothing is settling, and survives a settlement that fails', async () => {
    const { limiter, gates } = gatedLimiter();
    const settler = new KeyUsageSettler(registry, limiter, batch);
    await settler.drain();
    const records = new Subject<UsageBearingRecord>();
    settler.subscribeTo(records);
    records.next(keyed('a', 1));
    const draining = settler.drain();
    gates[0].fail(new Error('redis down'));
    await draining;
    // The limiter's failure is logged; the tokens still go into the batch for Postgres.
    expect(recorded).toEqual([['a', 2]]);
    records.next(keyed('a', 3));
    gates[1].open();
    await settler.drain();
    expect(recorded).toHaveLength(2);
  });
});
