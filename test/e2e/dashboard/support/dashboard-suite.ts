import Anthropic from '@anthropic-ai/sdk';
import OpenAI from 'openai';
import { type Page } from 'playwright-core';
import { reply, type AnthropicMock, type OpenAiMock } from '../../../support/mock-upstreams';
import { startSwitchboard, type RunningSwitchboard } from '../../../support/switchboard';
import { dataPlaneSuite, suiteView } from '../../data-plane/support/data-plane-suite';
import { anthropicInstance, openAiInstance, routeFor } from '../../data-plane/support/route-builders';
import { openBrowser, screenshot, seriousA11yViolations, type Browser } from './browser';
import { buildDashboard } from './dashboard-build';

export interface StoredRoute {
  id: string;
  instances: Array<{ name: string; weight: number; auth: unknown }>;
}

export const READONLY_TOKEN = 'readonly-token-for-the-dashboard-e2e-0123456789';
export const FALLBACK_MODEL = 'dash-fallback-model';
export const WEIGHTED_MODEL = 'dash-weighted-model';

/** The app under test, creating its routes through the admin API as the dashboard's user would. */
interface DashboardGateway extends RunningSwitchboard {
  createRoute(route: Record<string, unknown>): Promise<StoredRoute>;
}

/** Values are filled in by the suite's beforeAll: read them in hooks and tests, never at describe time. */
export interface DashboardSuite {
  readonly sb: RunningSwitchboard;
  /** claude-east of the fallback route: answers 503 overloaded, so every request falls back to `healthy`. */
  failing: AnthropicMock;
  healthy: OpenAiMock;
  weightA: OpenAiMock;
  weightB: OpenAiMock;
  browser: Browser;
  page: Page;
  fallbackRouteId: string;
  weightedRouteId: string;
  url(path?: string): string;
  admin(
    method: string,
    path: string,
    body?: unknown,
    token?: string,
  ): Promise<{ status: number; body: StoredRoute }>;
  openai(): OpenAI;
  anthropic(): Anthropic;
  /**
   * A fresh load of `path`, signed in with the admin token (again, if a test before signed out or failed
   * midway), so no test depends on the state another one left behind.
   */
  openSignedIn(path: string): Promise<void>;
  /** One OpenAI and two Anthropic SDK requests on the fallback route, sent once by whichever test needs them. */
  sendFallbackTraffic(): Promise<void>;
  /** Screenshot of the page, which must have no serious accessibility violation. */
  checkPage(name: string): Promise<void>;
}

/**
 * The ops dashboard in Debian's chromium against the real app (gateway + admin, loopback mock upstreams): a
 * fallback route (claude-east failing, gpt-west answering) and a weighted route (gpt-a, gpt-b); no CSP violation
 * after any test.
 */
export function dashboardSuite(): DashboardSuite {
  const admin: DashboardSuite['admin'] = async (method, path, body, token = suite.sb.adminToken) => {
    const response = await fetch(`${suite.sb.adminUrl}${path}`, {
      method,
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    return { status: response.status, body: (await response.json().catch(() => undefined)) as StoredRoute };
  };
  const startGateway = async (): Promise<DashboardGateway> => {
    buildDashboard();
    // GATEWAY_AUTH=none: the SDK traffic here is about routing, not consumer keys (issue 13 defaults to keys).
    // A short flush interval: the stats (usage rollups) show the traffic within a second, not ten.
    const switchboard = await startSwitchboard({
      env: { ADMIN_READONLY_TOKEN: READONLY_TOKEN, GATEWAY_AUTH: 'none', TELEMETRY_FLUSH_INTERVAL_MS: '500' },
    });
    return {
      ...switchboard,
      createRoute: async (route) => {
        const created = await admin('POST', '/admin/routes', route);
        expect(created.status).toBe(201);
        return created.body;
      },
    };
  };
  const gateway = dataPlaneSuite(
    { failing: 'anthropic', healthy: 'openai', weightA: 'openai', weightB: 'openai' },
    {
      start: startGateway,
      routes: ({ failing, healthy, weightA, weightB }) => [
        routeFor(FALLBACK_MODEL, [
          anthropicInstance('claude-east', failing.url, { priority: 1 }),
          // A catalogue model upstream, so the traffic is priced and the overview shows its cost.
          openAiInstance('gpt-west', healthy.url, { priority: 0, options: { model: 'gpt-4o' } }),
        ]),
        routeFor(WEIGHTED_MODEL, [
          openAiInstance('gpt-a', weightA.url),
          openAiInstance('gpt-b', weightB.url),
        ]),
      ],
    },
  );

  let fallbackTraffic: Promise<void> | undefined;
  const sendFallbackTrafficOnce = async (): Promise<void> => {
    const chat = await suite.openai().chat.completions.create({
      model: FALLBACK_MODEL,
      messages: [{ role: 'user', content: 'What is 1+1?' }],
    });
    expect(chat.choices[0].message.content).toBe('1 + 1 = 2');
    for (let i = 0; i < 2; i++) {
      const message = await suite.anthropic().messages.create({
        model: FALLBACK_MODEL,
        max_tokens: 64,
        messages: [{ role: 'user', content: 'What is 1+1?' }],
      });
      expect(message.content[0]).toMatchObject({ type: 'text', text: '1 + 1 = 2' });
    }
    // Each of the three went to claude-east first (503) and fell back to gpt-west: three fallbacks.
    expect(suite.failing.requests.length).toBe(3);
  };

  const suite = Object.assign(suiteView(gateway, ['failing', 'healthy', 'weightA', 'weightB']), {
    url: (path = '') => `${suite.sb.adminUrl}/dashboard/${path}`,
    admin,
    openai: () => new OpenAI({ apiKey: 'sk-client', baseURL: `${suite.sb.gatewayUrl}/v1`, maxRetries: 0 }),
    anthropic: () => new Anthropic({ apiKey: 'sk-client', baseURL: suite.sb.gatewayUrl, maxRetries: 0 }),
    async openSignedIn(path: string) {
      const { page } = suite;
      await page.goto('about:blank');
      await page.goto(suite.url(path));
      const signOut = page.getByRole('button', { name: 'Sign out' });
      const tokenField = page.getByLabel('Admin token');
      await signOut.or(tokenField).waitFor();
      if (await tokenField.isVisible()) {
        await tokenField.fill(suite.sb.adminToken);
        await page.getByRole('button', { name: 'Sign in' }).click();
        await signOut.waitFor();
      }
    },
    sendFallbackTraffic: () => (fallbackTraffic ??= sendFallbackTrafficOnce()),
    async checkPage(name: string) {
      await suite.page.locator('main').waitFor();
      await screenshot(suite.page, name);
      expect(await seriousA11yViolations(suite.page)).toEqual([]);
    },
  }) as unknown as DashboardSuite;
  Object.defineProperties(suite, {
    fallbackRouteId: { get: () => gateway.routes[0].id },
    weightedRouteId: { get: () => gateway.routes[1].id },
  });

  beforeAll(async () => {
    gateway.mocks.failing.reply(
      reply.error(503, { errorType: 'overloaded_error', message: 'Upstream overloaded' }),
    );
    suite.browser = await openBrowser();
    suite.page = suite.browser.page;
  }, 120_000);
  afterAll(() => suite.browser?.close());
  afterEach(() => expect(suite.browser.cspViolations).toEqual([]));
  return suite;
}
