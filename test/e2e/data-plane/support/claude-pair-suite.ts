import type { AnthropicMock, OpenAiMock } from '../../../support/mock-upstreams';
import type { DataPlaneHarness } from './data-plane-harness';
import { dataPlaneSuite, suiteView } from './data-plane-suite';
import { anthropicInstance, openAiInstance, routeFor, uniqueModel } from './route-builders';

/** Filled in by the suite's beforeAll: read it in hooks and tests, never at describe time. */
export interface ClaudePairSuite {
  sb: DataPlaneHarness;
  claude: AnthropicMock;
  claudeBackup: AnthropicMock;
  gpt: OpenAiMock;
  /** A new route over claude-main (priority 1, tried first) and claude-backup (priority 0). */
  claudeRoute(extra?: Record<string, unknown>): Promise<string>;
  /** A new route over gpt-main alone. */
  gptRoute(extra?: Record<string, unknown>): Promise<string>;
}

/**
 * A data plane with two Anthropic mocks (a main instance and its backup) and an OpenAI mock, all cleared before
 * each test; routes are named `<prefix>-claude-…` / `<prefix>-gpt-…`.
 */
export function claudePairSuite(prefix: string): ClaudePairSuite {
  const suite = dataPlaneSuite(
    { claude: 'anthropic', claudeBackup: 'anthropic', gpt: 'openai' },
    { clearBeforeEach: true },
  );
  const created = async (model: string, route: Record<string, unknown>) => {
    await suite.sb.createRoute(route);
    return model;
  };
  return Object.assign(suiteView(suite, ['claude', 'claudeBackup', 'gpt']), {
    claudeRoute(extra: Record<string, unknown> = {}) {
      const model = uniqueModel(`${prefix}-claude`);
      const instances = [
        anthropicInstance('claude-main', suite.mocks.claude.url, { priority: 1 }),
        anthropicInstance('claude-backup', suite.mocks.claudeBackup.url, { priority: 0 }),
      ];
      return created(model, routeFor(model, instances, extra));
    },
    gptRoute(extra: Record<string, unknown> = {}) {
      const model = uniqueModel(`${prefix}-gpt`);
      return created(model, routeFor(model, [openAiInstance('gpt-main', suite.mocks.gpt.url)], extra));
    },
  });
}
