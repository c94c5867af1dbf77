import fc from 'fast-check';
import type { RouteConfig } from '../route.types';
import { compileGlob } from './glob';
import { modelPatternMatches, RouteMatcher } from './route-matcher';

function route(name: string, models: string[], enabled = true): RouteConfig {
  return { name, models, enabled } as RouteConfig;
}

describe('RouteMatcher', () => {
  it('prefers an exact name over any glob', () => {
    const matcher = new RouteMatcher([route('glob', ['claude-*']), route('exact', ['claude-opus-4-5'])]);
    expect(matcher.match('claude-opus-4-5')?.name).toBe('exact');
    expect(matcher.match('claude-sonnet-4')?.name).toBe('glob');
  });

  it('picks the glob with the most literal characters', () => {
    const matcher = new RouteMatcher([
      route('any', ['*']),
      route('claude', ['claude-*']),
      route('sonnet', ['claude-sonnet-*']),
      route('suffix', ['*-4-5']),
    ]);
    expect(matcher.match('claude-sonnet-4-5')?.name).toBe('sonnet');
    expect(matcher.match('claude-opus-4-5')?.name).toBe('claude');
    expect(matcher.match('gpt-4-5')?.name).toBe('suffix');
    expect(matcher.match('gpt-4o')?.name).toBe('any');
  });

  it('breaks ties between equally specific globs by the alphabetically first route name', () => {
    const matcher = new RouteMatcher([
      route('zeta', ['gpt-*']),
      route('alpha', ['*t-4o']),
      route('mid', ['gp*4o']),
    ]);
    // gpt-*, *t-4o and gp*4o all have 4 literal characters.
    expect(matcher.match('gpt-4o')?.name).toBe('alpha');
  });

  it('ignores disabled routes', () => {
    const matcher = new RouteMatcher([route('off', ['gpt-4o'], false), route('on', ['gpt-*'])]);
    expect(matcher.match('gpt-4o')?.name).toBe('on');
    expect(matcher.exactModels).toEqual([]);
  });

  it('returns undefined when nothing matches, and never matches a partial name', () => {
    const matcher = new RouteMatcher([route('r', ['gpt-4o', 'claude-*'])]);
    expect(matcher.match('gpt-4o-mini')).toBeUndefined();
    expect(matcher.match('xclaude-3')).toBeUndefined();
    expect(matcher.match('')).toBeUndefined();
  });

  it('lists the exact models of enabled routes, sorted, without globs', () => {
    const matcher = new RouteMatcher([
      route('b', ['z-model', 'y-*']),
      route('a', ['a-model']),
      route('c', ['c'], false),
    ]);
    expect(matcher.exactModels).toEqual(['a-model', 'z-model']);
  });

  it('treats regex metacharacters in patterns literally', () => {
    const matcher = new RouteMatcher([route('dots', ['gpt-4.1*']), route('brackets', ['[a]+(b)?$^|\\*'])]);
    expect(matcher.match('gpt-4.1-mini')?.name).toBe('dots');
    expect(matcher.match('gpt-4x1-mini')).toBeUndefined();
    expect(matcher.match('[a]+(b)?$^|\\anything')?.name).toBe('brackets');
    expect(matcher.match('aab')).toBeUndefined();
  });
});

describe('compileGlob', () => {
  it('counts literal characters', () => {
    expect(compileGlob('claude-*').literalLength).toBe(7);
    expect(compileGlob('*a*b*').literalLength).toBe(2);
    expect(compileGlob('*').literalLength).toBe(0);
  });

  it('matches every string built from the pattern by replacing each * with anything', () => {
    const literal = fc.string({ maxLength: 6 }).filter((s) => !s.includes('*'));
    fc.assert(
      fc.property(
        fc.array(literal, { minLength: 1, maxLength: 4 }),
        fc.array(fc.string({ maxLength: 5 })),
        (parts, fills) => {
          const pattern = parts.join('*');
          const model = parts.map((part, i) => (i === 0 ? part : `${fills[i] ?? ''}${part}`)).join('');
          expect(compileGlob(pattern).test(model)).toBe(true);
        },
      ),
    );
  });

  it('without * matches only the identical string', () => {
    fc.assert(
      fc.property(
        fc.string({ maxLength: 8 }).filter((s) => !s.includes('*')),
        fc.string({ maxLength: 8 }),
        (pattern, model) => {
          expect(compileGlob(pattern).test(model)).toBe(pattern === model);
          expect(modelPatternMatches(pattern, model)).toBe(pattern === model);
        },
      ),
    );
  });
});

describe('RouteMatcher glob cache', () => {
  it('answers repeated names the same way, hits and misses alike, past the cache bound', () => {
    const matcher = new RouteMatcher([route('g', ['gpt-*'])]);
    for (let round = 0; round < 2; round++) {
      for (let i = 0; i < 10_050; i++) {
        expect(matcher.match(`gpt-${i}`)?.name).toBe('g');
      }
      expect(matcher.match('claude')).toBeUndefined();
      expect(matcher.match('claude')).toBeUndefined();
    }
  });
});

describe('RouteMatcher.exactModels with advertised names', () => {
  it('lists what enabled routes advertise for their globs, once, sorted', () => {
    const glob = {
      ...route('sonnet', ['claude-sonnet-*']),
      advertise: ['claude-sonnet-4-5', 'claude-sonnet-4'],
    };
    const exact = { ...route('exact', ['gpt-4o']), advertise: [] };
    const off = { ...route('off', ['off-*']), advertise: ['off-1'], enabled: false };
    const matcher = new RouteMatcher([glob, exact, off]);
    expect(matcher.exactModels).toEqual(['claude-sonnet-4', 'claude-sonnet-4-5', 'gpt-4o']);
    expect(matcher.match('claude-sonnet-4-5')?.name).toBe('sonnet');
  });
});

describe('compileGlob against a regular expression', () => {
  /** Every string over {a, b} up to 6 long: dense enough that overlapping literals get tested. */
  const everyShortName = Array.from({ length: 7 }, (_, length) =>
    Array.from({ length: 2 ** length }, (_, bits) =>
      Array.from({ length }, (_, i) => ((bits >> i) & 1 ? 'b' : 'a')).join(''),
    ),
  ).flat();

  it('agrees with the equivalent RegExp on every name', () => {
    const text = (maxLength: number) =>
      fc.array(fc.constantFrom('a', 'b', '\n', '.'), { maxLength }).map((chars) => chars.join(''));
    const toRegExp = (pattern: string) =>
      new RegExp(
        `^${pattern
          .split('*')
          .map((part) => part.replace(/[.\\]/g, '\\$&'))
          .join('.*')}$`,
        's',
      );
    fc.assert(
      fc.property(
        fc.array(text(3), { minLength: 1, maxLength: 5 }),
        fc.array(text(8), { maxLength: 6 }),
        (parts, models) => {
          const pattern = parts.join('*');
          const glob = compileGlob(pattern);
          for (const model of [...models, ...everyShortName, parts.join(''), parts.join('ab')])
            expect(glob.test(model)).toBe(toRegExp(pattern).test(model));
        },
      ),
      { numRuns: 300 },
    );
  });
});
