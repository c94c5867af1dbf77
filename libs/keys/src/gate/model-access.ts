import { compileGlob, type CompiledGlob } from '@switchboard/routes/matching/glob';

const cache = new WeakMap<readonly string[], CompiledGlob[]>();

/** True when `models` (exact names or `*` globs; null = all) lets a key use `model`. */
export function modelAllowed(models: readonly string[] | null, model: string): boolean {
  if (models === null) return true;
  let globs = cache.get(models);
  if (globs === undefined) {
    globs = models.map(compileGlob);
    cache.set(models, globs);
  }
  return globs.some((glob) => glob.test(model));
}
