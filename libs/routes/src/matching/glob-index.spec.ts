import fc from 'fast-check';
import type { RouteConfig } from '../route.types';
import { compileGlob, isGlob } from './glob';
import { GlobIndex } from './glob-index';
import { RouteMatcher } from './route-matcher';

/** The matcher before the index: exact names, then a scan of every glob in precedence order. */
function linearScanMatch(routes: RouteConfig[], model: string): string | undefined {
  const enabled = routes.filter((route) => route.enabled).sort((a, b) => (a.name < b.name ? -1 : 1));
  for (const route of enabled) if (route.models.includes(model)) return route.name;
  const globs = enabled.flatMap((route) =>
    route.models.filter(isGlob).map((pattern) => ({ glob: compileGlob(pattern), route })),
  );
  globs.sort((a, b) => b.glob.literalLength - a.glob.literalLength || (a.route.name < b.route.name ? -1 : 1));
  return globs.find((entry) => entry.glob.test(model))?.route.name;
}

// A tiny alphabet so prefixes, suffixes and whole names collide often.
const text = (maxLength: number) =>
  fc.array(fc.constantFrom('a', 'b', '-', '.'), { maxLength }).map((chars) => chars.join(''));
const pattern = fc.oneof(
  text(4),
  fc.array(text(3), { minLength: 2, maxLength: 4 }).map((parts) => parts.join('*')),
);
const routeSet = fc
  .uniqueArray(
    fc.record({
      name: fc.constantFrom('r0', 'r1', 'r2', 'r3', 'r4', 'r5', 'r6', 'r7', 'r8', 'r9'),
      models: fc.array(pattern, { minLength: 1, maxLength: 3 }),
      enabled: fc.boolean(),
    }),
    { selector: (route) => route.name, maxLength: 10 },
  )
  .map((routes) => routes as RouteConfig[]);

/** Names a route's pattern matches (each `*` filled in), and arbitrary ones. */
function candidateNames(routes: RouteConfig[], fills: string[]): string[] {
  const built = routes.flatMap((route) =>
    route.models.map((model, i) => model.split('*').join(fills[i % fills.length] ?? '')),
  );
  return [...built, ...fills];
}

describe('RouteMatcher with the glob index', () => {
  it('answers every name as the linear scan over all globs does', () => {
    fc.assert(
      fc.property(routeSet, fc.array(text(6), { minLength: 1, maxLength: 8 }), (routes, fills) => {
        const matcher = new RouteMatcher(routes);
        for (const name of candidateNames(routes, fills)) {
          const expected = linearScanMatch(routes, name);
          expect(matcher.match(name)?.name).toBe(expected);
          expect(matcher.match(name)?.name).toBe(expected); // the cached answer too
        }
      }),
      { numRuns: 500 },
    );
  });

  it('picks among prefix-, suffix- and unanchored globs by precedence, not by index bucket', () => {
    const matcher = new RouteMatcher([
      { name: 'any', models: ['*'], enabled: true },
      { name: 'prefix', models: ['claude-*'], enabled: true },
      { name: 'suffix', models: ['*-sonnet-4-5'], enabled: true },
      { name: 'middle', models: ['*sonnet*'], enabled: true },
    ] as RouteConfig[]);
    expect(matcher.match('claude-sonnet-4-5')?.name).toBe('suffix');
    expect(matcher.match('claude-sonnet-4')?.name).toBe('prefix');
    expect(matcher.match('my-sonnet')?.name).toBe('middle');
    expect(matcher.match('gpt')?.name).toBe('any');
  });
});

describe('GlobIndex', () => {
  it('tests only the globs whose literal prefix or suffix the name carries', () => {
    const tested: string[] = [];
    const entries = Array.from({ length: 1_000 }, (_, i) => {
      const glob = compileGlob(`tenant-${i}-*`);
      const test = glob.test;
      return {
        glob: { ...glob, test: (name: string) => (tested.push(glob.pattern), test(name)) },
        value: i,
      };
    });
    const index = new GlobIndex(entries);
    expect(index.first('tenant-421-claude')).toBe(421);
    expect(index.first('unrouted')).toBeUndefined();
    expect(tested).toEqual(['tenant-421-*']);
  });
});
