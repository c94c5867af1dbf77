import { type AnthropicMock, type OpenAiMock } from '../../support/mock-upstreams';
import type { DataPlaneHarness } from './support/data-plane-harness';
import { dataPlaneSuite } from './support/data-plane-suite';
import { anthropicInstance, openAiInstance, routeFor, uniqueModel } from './support/route-builders';

/** A change made through the admin API applies to the very next request in the same process. */
describe('route changes through the admin API', () => {
  let claude: AnthropicMock;
  let gpt: OpenAiMock;
  let sb: DataPlaneHarness;

  const suite = dataPlaneSuite({ claude: 'anthropic', gpt: 'openai' });
  beforeAll(() => {
    ({ claude, gpt } = suite.mocks);
    sb = suite.sb;
  });

  const ask = (model: string) =>
    sb.post('/v1/chat/completions', { model, messages: [{ role: 'user', content: 'hi' }] });

  it('creates, re-points, disables, re-enables and deletes a route, each effective at once', async () => {
    const model = uniqueModel('changes');
    expect((await ask(model)).status).toBe(404);

    const route = await sb.createRoute(routeFor(model, [openAiInstance('gpt', gpt.url)]));
    const first = await ask(model);
    expect(first.status).toBe(200);
    expect(first.headers.get('x-switchboard-instance')).toBe('gpt');
    expect(gpt.requests).toHaveLength(1);

    await sb.patchRoute(route.id, { instances: [anthropicInstance('claude', claude.url)] });
    const second = await ask(model);
    expect(second.status).toBe(200);
    expect(second.headers.get('x-switchboard-instance')).toBe('claude');
    expect(claude.requests).toHaveLength(1);
    expect(gpt.requests).toHaveLength(1);

    await sb.patchRoute(route.id, { enabled: false });
    expect((await ask(model)).status).toBe(404);

    await sb.patchRoute(route.id, { enabled: true, models: [model, `${model}-alias`] });
    expect((await ask(`${model}-alias`)).status).toBe(200);
    expect(claude.requests).toHaveLength(2);

    await sb.deleteRoute(route.id);
    expect((await ask(model)).status).toBe(404);
    expect(claude.requests).toHaveLength(2);
  });

  it('applies a weight change to the next requests', async () => {
    const model = uniqueModel('reweigh');
    const route = await sb.createRoute(
      routeFor(model, [
        openAiInstance('a', gpt.url, { weight: 1 }),
        anthropicInstance('b', claude.url, { weight: 0 }),
      ]),
    );
    expect((await ask(model)).headers.get('x-switchboard-instance')).toBe('a');
    await sb.patchRoute(route.id, {
      instances: [
        openAiInstance('a', gpt.url, { weight: 0 }),
        anthropicInstance('b', claude.url, { weight: 1 }),
      ],
    });
    for (let i = 0; i < 3; i++) expect((await ask(model)).headers.get('x-switchboard-instance')).toBe('b');
  });

  it('picks the exact model first, else the glob with the most literal characters, ties by route name', async () => {
    const family = uniqueModel('family');
    const route = async (name: string, models: string[]) => {
      await sb.createRoute({ ...routeFor(name, [openAiInstance(`via-${name}`, gpt.url)]), name, models });
    };
    await route(`z-short-${family}`, [`${family}-*`]);
    await route(`y-long-${family}`, [`${family}-opus-*`]);
    await route(`b-tie-${family}`, [`${family}-*-max`]);
    await route(`a-tie-${family}`, [`${family}*s-max`]);
    await route(`x-exact-${family}`, [`${family}-opus-exact`]);
    const via = async (model: string) => (await ask(model)).headers.get('x-switchboard-route');

    expect(await via(`${family}-opus-exact`)).toBe(`x-exact-${family}`);
    expect(await via(`${family}-opus-4`)).toBe(`y-long-${family}`);
    expect(await via(`${family}-haiku`)).toBe(`z-short-${family}`);
    // `${family}-*-max` and `${family}*s-max` have the same number of literal characters: alphabetical wins.
    expect(await via(`${family}-plus-max`)).toBe(`a-tie-${family}`);
  });
});
