import { ConsistentHashRing, fnv1a32 } from './consistent-hash-ring';

describe('ConsistentHashRing', () => {
  const names = ['a', 'b', 'c'];
  const all = () => true;

  it('maps a key to the same member every time and across rebuilds of the same set', () => {
    const ring = new ConsistentHashRing(names, [1, 1, 1]);
    const again = new ConsistentHashRing(names, [1, 1, 1]);
    for (let i = 0; i < 200; i++) {
      const key = `session-${i}`;
      const member = ring.pick(key, all);
      expect(ring.pick(key, all)).toBe(member);
      expect(again.pick(key, all)).toBe(member);
    }
  });

  it('spreads keys over every member and never onto weight 0', () => {
    const ring = new ConsistentHashRing(names, [1, 0, 1]);
    const seen = new Set<number>();
    for (let i = 0; i < 500; i++) seen.add(ring.pick(`k${i}`, all));
    expect([...seen].sort()).toEqual([0, 2]);
  });

  it('moves only the keys of an excluded member', () => {
    const ring = new ConsistentHashRing(names, [1, 1, 1]);
    for (let i = 0; i < 300; i++) {
      const key = `user-${i}`;
      const home = ring.pick(key, all);
      const withoutB = ring.pick(key, (m) => m !== 1);
      if (home !== 1) expect(withoutB).toBe(home);
      else expect(withoutB).not.toBe(1);
    }
    expect(ring.pick('x', () => false)).toBe(-1);
  });

  it('uses a stable 32-bit FNV-1a hash', () => {
    expect(fnv1a32('')).toBe(0x811c9dc5);
    expect(fnv1a32('a')).toBe(0xe40c292c);
  });
});
