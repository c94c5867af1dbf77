import type { RouteConfig } from '@switchboard/routes/route.types';
import { ModelCatalogue } from '../model-catalogue';
import { unknownModelWarnings } from './unknown-model-warnings';

const instance = (name: string, extra: Record<string, unknown> = {}) =>
  ({ name, enabled: true, options: {}, extras: {}, ...extra }) as unknown as RouteConfig['instances'][number];

describe('unknownModelWarnings', () => {
  const catalogue = new ModelCatalogue();

  it('names each enabled instance whose upstream model is unknown', () => {
    const route = {
      models: ['my-alias', 'team-*'],
      instances: [
        instance('known', { options: { model: 'claude-sonnet-4-5-20250929' } }),
        instance('custom', { options: { model: 'acme-llm' } }),
        instance('by-client-model'),
        instance('off', { enabled: false, options: { model: 'acme-llm' } }),
        instance('described', {
          options: { model: 'acme-llm' },
          extras: { model_info: { max_output: 100 } },
        }),
      ],
    } as unknown as RouteConfig;
    const warnings = unknownModelWarnings(route, catalogue);
    expect(warnings).toHaveLength(2);
    expect(warnings[0]).toMatch(/^instances\.1 \(custom\): model "acme-llm" is not in the model catalogue/);
    expect(warnings[1]).toMatch(/^instances\.2 \(by-client-model\): model "my-alias"/);
  });
});
