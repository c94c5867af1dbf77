import type { AnthropicMock } from '../../../support/mock-upstreams';
import type { DataPlaneHarness } from './data-plane-harness';
import { dataPlaneSuite, suiteView } from './data-plane-suite';
import { anthropicInstance, routeFor, uniqueModel } from './route-builders';

/** Filled in by the suite's beforeAll: read it in hooks and tests, never at describe time. */
export interface FallbackSuite {
  sb: DataPlaneHarness;
  primary: AnthropicMock;
  secondary: AnthropicMock;
  tertiary: AnthropicMock;
  /** A new route: east-primary (priority 1, at `primaryUrl`, default the primary mock), then west-secondary. */
  twoInstanceRoute(extra?: Record<string, unknown>, primaryUrl?: string): Promise<string>;
  /** An OpenAI chat request for `model` ("What is 1+1?"), as raw HTTP. */
  ask(model: string, headers?: Record<string, string>, stream?: boolean): Promise<Response>;
  /** The primary failed once and the secondary answered "1 + 1 = 2". */
  expectAnsweredBySecondary(response: Response): Promise<void>;
}

/** Three Anthropic mocks behind a data plane, cleared before each test; an OpenAI client calls the routes. */
export function fallbackSuite(): FallbackSuite {
  const suite = dataPlaneSuite(
    { primary: 'anthropic', secondary: 'anthropic', tertiary: 'anthropic' },
    { clearBeforeEach: true },
  );
  return Object.assign(suiteView(suite, ['primary', 'secondary', 'tertiary']), {
    async twoInstanceRoute(extra: Record<string, unknown> = {}, primaryUrl = suite.mocks.primary.url) {
      const model = uniqueModel('fallback');
      const instances = [
        anthropicInstance('east-primary', primaryUrl, { priority: 1 }),
        anthropicInstance('west-secondary', suite.mocks.secondary.url, { priority: 0 }),
      ];
      await suite.sb.createRoute(routeFor(model, instances, extra));
      return model;
    },
    ask: (model: string, headers: Record<string, string> = {}, stream = false) =>
      suite.sb.post(
        '/v1/chat/completions',
        { model, stream, messages: [{ role: 'user', content: 'What is 1+1?' }] },
        headers,
      ),
    async expectAnsweredBySecondary(response: Response) {
      expect(response.status).toBe(200);
      expect(response.headers.get('x-switchboard-instance')).toBe('west-secondary');
      expect(response.headers.get('x-switchboard-attempts')).toBe('2');
      const body = (await response.json()) as { choices: Array<{ message: { content: string } }> };
      expect(body.choices[0].message.content).toBe('1 + 1 = 2');
      expect(suite.mocks.primary.requests).toHaveLength(1);
      expect(suite.mocks.secondary.requests).toHaveLength(1);
    },
  });
}
