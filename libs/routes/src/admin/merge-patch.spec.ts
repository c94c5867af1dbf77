import { mergePatch } from './merge-patch';

describe('mergePatch', () => {
  it('merges objects recursively, replaces arrays and scalars, removes on null', () => {
    const base = {
      a: 1,
      nested: { keep: true, change: 1, deeper: { x: 1, y: 2 } },
      list: [1, 2, 3],
      gone: 'x',
    };
    const merged = mergePatch(base, {
      a: 2,
      nested: { change: 2, deeper: { y: 3 } },
      list: [9],
      gone: null,
      added: { z: 1 },
    });
    expect(merged).toEqual({
      a: 2,
      nested: { keep: true, change: 2, deeper: { x: 1, y: 3 } },
      list: [9],
      added: { z: 1 },
    });
  });

  it('replaces an object with a scalar or array and vice versa', () => {
    expect(mergePatch({ a: { b: 1 } }, { a: [1] })).toEqual({ a: [1] });
    expect(mergePatch({ a: 'x' }, { a: { b: 1 } })).toEqual({ a: { b: 1 } });
  });

  it('modifies neither input', () => {
    const base = { nested: { a: 1 } };
    const patch = { nested: { b: 2 } };
    mergePatch(base, patch);
    expect(base).toEqual({ nested: { a: 1 } });
    expect(patch).toEqual({ nested: { b: 2 } });
  });
});

describe('mergePatch with a "__proto__" key', () => {
  it('keeps it as an own field instead of changing the prototype', () => {
    const merged = mergePatch({ a: 1 }, JSON.parse('{"__proto__": {"polluted": true}}'));
    expect(Object.getPrototypeOf(merged)).toBe(Object.prototype);
    expect(Object.keys(merged)).toEqual(['a', '__proto__']);
    expect((merged as { polluted?: boolean }).polluted).toBeUndefined();
  });
});
