import type OpenAI from 'openai';
import type { MockUpstream } from '../../../support/mock-upstreams';
import type { DataPlaneHarness } from '../../data-plane/support/data-plane-harness';
import { dataPlaneSuite } from '../../data-plane/support/data-plane-suite';
import { openAiInstance, routeFor } from '../../data-plane/support/route-builders';

type Json = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

export const weatherTool: OpenAI.Chat.Completions.ChatCompletionFunctionTool = {
  type: 'function',
  function: {
    name: 'get_weather',
    description: 'Current weather for a city',
    parameters: { type: 'object', properties: { city: { type: 'string' } }, required: ['city'] },
  },
};

/** Filled in by the suite's beforeAll: read `sb` and `upstream` in hooks and tests, never at describe time. */
export interface ChatToResponsesSuite {
  sb: DataPlaneHarness;
  upstream: MockUpstream;
  /** The body of the last request the Responses mock accepted on `/v1/responses`. */
  lastUpstream(): Json;
}

/** A data plane whose route for `model` has one instance (instance "up") that only speaks the Responses API. */
export function chatToResponsesSuite(model: string): ChatToResponsesSuite {
  const suite = dataPlaneSuite(
    { upstream: 'responses' },
    {
      clearBeforeEach: true,
      routes: ({ upstream }) => [
        routeFor(model, [{ ...openAiInstance('up', upstream.url), protocol: 'openai-responses' }]),
      ],
    },
  );
  return {
    get sb() {
      return suite.sb;
    },
    get upstream() {
      return suite.mocks.upstream;
    },
    lastUpstream: () => {
      const request = suite.mocks.upstream.last!;
      expect(request.rejection).toBeUndefined();
      expect(request.path).toBe('/v1/responses');
      return request.body;
    },
  };
}
