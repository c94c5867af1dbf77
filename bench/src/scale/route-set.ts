/**
 * 10,000 routes the way a multi-tenant deployment has them: every route one exact model and every other
 * route a glob, plus the model names clients send (exact names, names a glob catches, names no route serves).
 */
export interface GeneratedRoute {
  name: string;
  models: string[];
}

export function generateRoutes(count: number): GeneratedRoute[] {
  const routes: GeneratedRoute[] = [];
  for (let i = 0; i < count; i++) {
    const models = [`tenant-${i}-chat`];
    if (i % 2 === 0) models.push(`tenant-${i}-claude-*`);
    routes.push({ name: `tenant-${i}`, models });
  }
  return routes;
}

/** Deterministic PRNG (mulberry32): the same mix on every run. */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export type LookupKind = 'exact' | 'glob' | 'miss';

/**
 * `distinct` model names (60 % exact, 30 % caught by a glob, 10 % served by no route), then `lookups`
 * draws from them with a skewed (Zipf-like, s≈1) popularity, as real traffic concentrates on few models.
 */
export function modelMix(
  routeCount: number,
  distinct: number,
  lookups: number,
  seed = 17,
): Array<{ model: string; kind: LookupKind }> {
  const random = seededRandom(seed);
  const names: Array<{ model: string; kind: LookupKind }> = [];
  for (let i = 0; i < distinct; i++) {
    const pick = random();
    const route = Math.floor(random() * routeCount);
    if (pick < 0.6) names.push({ model: `tenant-${route}-chat`, kind: 'exact' });
    else if (pick < 0.9)
      names.push({ model: `tenant-${route - (route % 2)}-claude-sonnet-4-${i}`, kind: 'glob' });
    else names.push({ model: `unrouted-model-${i}`, kind: 'miss' });
  }
  const weights = names.map((_, rank) => 1 / (rank + 1));
  const total = weights.reduce((sum, weight) => sum + weight, 0);
  const cumulative: number[] = [];
  let running = 0;
  for (const weight of weights) cumulative.push((running += weight / total));
  const mix: Array<{ model: string; kind: LookupKind }> = [];
  for (let i = 0; i < lookups; i++) {
    const r = random();
    let low = 0;
    let high = cumulative.length - 1;
    while (low < high) {
      const middle = (low + high) >> 1;
      if (cumulative[middle] < r) low = middle + 1;
      else high = middle;
    }
    mix.push(names[low]);
  }
  return mix;
}
