import Anthropic from '@anthropic-ai/sdk';
import OpenAI from 'openai';
import { type Page } from 'playwright-core';
import {
  reply,
  startAnthropicMock,
  startOpenAiMock,
  type AnthropicMock,
  type OpenAiMock,
} from '../../support/mock-upstreams';
import { startSwitchboard, type RunningSwitchboard } from '../../support/switchboard';
import { anthropicInstance, openAiInstance, routeFor } from '../data-plane/support/route-builders';
import { openBrowser, screenshot, seriousA11yViolations, type Browser } from './support/browser';
import { buildDashboard, bundleSize } from './support/dashboard-build';

interface StoredRoute {
  id: string;
  instances: Array<{ name: string; weight: number; auth: unknown }>;
}

const READONLY_TOKEN = 'readonly-token-for-the-dashboard-e2e-0123456789';
const FALLBACK_MODEL = 'dash-fallback-model';
const WEIGHTED_MODEL = 'dash-weighted-model';

/**
 * The ops dashboard in Debian's chromium against the real app (gateway + admin, loopback mock upstreams), with
 * OpenAI and Anthropic SDK traffic: routes, telemetry, keys and the read-only role, end to end.
 */
describe('ops dashboard (chromium)', () => {
  let sb: RunningSwitchboard;
  let failing: AnthropicMock;
  let healthy: OpenAiMock;
  let weightA: OpenAiMock;
  let weightB: OpenAiMock;
  let browser: Browser;
  let page: Page;
  let fallbackRouteId: string;
  let weightedRouteId: string;

  const url = (path = '') => `${sb.adminUrl}/dashboard/${path}`;
  const admin = async (method: string, path: string, body?: unknown, token = sb.adminToken) => {
    const response = await fetch(`${sb.adminUrl}${path}`, {
      method,
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    return {
      status: response.status,
      body: (await response.json().catch(() => undefined)) as StoredRoute,
    };
  };
  const openai = () => new OpenAI({ apiKey: 'sk-client', baseURL: `${sb.gatewayUrl}/v1`, maxRetries: 0 });
  const anthropic = () => new Anthropic({ apiKey: 'sk-client', baseURL: sb.gatewayUrl, maxRetries: 0 });

  /**
   * A fresh load of `path`, signed in with the admin token (again, if a test before signed out or failed
   * midway), so no test depends on the state another one left behind.
   */
  async function openSignedIn(path: string): Promise<void> {
    await page.goto('about:blank');
    await page.goto(url(path));
    const signOut = page.getByRole('button', { name: 'Sign out' });
    const tokenField = page.getByLabel('Admin token');
    await signOut.or(tokenField).waitFor();
    if (await tokenField.isVisible()) {
      await tokenField.fill(sb.adminToken);
      await page.getByRole('button', { name: 'Sign in' }).click();
      await signOut.waitFor();
    }
  }

  /** One OpenAI and two Anthropic SDK requests on the fallback route, sent once by whichever test needs them. */
  let fallbackTraffic: Promise<void> | undefined;
  const sendFallbackTraffic = () => (fallbackTraffic ??= sendFallbackTrafficOnce());
  async function sendFallbackTrafficOnce(): Promise<void> {
    const chat = await openai().chat.completions.create({
      model: FALLBACK_MODEL,
      messages: [{ role: 'user', content: 'What is 1+1?' }],
    });
    expect(chat.choices[0].message.content).toBe('1 + 1 = 2');
    for (let i = 0; i < 2; i++) {
      const message = await anthropic().messages.create({
        model: FALLBACK_MODEL,
        max_tokens: 64,
        messages: [{ role: 'user', content: 'What is 1+1?' }],
      });
      expect(message.content[0]).toMatchObject({ type: 'text', text: '1 + 1 = 2' });
    }
    // Each of the three went to claude-east first (503) and fell back to gpt-west: three fallbacks.
    expect(failing.requests.length).toBe(3);
  }

  async function checkPage(name: string): Promise<void> {
    await page.locator('main').waitFor();
    await screenshot(page, name);
    expect(await seriousA11yViolations(page)).toEqual([]);
  }

  beforeAll(async () => {
    buildDashboard();
    [failing, healthy, weightA, weightB] = await Promise.all([
      startAnthropicMock(),
      startOpenAiMock(),
      startOpenAiMock(),
      startOpenAiMock(),
    ]);
    failing.reply(reply.error(503, { errorType: 'overloaded_error', message: 'Upstream overloaded' }));
    // GATEWAY_AUTH=none: the SDK traffic here is about routing, not consumer keys (issue 13 defaults to keys).
    // A short flush interval: the stats (usage rollups) show the traffic within a second, not ten.
    sb = await startSwitchboard({
      env: { ADMIN_READONLY_TOKEN: READONLY_TOKEN, GATEWAY_AUTH: 'none', TELEMETRY_FLUSH_INTERVAL_MS: '500' },
    });
    const fallbackRoute = await admin(
      'POST',
      '/admin/routes',
      routeFor(FALLBACK_MODEL, [
        anthropicInstance('claude-east', failing.url, { priority: 1 }),
        // A catalogue model upstream, so the traffic is priced and the overview shows its cost.
        openAiInstance('gpt-west', healthy.url, { priority: 0, options: { model: 'gpt-4o' } }),
      ]),
    );
    const weightedRoute = await admin(
      'POST',
      '/admin/routes',
      routeFor(WEIGHTED_MODEL, [openAiInstance('gpt-a', weightA.url), openAiInstance('gpt-b', weightB.url)]),
    );
    expect([fallbackRoute.status, weightedRoute.status]).toEqual([201, 201]);
    fallbackRouteId = fallbackRoute.body.id;
    weightedRouteId = weightedRoute.body.id;
    browser = await openBrowser();
    page = browser.page;
  }, 120_000);

  afterAll(async () => {
    await browser?.close();
    await sb?.close();
    await Promise.all([failing?.close(), healthy?.close(), weightA?.close(), weightB?.close()]);
  });

  afterEach(() => expect(browser.cspViolations).toEqual([]));

  it('serves the page without a token, with strict security headers, and / redirects to it', async () => {
    const response = await fetch(url());
    expect(response.status).toBe(200);
    const csp = response.headers.get('content-security-policy')!;
    expect(csp).toContain("script-src 'self'");
    expect(csp).not.toContain('unsafe-inline');
    expect(response.headers.get('x-frame-options')).toBe('DENY');
    expect(response.headers.get('referrer-policy')).toBe('no-referrer');
    const html = await response.text();
    expect(html).not.toMatch(/<script(?![^>]*\bsrc=)[^>]*>/);
    expect(html).not.toMatch(/https?:\/\//);
    const root = await fetch(`${sb.adminUrl}/`, { redirect: 'manual' });
    expect(root.status).toBe(302);
    expect(root.headers.get('location')).toBe('/dashboard/');
    expect((await fetch(`${sb.adminUrl}/admin/routes`)).status).toBe(401);
  });

  it('keeps the gzipped bundle under 300 KB and paints quickly on loopback', async () => {
    const size = bundleSize();
    expect(size.gzip).toBeLessThan(300 * 1024);
    await page.goto(url());
    await page.getByLabel('Admin token').waitFor();
    const firstPaint = () =>
      page.evaluate(() => performance.getEntriesByName('first-contentful-paint')[0]?.startTime ?? null);
    const cold = await firstPaint();
    await page.reload();
    await page.getByLabel('Admin token').waitFor();
    const warm = await firstPaint();
    expect(cold).not.toBeNull();
    expect(warm).not.toBeNull();
    console.log(
      `dashboard bundle: ${size.raw} B raw, ${size.gzip} B gzip; first contentful paint ${cold} ms (fresh profile), ${warm} ms (reload)`,
    );
    await checkPage('01-sign-in');
  });

  it('refuses a wrong token', async () => {
    await page.goto('about:blank');
    await page.goto(url());
    await page.evaluate('sessionStorage.clear()');
    await page.reload();
    await page.getByLabel('Admin token').fill('not-the-admin-token-at-all');
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.getByRole('alert').getByText('This token was refused (401)').waitFor();
    expect(await page.evaluate('sessionStorage.length')).toBe(0);
  });

  it('signs in with the admin token and lists the routes with their instances and breaker state', async () => {
    await page.goto('about:blank');
    await page.goto(url());
    await page.evaluate('sessionStorage.clear()');
    await page.reload();
    await page.getByLabel('Admin token').fill(sb.adminToken);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.getByRole('link', { name: 'Routes' }).click();
    const row = page.getByRole('row').filter({ hasText: `route-${FALLBACK_MODEL}` });
    await row.getByText('claude-east').waitFor();
    await row.getByText('closed').first().waitFor();
    await checkPage('02-routes');
  });

  it('shows SDK traffic that fell back as a tripped breaker on the route page', async () => {
    await sendFallbackTraffic();
    await openSignedIn(`#/routes/${encodeURIComponent(fallbackRouteId)}`);
    const instance = page.getByRole('row').filter({ hasText: 'claude-east' });
    await instance.getByText('open', { exact: true }).waitFor();
    await instance.getByText('3 failures').waitFor();
    await checkPage('03-route-detail');
  });

  it('changes a weight from the route page and the next requests follow it', async () => {
    await openSignedIn(`#/routes/${encodeURIComponent(weightedRouteId)}`);
    await page.getByLabel('Weight of gpt-b').fill('0');
    await page.getByLabel('Weight of gpt-a').fill('3');
    await page.getByRole('button', { name: 'Save instances' }).click();
    await page.getByRole('status').getByText('Instances saved.').waitFor();
    const stored = await admin('GET', `/admin/routes/${weightedRouteId}`);
    expect(stored.body.instances).toEqual([
      expect.objectContaining({
        name: 'gpt-a',
        weight: 3,
        auth: { header: { authorization: '******' }, query: {} },
      }),
      expect.objectContaining({ name: 'gpt-b', weight: 0 }),
    ]);
    weightA.clear();
    weightB.clear();
    for (let i = 0; i < 6; i++) {
      const { response } = await openai()
        .chat.completions.create({ model: WEIGHTED_MODEL, messages: [{ role: 'user', content: 'hi' }] })
        .withResponse();
      expect(response.headers.get('x-switchboard-instance')).toBe('gpt-a');
    }
    expect([weightA.requests.length, weightB.requests.length]).toEqual([6, 0]);
    // The upstream still got the stored secret: "******" from the page kept it.
    expect(weightA.last?.headers.authorization).toBe('Bearer sk-upstream-gpt-a');
  });

  it("shows the admin API's field errors next to the fields in the JSON editor", async () => {
    await openSignedIn(`#/routes/${encodeURIComponent(weightedRouteId)}/edit`);
    const editor = page.getByLabel(/Route JSON/);
    // The editor appears once the route is loaded (page.waitForFunction would need 'unsafe-eval' under this CSP).
    await editor.waitFor();
    const text = await editor.inputValue();
    expect(text).toContain('"authorization": "******"');
    expect(text).not.toContain('sk-upstream');
    // gpt-a's weight, whatever the weight test before left it at.
    const weightLine = /"weight": \d+/.exec(text)![0];
    await editor.fill(text.replace(weightLine, '"weight": -5'));
    await page.getByRole('button', { name: 'Save route' }).click();
    const error = page.locator('.field-errors li').filter({ hasText: 'instances.0.weight' });
    await error.waitFor();
    const line = Number(/line (\d+)/.exec(await error.innerText())![1]);
    expect(text.split('\n')[line - 1]).toContain(weightLine);
    // The gutter beside the editor marks that line.
    expect(await page.locator('.gutter-error').innerText()).toBe(`! ${line}`);
    await checkPage('04-route-editor');
  });

  it('shows every other page, each accessible, with API errors shown rather than swallowed', async () => {
    for (const [path, name] of [
      ['#/overview', '05-overview'],
      ['#/requests', '06-requests'],
      ['#/keys', '07-keys'],
      ['#/replicas', '08-replicas'],
      ['#/routes/new', '09-route-new'],
    ]) {
      await openSignedIn(path);
      await page.locator('main h2').waitFor();
      await checkPage(name);
    }
  });

  it('works in a narrow window', async () => {
    await page.setViewportSize({ width: 380, height: 800 });
    try {
      await openSignedIn(`#/routes/${encodeURIComponent(fallbackRouteId)}`);
      await page.getByRole('row').filter({ hasText: 'gpt-west' }).first().waitFor();
      const overflow = Number(
        await page.evaluate('document.documentElement.scrollWidth - window.innerWidth'),
      );
      expect(overflow).toBeLessThanOrEqual(0);
      await screenshot(page, '10-narrow-route-detail');
    } finally {
      await page.setViewportSize({ width: 1280, height: 900 });
    }
  });

  it('shows the traffic in the overview, the request log and the timeline', async () => {
    const routeName = `route-${FALLBACK_MODEL}`;
    await sendFallbackTraffic();
    // Rollups are flushed every 500 ms and the overview refreshes every 5 s.
    await openSignedIn('#/overview');
    const tile = (label: string) => page.locator('.tile').filter({ hasText: label }).locator('.tile-value');
    await tile('Fallbacks').getByText('3', { exact: true }).waitFor({ timeout: 15_000 });
    expect(Number(await tile('Requests').innerText())).toBeGreaterThanOrEqual(3);
    expect(await tile('Tokens in / out').innerText()).toMatch(/^[1-9]/);
    expect(await page.locator('.chart canvas').count()).toBe(4);
    const topRoute = page.getByRole('table', { name: 'Top routes' }).getByRole('row', { name: routeName });
    await topRoute.waitFor();
    await page.getByRole('table', { name: 'Top instances' }).getByText(`${routeName} / gpt-west`).waitFor();
    // No consumer keys (GATEWAY_AUTH=none): no key names. gpt-4o is priced by the catalogue: a cost above $0.
    await page.getByRole('table', { name: 'Top keys' }).getByText('(no key)').waitFor();
    expect(await tile('Cost').innerText()).toMatch(/^\$0\.0*[1-9]/);
    await checkPage('11-overview-traffic');

    await openSignedIn(`#/routes/${encodeURIComponent(fallbackRouteId)}`);
    const traffic = page.getByRole('table', { name: `Traffic per instance of ${routeName}` });
    // Stats count each request on the instance that answered it, with its fallback.
    const answered = traffic.getByRole('row').filter({ hasText: 'gpt-west' });
    await answered.getByRole('cell', { name: '3', exact: true }).first().waitFor({ timeout: 10_000 });
    const recent = page.getByRole('table', { name: `Recent requests of ${routeName}` });
    await recent.getByText('(2 attempts)').first().waitFor();

    await openSignedIn('#/requests');
    await page.getByLabel('Route').fill(routeName);
    await page.getByRole('button', { name: 'Apply filters' }).click();
    const rows = page.getByRole('table').getByRole('row').filter({ hasText: '(2 attempts)' });
    await rows.nth(2).waitFor();
    expect(await rows.count()).toBe(3);
    await checkPage('12-requests-traffic');
    await rows.first().getByRole('link').click();
    const timeline = page.locator('.timeline');
    await timeline.locator('.attempt-bad').getByText('claude-east').waitFor();
    await timeline.locator('.attempt-bad').getByText('fell back to the next instance').waitFor();
    await timeline.locator('.attempt-ok').getByText('gpt-west').waitFor();
    await page.locator('dl.facts').getByText(`${routeName} / gpt-west`).waitFor();
    await checkPage('13-request-timeline');
  });

  it('creates a key shown once with a copy button, then revokes it', async () => {
    await openSignedIn('#/keys');
    await page.getByLabel('Name').fill('dashboard-e2e');
    await page.getByRole('button', { name: 'Create key' }).click();
    const key = await page.getByTestId('created-key').innerText();
    expect(key).toMatch(/^sk-sb-[A-Za-z0-9]{32,}$/);
    await page.getByRole('button', { name: 'Copy key' }).waitFor();
    await checkPage('14-keys-created');
    await page.getByRole('button', { name: 'Done' }).click();
    expect(await page.content()).not.toContain(key);
    page.once('dialog', (dialog) => void dialog.accept());
    await page.getByRole('button', { name: 'Revoke dashboard-e2e' }).click();
    // Revoked keys either leave the list or show as revoked; either way the row no longer says enabled.
    await page
      .getByRole('row')
      .filter({ hasText: 'dashboard-e2e' })
      .getByText('enabled', { exact: true })
      .waitFor({ state: 'detached' });
  });

  it('a read-only session cannot write', async () => {
    const readonly = await openBrowser();
    try {
      const roPage = readonly.page;
      await roPage.goto(url());
      await roPage.getByLabel('Admin token').fill(READONLY_TOKEN);
      await roPage.getByRole('button', { name: 'Sign in' }).click();
      // /admin/whoami tells the role at sign-in: no write control is ever shown.
      await roPage.getByText('This token is read-only').waitFor();
      await roPage.goto(url(`#/routes/${encodeURIComponent(weightedRouteId)}`));
      await roPage.getByRole('row').filter({ hasText: 'gpt-a' }).first().waitFor();
      expect(await roPage.getByRole('button', { name: 'Save instances' }).count()).toBe(0);
      expect(await roPage.getByLabel('Weight of gpt-a').count()).toBe(0);
      // And the API refuses a write with that token anyway: nothing changes.
      const before = (await admin('GET', `/admin/routes/${weightedRouteId}`)).body;
      const refused = await fetch(`${sb.adminUrl}/admin/routes/${weightedRouteId}`, {
        method: 'PATCH',
        headers: { authorization: `Bearer ${READONLY_TOKEN}`, 'content-type': 'application/json' },
        body: JSON.stringify({ enabled: false }),
      });
      expect(refused.status).toBe(403);
      expect((await admin('GET', `/admin/routes/${weightedRouteId}`)).body).toEqual(before);
    } finally {
      await readonly.close();
    }
  });

  it('signs out and forgets the token', async () => {
    await openSignedIn('#/routes');
    await page.getByRole('button', { name: 'Sign out' }).click();
    await page.getByLabel('Admin token').waitFor();
    expect(await page.evaluate('sessionStorage.length')).toBe(0);
  });
});
