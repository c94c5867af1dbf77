import { generateRoutes, modelMix, seededRandom } from './route-set';

describe('generateRoutes', () => {
  it('gives every route an exact model and every other route a glob', () => {
    expect(generateRoutes(3)).toEqual([
      { name: 'tenant-0', models: ['tenant-0-chat', 'tenant-0-claude-*'] },
      { name: 'tenant-1', models: ['tenant-1-chat'] },
      { name: 'tenant-2', models: ['tenant-2-chat', 'tenant-2-claude-*'] },
    ]);
  });
});

describe('modelMix', () => {
  it('is deterministic, skewed to few names, and mixes exact, glob and unrouted names', () => {
    const mix = modelMix(10_000, 500, 20_000);
    expect(modelMix(10_000, 500, 20_000)).toEqual(mix);
    const kinds = new Set(mix.map((entry) => entry.kind));
    expect(kinds).toEqual(new Set(['exact', 'glob', 'miss']));
    const counts = new Map<string, number>();
    for (const { model } of mix) counts.set(model, (counts.get(model) ?? 0) + 1);
    const top = Math.max(...counts.values());
    expect(top).toBeGreaterThan(mix.length / 20);
    for (const entry of mix.filter((e) => e.kind === 'glob').slice(0, 50)) {
      const route = Number(/^tenant-(\d+)-claude/.exec(entry.model)?.[1]);
      expect(route % 2).toBe(0);
    }
  });
});

describe('seededRandom', () => {
  it('stays in [0, 1) and repeats for a seed', () => {
    const a = seededRandom(1);
    const b = seededRandom(1);
    const values = Array.from({ length: 100 }, () => a());
    expect(values).toEqual(Array.from({ length: 100 }, () => b()));
    expect(values.every((v) => v >= 0 && v < 1)).toBe(true);
  });
});
