import { startOpenAiMock, type OpenAiMock } from '../../support/mock-upstreams';
import { startDataPlane, type DataPlaneHarness } from './support/data-plane-harness';
import { openAiInstance, routeFor, uniqueModel } from './support/route-builders';

/** Instance selection: smooth weighted round robin inside a priority group, chash, weight 0, priorities. */
describe('balancing', () => {
  let mocks: OpenAiMock[];
  let sb: DataPlaneHarness;

  beforeAll(async () => {
    mocks = await Promise.all([startOpenAiMock(), startOpenAiMock(), startOpenAiMock()]);
    sb = await startDataPlane();
  });
  afterAll(async () => {
    await sb?.close();
    await Promise.all((mocks ?? []).map((mock) => mock.close()));
  });
  beforeEach(() => mocks.forEach((mock) => mock.clear()));

  /** Sends `count` requests, `concurrency` at a time; returns the answering instance of each. */
  async function send(
    model: string,
    count: number,
    concurrency = 4,
    headers: (i: number) => Record<string, string> = () => ({}),
  ) {
    const instances: string[] = [];
    let next = 0;
    const worker = async () => {
      while (next < count) {
        const i = next++;
        const response = await sb.post(
          '/v1/chat/completions',
          { model, messages: [{ role: 'user', content: `q${i}` }] },
          headers(i),
        );
        expect(response.status).toBe(200);
        await response.arrayBuffer();
        instances[i] = response.headers.get('x-switchboard-instance') ?? 'none';
      }
    };
    await Promise.all(Array.from({ length: concurrency }, worker));
    return instances;
  }

  const share = (instances: string[], name: string) =>
    instances.filter((i) => i === name).length / instances.length;

  it('splits traffic by weight within 3 points (smooth weighted round robin)', async () => {
    const model = uniqueModel('weights');
    await sb.createRoute(
      routeFor(model, [
        openAiInstance('heavy', mocks[0].url, { weight: 5 }),
        openAiInstance('medium', mocks[1].url, { weight: 3 }),
        openAiInstance('light', mocks[2].url, { weight: 2 }),
      ]),
    );
    // Smooth: sent one at a time, the first ten already reach every instance (heavy does not take a run of five).
    const firstTen = await send(model, 10, 1);
    expect(new Set(firstTen).size).toBe(3);
    const instances = [...firstTen, ...(await send(model, 390))];
    expect(Math.abs(share(instances, 'heavy') - 0.5)).toBeLessThanOrEqual(0.03);
    expect(Math.abs(share(instances, 'medium') - 0.3)).toBeLessThanOrEqual(0.03);
    expect(Math.abs(share(instances, 'light') - 0.2)).toBeLessThanOrEqual(0.03);
    expect(mocks.map((mock) => mock.requests.length)).toEqual(
      ['heavy', 'medium', 'light'].map((name) => instances.filter((i) => i === name).length),
    );
  });

  it('sends nothing to a weight-0 or disabled instance', async () => {
    const model = uniqueModel('weight0');
    await sb.createRoute(
      routeFor(model, [
        openAiInstance('active', mocks[0].url),
        openAiInstance('parked', mocks[1].url, { weight: 0 }),
        openAiInstance('disabled', mocks[2].url, { enabled: false }),
      ]),
    );
    const instances = await send(model, 20);
    expect(new Set(instances)).toEqual(new Set(['active']));
    expect(mocks[1].requests).toHaveLength(0);
    expect(mocks[2].requests).toHaveLength(0);
  });

  it('answers 503 when every instance has weight 0', async () => {
    const model = uniqueModel('allzero');
    await sb.createRoute(routeFor(model, [openAiInstance('parked', mocks[0].url, { weight: 0 })]));
    const error = await sb.openai.chat.completions
      .create({ model, messages: [{ role: 'user', content: 'hi' }] })
      .then(
        () => undefined,
        (e: unknown) => e as { status: number; error: Record<string, unknown> },
      );
    expect(error?.status).toBe(503);
    expect(error?.error).toEqual(
      expect.objectContaining({ message: expect.any(String), type: expect.any(String) }),
    );
    expect(mocks[0].requests).toHaveLength(0);
  });

  it('uses the highest priority group while it is healthy', async () => {
    const model = uniqueModel('priority');
    await sb.createRoute(
      routeFor(model, [
        openAiInstance('backup', mocks[0].url, { priority: 0, weight: 100 }),
        openAiInstance('main-a', mocks[1].url, { priority: 5 }),
        openAiInstance('main-b', mocks[2].url, { priority: 5 }),
      ]),
    );
    const instances = await send(model, 40);
    expect(mocks[0].requests).toHaveLength(0);
    expect(share(instances, 'main-a')).toBeCloseTo(0.5, 5);
    expect(share(instances, 'main-b')).toBeCloseTo(0.5, 5);
  });

  it('chash keeps one header value on one instance and spreads different values', async () => {
    const model = uniqueModel('chash');
    await sb.createRoute(
      routeFor(
        model,
        [
          openAiInstance('h0', mocks[0].url),
          openAiInstance('h1', mocks[1].url),
          openAiInstance('h2', mocks[2].url),
        ],
        { balancer: { algorithm: 'chash', hash_on: 'header', key: 'x-user-id' } },
      ),
    );
    const users = Array.from({ length: 30 }, (_, i) => `user-${i}`);
    const first = await send(model, users.length, 4, (i) => ({ 'x-user-id': users[i] }));
    const second = await send(model, users.length, 4, (i) => ({ 'x-user-id': users[i] }));
    expect(second).toEqual(first);
    expect(new Set(first).size).toBeGreaterThanOrEqual(2);
    // A request without the header is still served (round robin).
    const anonymous = await send(model, 6, 2);
    expect(anonymous.every((name) => ['h0', 'h1', 'h2'].includes(name))).toBe(true);
  });
});
