import { type Page, type Route } from 'playwright-core';
import { startSwitchboard, type RunningSwitchboard } from '../../support/switchboard';
import { openAiInstance, routeFor } from '../data-plane/support/route-builders';
import {
  describeInBrowser,
  openBrowser,
  screenshot,
  seriousA11yViolations,
  type Browser,
} from './support/browser';
import { buildDashboard } from './support/dashboard-build';
import {
  CREATED_KEY_SECRET,
  KEY,
  replicasFixture,
  requestsFixture,
  FALLBACK_REQUEST,
  FAILED_REQUEST,
  statsFixture,
  timeseriesFixture,
} from './support/telemetry-fixtures';

/**
 * What dashboard.e2e-spec.ts cannot show against the real app of this build, rendered in chromium from answers
 * in the real telemetry shapes (the browser's calls to those endpoints are answered from fixtures; routes come
 * from the real admin API): consumer keys on requests and in stats (a deleted key by its id), cost (model
 * catalogue), the 5 s refresh updating charts in place, a request where every instance failed, a stale replica,
 * the keys page and the read-only switch after a 403 (keys branch).
 */
describeInBrowser('ops dashboard rendering of telemetry and keys (chromium, contract fixtures)', () => {
  let sb: RunningSwitchboard;
  let browser: Browser;
  let page: Page;
  let routeId: string;
  const calls: string[] = [];
  const keyRequests: Array<{ method: string; body: unknown }> = [];

  const json = (route: Route, body: unknown, status = 200) =>
    route.fulfill({ status, contentType: 'application/json', body: JSON.stringify(body) });

  async function answerFromFixtures(target: Page): Promise<void> {
    await target.route(/\/admin\/(stats|requests|replicas|keys)/, async (route) => {
      const url = new URL(route.request().url());
      const method = route.request().method();
      calls.push(`${method} ${url.pathname}`);
      const query = url.searchParams;
      if (url.pathname === '/admin/stats/timeseries') {
        const step = query.get('step') === '1h' ? 3600 : query.get('step') === '5m' ? 300 : 60;
        return json(route, timeseriesFixture(query.get('since')!, query.get('until')!, step));
      }
      if (url.pathname === '/admin/stats') return json(route, statsFixture(query.get('group_by') ?? 'none'));
      if (url.pathname === '/admin/requests') return json(route, requestsFixture());
      if (url.pathname === `/admin/requests/${FALLBACK_REQUEST.request_id}`)
        return json(route, FALLBACK_REQUEST);
      if (url.pathname === `/admin/requests/${FAILED_REQUEST.request_id}`) return json(route, FAILED_REQUEST);
      if (url.pathname === '/admin/replicas') return json(route, replicasFixture());
      if (url.pathname === '/admin/keys' && method === 'GET') {
        return json(route, { items: [KEY], total: 1, page: 1, page_size: 100 });
      }
      if (url.pathname === '/admin/keys' && method === 'POST') {
        keyRequests.push({ method, body: route.request().postDataJSON() });
        return json(route, { ...KEY, id: 'k2', name: 'new-key', key: CREATED_KEY_SECRET }, 201);
      }
      return json(route, { error: { code: 'NOT_FOUND', message: `no fixture for ${url.pathname}` } }, 404);
    });
  }

  async function signIn(target: Page): Promise<void> {
    await target.goto(`${sb.adminUrl}/dashboard/`);
    await target.getByLabel('Admin token').fill(sb.adminToken);
    await target.getByRole('button', { name: 'Sign in' }).click();
    await target.getByRole('button', { name: 'Sign out' }).waitFor();
  }

  async function checkPage(name: string): Promise<void> {
    await screenshot(page, name);
    expect(await seriousA11yViolations(page)).toEqual([]);
  }

  beforeAll(async () => {
    buildDashboard();
    sb = await startSwitchboard();
    const created = await fetch(`${sb.adminUrl}/admin/routes`, {
      method: 'POST',
      headers: { authorization: `Bearer ${sb.adminToken}`, 'content-type': 'application/json' },
      body: JSON.stringify(
        routeFor('gpt-4o-mini', [openAiInstance('openai-east', 'http://127.0.0.1:9', { weight: 3 })], {
          name: 'gpt-main',
        }),
      ),
    });
    expect(created.status).toBe(201);
    routeId = ((await created.json()) as { id: string }).id;
    browser = await openBrowser();
    page = browser.page;
    await answerFromFixtures(page);
    await signIn(page);
  }, 120_000);

  afterAll(async () => {
    await browser?.close();
    await sb?.close();
  });

  afterEach(() => expect(browser.cspViolations).toEqual([]));

  it('overview: cost, keys by name (or id once deleted), charts refreshed every 5 s in place', async () => {
    await page.goto(`${sb.adminUrl}/dashboard/#/overview`);
    await page.locator('.tile').filter({ hasText: 'Requests' }).getByText('1,234').waitFor();
    await page.locator('.tile').filter({ hasText: 'Cost' }).getByText('$12.50').waitFor();
    const topKeys = page.getByRole('table', { name: 'Top keys' });
    await topKeys.getByRole('row').filter({ hasText: 'team-search' }).getByText('$12.50').waitFor();
    await topKeys.getByText('k-deleted-7').waitFor();
    expect(await page.locator('.chart canvas').count()).toBe(4);
    await page.evaluate("document.querySelector('.chart canvas').dataset.mark = 'first-render'");
    const before = calls.filter((call) => call === 'GET /admin/stats/timeseries').length;
    await page.waitForRequest(/\/admin\/stats\/timeseries/, { timeout: 8_000 });
    await page.waitForResponse(/\/admin\/stats\/timeseries/);
    expect(calls.filter((call) => call === 'GET /admin/stats/timeseries').length).toBeGreaterThan(before);
    // Same canvas after the refresh: the chart was updated, not rebuilt.
    expect(await page.locator('canvas[data-mark="first-render"]').count()).toBe(1);
    await page.getByRole('button', { name: '7 d' }).click();
    await page.waitForRequest((request) => request.url().includes('step=1h'));
    await page.getByRole('button', { name: '1 h' }).click();
    await checkPage('20-overview-fixtures');
  });

  it('requests: key and cost columns; a request where every instance failed shows the error', async () => {
    await page.goto(`${sb.adminUrl}/dashboard/#/requests`);
    const priced = page.getByRole('row').filter({ hasText: '200' });
    await priced.getByText('team-search').waitFor();
    await priced.getByText('$0.000412').waitFor();
    await priced.getByText('(2 attempts)').waitFor();
    const failed = page.getByRole('row').filter({ hasText: '502' });
    await failed.getByText('k-deleted-7').waitFor();
    await checkPage('21-requests-fixtures');
    await failed.getByRole('link').click();
    await page.locator('.timeline').getByText('fell back to the next instance').waitFor();
    await page.getByText('All instances failed: gpt-west answered 500').waitFor();
    expect(await page.locator('.attempt-bad').count()).toBe(2);
    await checkPage('22-request-detail-fixtures');
    await page.goto(`${sb.adminUrl}/dashboard/#/requests/${FALLBACK_REQUEST.request_id}`);
    const facts = page.locator('dl.facts');
    await facts.getByText('team-search').waitFor();
    await facts.getByText('$0.000412').waitFor();
  });

  it('keys: limits and usage, a new key shown once with a copy button', async () => {
    await page.goto(`${sb.adminUrl}/dashboard/#/keys`);
    const row = page.getByRole('row').filter({ hasText: 'team-search' });
    await row.getByText('600 rpm').waitFor();
    await row.getByText('requests 1,000 · tokens 64,500').waitFor();
    await page.getByLabel('Name').fill('new-key');
    await page.getByLabel('Requests / min').fill('60');
    await page.getByRole('button', { name: 'Create key' }).click();
    await page.getByTestId('created-key').getByText(CREATED_KEY_SECRET).waitFor();
    expect(keyRequests).toEqual([{ method: 'POST', body: { name: 'new-key', rpm: 60 } }]);
    await checkPage('24-keys-fixtures');
    await page.getByRole('button', { name: 'Done' }).click();
    expect(await page.content()).not.toContain(CREATED_KEY_SECRET);
  });

  it('replicas: heartbeat, stale and lagging replicas flagged', async () => {
    await page.goto(`${sb.adminUrl}/dashboard/#/replicas`);
    const lagging = page.getByRole('row').filter({ hasText: 'sb-2' });
    await lagging.getByText('stale').waitFor();
    await lagging.getByText('lags').waitFor();
    expect(await page.getByRole('row').filter({ hasText: 'sb-1' }).getByText('lags').count()).toBe(0);
    await checkPage('25-replicas-fixtures');
  });

  it('a write refused with 403 turns the session read-only and hides every write control', async () => {
    const readonly = await openBrowser();
    try {
      const roPage = readonly.page;
      await answerFromFixtures(roPage);
      await roPage.route(/\/admin\/routes\/[^/]+$/, (route) =>
        route.request().method() === 'GET'
          ? route.continue()
          : json(route, { error: { code: 'FORBIDDEN', message: 'Read-only token', details: [] } }, 403),
      );
      await signIn(roPage);
      await roPage.goto(`${sb.adminUrl}/dashboard/#/routes/${encodeURIComponent(routeId)}`);
      await roPage.getByLabel('Weight of openai-east').fill('9');
      await roPage.getByRole('button', { name: 'Save instances' }).click();
      await roPage.getByText('This token is read-only').waitFor();
      expect(await roPage.getByRole('button', { name: 'Save instances' }).count()).toBe(0);
      expect(await roPage.getByLabel('Weight of openai-east').count()).toBe(0);
      expect(await roPage.getByRole('link', { name: 'Edit JSON' }).count()).toBe(0);
      await roPage.goto(`${sb.adminUrl}/dashboard/#/keys`);
      await roPage.getByRole('row').filter({ hasText: 'team-search' }).waitFor();
      expect(await roPage.getByRole('button', { name: /Create key|Revoke|Disable/ }).count()).toBe(0);
    } finally {
      await readonly.close();
    }
  });
});
