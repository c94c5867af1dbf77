import { startAnthropicMock, startOpenAiMock, type MockUpstream } from '../../../support/mock-upstreams';
import { startDataPlane, type DataPlaneHarness } from './data-plane-harness';

export type MockKind = 'anthropic' | 'openai';

export interface DataPlaneSuiteOptions {
  /** Environment of the data plane (e.g. MAX_BODY_SIZE). */
  env?: Record<string, string>;
  /** Forget every mock's recorded requests and scripted replies before each test. */
  clearBeforeEach?: boolean;
}

/** Filled in by the suite's beforeAll: read it in hooks and tests, never at describe time. */
export interface DataPlaneSuite<Name extends string> {
  sb: DataPlaneHarness;
  mocks: Record<Name, MockUpstream>;
}

/**
 * The hooks every data-plane spec starts with: the named mock upstreams and one data plane started before all
 * tests (mocks first, so routes can point at them), closed after all; optionally the mocks cleared before each.
 * Register it before the spec's own hooks, which then run after it.
 */
export function dataPlaneSuite<Name extends string>(
  kinds: Record<Name, MockKind>,
  options: DataPlaneSuiteOptions = {},
): DataPlaneSuite<Name> {
  const suite = {} as DataPlaneSuite<Name>;
  beforeAll(async () => {
    const names = Object.keys(kinds) as Name[];
    const started = await Promise.all(
      names.map((name) => (kinds[name] === 'anthropic' ? startAnthropicMock() : startOpenAiMock())),
    );
    suite.mocks = Object.fromEntries(names.map((name, index) => [name, started[index]])) as Record<
      Name,
      MockUpstream
    >;
    suite.sb = await startDataPlane(options.env);
  });
  afterAll(async () => {
    await suite.sb?.close();
    await Promise.all(Object.values<MockUpstream>(suite.mocks ?? {}).map((mock) => mock.close()));
  });
  if (options.clearBeforeEach) {
    beforeEach(() => Object.values<MockUpstream>(suite.mocks).forEach((mock) => mock.clear()));
  }
  return suite;
}
