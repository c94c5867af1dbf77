import { GatewayError } from '@switchboard/common/errors';
import { validateRouteBody } from '@switchboard/routes/validation/route-validator';
import { checkModelInfo } from './model-info-check';

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
    validateRouteBody(raw, { checkModelInfo });
  } catch (error) {
    return (error as GatewayError).details.map((d) => d.path);
  }
  throw new Error('expected a validation error');
}

describe("route validation of the catalogue fields, with the catalogue's model_info check", () => {
  it('keeps capability_routing and model_info in extras without a warning', () => {
    const { route, warnings } = validateRouteBody(
      body(
        { capability_routing: false },
        { model_info: { max_output: 8_000, capabilities: { images: false } } },
      ),
      { checkModelInfo },
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

  it('without the catalogue check keeps any model_info object and rejects anything else', () => {
    const { route } = validateRouteBody(body({}, { model_info: { anything: 1 } }));
    expect(route.instances[0].extras).toEqual({ model_info: { anything: 1 } });
    let paths: string[] = [];
    try {
      validateRouteBody(body({}, { model_info: 'big' }));
    } catch (error) {
      paths = (error as GatewayError).details.map((d) => d.path);
    }
    expect(paths).toEqual(['instances.0.model_info']);
  });
});
