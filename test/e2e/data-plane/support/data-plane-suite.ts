import {
  startAnthropicMock,
  startOpenAiMock,
  startResponsesApiMock,
  type MockUpstream,
} from '../../../support/mock-upstreams';
import { startDataPlane, type DataPlaneHarness } from './data-plane-harness';

export type MockKind = 'anthropic' | 'openai' | 'responses';

/** What a suite needs of the gateway it starts: a way to create routes and to stop. */
export interface SuiteGateway {
  createRoute(route: Record<string, unknown>): Promise<unknown>;
  close(): Promise<void>;
}

type CreatedRoute<Gateway> = Gateway extends { createRoute(route: never): Promise<infer Route> }
  ? Route
  : never;

export interface DataPlaneSuiteOptions<Name extends string, Gateway extends SuiteGateway> {
  /** Environment of the data plane (e.g. MAX_BODY_SIZE); ignored when `start` is given. */
  env?: Record<string, string>;
  /** Starts the gateway under test; default: a data plane (`startDataPlane(env)`). */
  start?: () => Promise<Gateway>;
  /** Routes to create once the mocks and the gateway are up (the mocks give their URLs), in this order. */
  routes?: (mocks: Record<Name, MockUpstream>) => Record<string, unknown>[];
  /** Forget every mock's recorded requests and scripted replies before each test. */
  clearBeforeEach?: boolean;
}

/** Filled in by the suite's beforeAll: read it in hooks and tests, never at describe time. */
export interface DataPlaneSuite<Name extends string, Gateway extends SuiteGateway = DataPlaneHarness> {
  sb: Gateway;
  mocks: Record<Name, MockUpstream>;
  /** What `createRoute` returned for each of `options.routes`, in order. */
  routes: CreatedRoute<Gateway>[];
}

const START_MOCK: Record<MockKind, () => Promise<MockUpstream>> = {
  anthropic: () => startAnthropicMock(),
  openai: () => startOpenAiMock(),
  responses: () => startResponsesApiMock(),
};

/** Starting the app on a fresh database can take long on a loaded machine. */
const STARTUP_TIMEOUT_MS = 120_000;

/**
 * The hooks every gateway spec starts with: the named mock upstreams and one gateway started before all tests
 * (mocks first, so routes can point at them), then the spec's routes created; all closed after all tests;
 * optionally the mocks cleared before each. Register it before the spec's own hooks, which then run after it.
 */
export function dataPlaneSuite<Name extends string, Gateway extends SuiteGateway = DataPlaneHarness>(
  kinds: Record<Name, MockKind>,
  options: DataPlaneSuiteOptions<Name, Gateway> = {},
): DataPlaneSuite<Name, Gateway> {
  const suite = {} as DataPlaneSuite<Name, Gateway>;
  const start = options.start ?? (() => startDataPlane(options.env) as unknown as Promise<Gateway>);
  beforeAll(async () => {
    const names = Object.keys(kinds) as Name[];
    const started = await Promise.all(names.map((name) => START_MOCK[kinds[name]]()));
    suite.mocks = Object.fromEntries(names.map((name, index) => [name, started[index]])) as Record<
      Name,
      MockUpstream
    >;
    suite.sb = await start();
    suite.routes = [];
    for (const route of options.routes?.(suite.mocks) ?? []) {
      suite.routes.push((await suite.sb.createRoute(route)) as CreatedRoute<Gateway>);
    }
  }, STARTUP_TIMEOUT_MS);
  afterAll(async () => {
    await suite.sb?.close();
    await Promise.all(Object.values<MockUpstream>(suite.mocks ?? {}).map((mock) => mock.close()));
  });
  if (options.clearBeforeEach) {
    beforeEach(() => Object.values<MockUpstream>(suite.mocks).forEach((mock) => mock.clear()));
  }
  return suite;
}

/** The suite as getters: `sb` and one per named mock, readable once the suite's beforeAll ran. */
export function suiteView<Name extends string, Gateway extends SuiteGateway>(
  suite: DataPlaneSuite<Name, Gateway>,
  names: Name[],
): { readonly sb: Gateway } & { readonly [mock in Name]: MockUpstream } {
  const view = Object.defineProperty({}, 'sb', { get: () => suite.sb, enumerable: true });
  for (const name of names)
    Object.defineProperty(view, name, { get: () => suite.mocks[name], enumerable: true });
  return view as { readonly sb: Gateway } & { readonly [mock in Name]: MockUpstream };
}
