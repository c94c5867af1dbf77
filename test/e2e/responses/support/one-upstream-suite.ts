import type { MockUpstream } from '../../../support/mock-upstreams';
import type { DataPlaneHarness } from '../../data-plane/support/data-plane-harness';
import { dataPlaneSuite } from '../../data-plane/support/data-plane-suite';
import { anthropicInstance, openAiInstance, routeFor } from '../../data-plane/support/route-builders';

/** The upstream protocols a Responses client is converted to, as `describe.each` rows (label, kind). */
export const CONVERTED_UPSTREAMS = [
  ['Anthropic Messages', 'anthropic'],
  ['Chat Completions', 'chat'],
] as const;

export type ConvertedUpstream = (typeof CONVERTED_UPSTREAMS)[number][1];

/** Filled in by the suite's beforeAll: read it in hooks and tests, never at describe time. */
export interface OneUpstreamSuite {
  sb: DataPlaneHarness;
  mock: MockUpstream;
}

/** A data plane with one mock upstream of `kind` (instance "up") behind one route serving `model`, cleared before each test. */
export function oneUpstreamSuite(kind: ConvertedUpstream, model: string): OneUpstreamSuite {
  const suite = dataPlaneSuite(
    { up: kind === 'anthropic' ? 'anthropic' : 'openai' },
    {
      clearBeforeEach: true,
      routes: ({ up }) => [
        routeFor(model, [
          kind === 'anthropic' ? anthropicInstance('up', up.url) : openAiInstance('up', up.url),
        ]),
      ],
    },
  );
  return {
    get sb() {
      return suite.sb;
    },
    get mock() {
      return suite.mocks.up;
    },
  };
}
