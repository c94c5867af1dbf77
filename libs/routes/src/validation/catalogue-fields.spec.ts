import { GatewayError } from '@switchboard/common/errors';
import { validateRouteBody } from './route-validator';

const instance = (extra: Record<string, unknown> = {}) => ({
  name: 'east',
  provider: 'anthropic',
  auth: { header: { 'x-api-key': 'k' } },
  ...extra,
});
const body = (extra: Record<string, unknown> = {}, instanceExtra: Record<string, unknown> = {}) => ({
  name: 'r1',
  models: ['m'],
  instances: [instance(instanceExtra)],
  ...extra,
});

function pathsOf(raw: unknown): string[] {
  try {
    validateRouteBody(raw);
  } catch (error) {
    return (error as GatewayError).details.map((d) => d.path);
  }
  throw new Error('expected a validation error');
}

describe('route validation: catalogue fields', () => {
  it('keeps capability_routing and model_info in extras without a warning', () => {
    const { route, warnings } = validateRouteBody(
      body(
        { capability_routing: false },
        { model_info: { max_output: 8_000, capabilities: { images: false } } },
      ),
    );
    expect(warnings).toEqual([]);
    expect(route.extras).toEqual({ capability_routing: false });
    expect(route.instances[0].extras).toEqual({
      model_info: { max_output: 8_000, capabilities: { images: false } },
    });
  });

  it('rejects bad values with their paths', () => {
    expect(
      pathsOf(
        body(
          { capability_routing: 'no' },
          { model_info: { max_output: -1, capabilities: { vision: true }, id: 'x' } },
        ),
      ),
    ).toEqual(
      expect.arrayContaining([
        'capability_routing',
        'instances.0.model_info.max_output',
        'instances.0.model_info.capabilities.vision',
        'instances.0.model_info.id',
      ]),
    );
    expect(pathsOf(body({}, { model_info: 'big' }))).toEqual(['instances.0.model_info']);
  });
});
