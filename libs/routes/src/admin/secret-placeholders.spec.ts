import type { RouteConfig } from '../route.types';
import { validateRouteBody } from '../validation/route-validator';
import { resolveSecretPlaceholders } from './secret-placeholders';

function input(auth: Record<string, unknown>, name = 'one') {
  return validateRouteBody({ name: 'r', models: ['m'], instances: [{ name, provider: 'openai', auth }] })
    .route;
}

const previous = {
  instances: [{ name: 'one', auth: { header: { authorization: 'Bearer real' }, query: { key: 'q' } } }],
} as unknown as RouteConfig;

describe('resolveSecretPlaceholders', () => {
  it('restores stored values by instance name and key, leaving new values alone', () => {
    const route = input({ header: { authorization: '******', extra: 'new' }, query: { key: '******' } });
    expect(resolveSecretPlaceholders(route, previous)).toEqual([]);
    expect(route.instances[0].auth).toEqual({
      header: { authorization: 'Bearer real', extra: 'new' },
      query: { key: 'q' },
    });
  });

  it('reports a placeholder with nothing stored behind it', () => {
    expect(resolveSecretPlaceholders(input({ header: { other: '******' } }), previous)).toEqual([
      {
        path: 'instances.0.auth.header.other',
        message: expect.stringContaining('no stored auth.header "other"'),
      },
    ]);
    expect(
      resolveSecretPlaceholders(input({ header: { authorization: '******' } }, 'two'), previous),
    ).toHaveLength(1);
    expect(resolveSecretPlaceholders(input({ query: { key: '******' } }), null)).toEqual([
      { path: 'instances.0.auth.query.key', message: expect.any(String) },
    ]);
  });
});
