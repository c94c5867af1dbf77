import { join } from 'node:path';
import { percentile } from '../stats/percentiles';
import { generateRoutes, modelMix } from './route-set';

/** The built matcher (dist/libs/routes), loaded at run time: the bench measures what ships. */
const MATCHER_MODULE = join(__dirname, '..', '..', 'libs', 'routes', 'src', 'matching', 'route-matcher.js');

interface MatcherLike {
  match(model: string): { name: string } | undefined;
}

export interface RouteMatchResult {
  routes: number;
  globs: number;
  distinctModels: number;
  lookups: number;
  buildMs: number;
  p50Us: number;
  p99Us: number;
  maxUs: number;
  /** The first lookup of each name (nothing cached yet), p99. */
  firstSeenP99Us: number;
  problems: string[];
}

/** Times `RouteMatcher#match` per lookup over a skewed mix of model names; checks every answer. */
export function benchRouteMatch(routeCount: number, lookups: number): RouteMatchResult {
  // eslint-disable-next-line @typescript-eslint/no-require-imports -- a built file of the app, found at run time
  const { RouteMatcher } = require(MATCHER_MODULE) as {
    RouteMatcher: new (routes: Iterable<unknown>) => MatcherLike;
  };
  const routes = generateRoutes(routeCount).map((route) => ({ ...route, enabled: true }));
  const started = process.hrtime.bigint();
  const matcher = new RouteMatcher(routes);
  const buildMs = Number(process.hrtime.bigint() - started) / 1e6;
  const mix = modelMix(routeCount, Math.min(2_000, routeCount), lookups);
  const problems: string[] = [];
  const all: number[] = [];
  const firstSeen: number[] = [];
  const seen = new Set<string>();
  for (const { model, kind } of mix) {
    const before = process.hrtime.bigint();
    const route = matcher.match(model);
    const us = Number(process.hrtime.bigint() - before) / 1000;
    all.push(us);
    if (!seen.has(model)) {
      seen.add(model);
      firstSeen.push(us);
    }
    const expected = kind === 'miss' ? undefined : `tenant-${/^tenant-(\d+)-/.exec(model)?.[1] ?? '?'}`;
    if (route?.name !== expected && problems.length < 5)
      problems.push(`match(${model}) → ${route?.name ?? 'none'} (want ${expected ?? 'none'})`);
  }
  return {
    routes: routeCount,
    globs: routes.filter((route) => route.models.some((model) => model.includes('*'))).length,
    distinctModels: seen.size,
    lookups: mix.length,
    buildMs,
    p50Us: percentile(all, 50),
    p99Us: percentile(all, 99),
    maxUs: percentile(all, 100),
    firstSeenP99Us: percentile(firstSeen, 99),
    problems,
  };
}
