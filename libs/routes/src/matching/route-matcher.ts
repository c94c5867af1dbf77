import type { RouteConfig } from '../route.types';
import { compileGlob, isGlob, type CompiledGlob } from './glob';
import { GlobIndex } from './glob-index';

const GLOB_CACHE_LIMIT = 10_000;

interface GlobEntry {
  glob: CompiledGlob;
  value: RouteConfig;
}

/**
 * Picks the route for a client `model`, built once per route-table change and read on every request:
 * an exact name among enabled routes first (a Map lookup); else the matching glob with the most literal
 * (non-`*`) characters, ties going to the alphabetically first route name. Disabled routes never match.
 */
export class RouteMatcher {
  private readonly exact = new Map<string, RouteConfig>();
  /** In precedence order, indexed by literal prefix/suffix: the first match is the winner. */
  private readonly globs: GlobIndex<RouteConfig>;
  private readonly hasGlobs: boolean;
  /** Glob outcomes by model name (null: no route), so repeated names skip the scan; bounded, reset per build. */
  private readonly globCache = new Map<string, RouteConfig | null>();
  /** Exact names of enabled routes, and the names they advertise for their globs: GET /v1/models. */
  readonly exactModels: readonly string[];

  constructor(routes: Iterable<RouteConfig>) {
    const enabled = [...routes].filter((route) => route.enabled).sort((a, b) => compareNames(a.name, b.name));
    const globs: GlobEntry[] = [];
    for (const route of enabled) {
      for (const model of route.models) {
        if (isGlob(model)) globs.push({ glob: compileGlob(model), value: route });
        else if (!this.exact.has(model)) this.exact.set(model, route);
      }
    }
    globs.sort(
      (a, b) => b.glob.literalLength - a.glob.literalLength || compareNames(a.value.name, b.value.name),
    );
    this.globs = new GlobIndex(globs);
    this.hasGlobs = globs.length > 0;
    const listed = new Set(this.exact.keys());
    for (const route of enabled) for (const model of route.advertise ?? []) listed.add(model);
    this.exactModels = [...listed].sort(compareNames);
  }

  match(model: string): RouteConfig | undefined {
    const exact = this.exact.get(model);
    if (exact !== undefined) return exact;
    if (!this.hasGlobs) return undefined;
    const cached = this.globCache.get(model);
    if (cached !== undefined) return cached ?? undefined;
    const found = this.globs.first(model);
    if (this.globCache.size >= GLOB_CACHE_LIMIT) this.globCache.clear();
    this.globCache.set(model, found ?? null);
    return found;
  }
}

/** Code-point order, independent of locale. */
function compareNames(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** Whether `pattern` (exact or glob) matches `model`; used by the admin `model=` filter. */
export function modelPatternMatches(pattern: string, model: string): boolean {
  return isGlob(pattern) ? compileGlob(pattern).test(model) : pattern === model;
}
