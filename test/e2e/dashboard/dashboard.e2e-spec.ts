import { describeInBrowser, screenshot } from './support/browser';
import { bundleSize } from './support/dashboard-build';
import { dashboardSuite, FALLBACK_MODEL, WEIGHTED_MODEL } from './support/dashboard-suite';

/**
 * The ops dashboard in Debian's chromium against the real app: serving, signing in, the route pages, editing a
 * route (a weight the next requests follow, field errors), every other page, a narrow window.
 */
describeInBrowser('ops dashboard (chromium): sign-in, routes, editing', () => {
  const suite = dashboardSuite();
  const { url, admin, openai, openSignedIn, sendFallbackTraffic, checkPage } = suite;

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
    const root = await fetch(`${suite.sb.adminUrl}/`, { redirect: 'manual' });
    expect(root.status).toBe(302);
    expect(root.headers.get('location')).toBe('/dashboard/');
    expect((await fetch(`${suite.sb.adminUrl}/admin/routes`)).status).toBe(401);
  });

  it('keeps the gzipped bundle under 300 KB and paints quickly on loopback', async () => {
    const size = bundleSize();
    expect(size.gzip).toBeLessThan(300 * 1024);
    await suite.page.goto(url());
    await suite.page.getByLabel('Admin token').waitFor();
    const firstPaint = () =>
      suite.page.evaluate(() => performance.getEntriesByName('first-contentful-paint')[0]?.startTime ?? null);
    const cold = await firstPaint();
    await suite.page.reload();
    await suite.page.getByLabel('Admin token').waitFor();
    const warm = await firstPaint();
    expect(cold).not.toBeNull();
    expect(warm).not.toBeNull();
    console.log(
      `dashboard bundle: ${size.raw} B raw, ${size.gzip} B gzip; first contentful paint ${cold} ms (fresh profile), ${warm} ms (reload)`,
    );
    await checkPage('01-sign-in');
  });

  it('refuses a wrong token', async () => {
    await suite.page.goto('about:blank');
    await suite.page.goto(url());
    await suite.page.evaluate('sessionStorage.clear()');
    await suite.page.reload();
    await suite.page.getByLabel('Admin token').fill('not-the-admin-token-at-all');
    await suite.page.getByRole('button', { name: 'Sign in' }).click();
    await suite.page.getByRole('alert').getByText('This token was refused (401)').waitFor();
    expect(await suite.page.evaluate('sessionStorage.length')).toBe(0);
  });

  it('signs in with the admin token and lists the routes with their instances and breaker state', async () => {
    await suite.page.goto('about:blank');
    await suite.page.goto(url());
    await suite.page.evaluate('sessionStorage.clear()');
    await suite.page.reload();
    await suite.page.getByLabel('Admin token').fill(suite.sb.adminToken);
    await suite.page.getByRole('button', { name: 'Sign in' }).click();
    await suite.page.getByRole('link', { name: 'Routes' }).click();
    const row = suite.page.getByRole('row').filter({ hasText: `route-${FALLBACK_MODEL}` });
    await row.getByText('claude-east').waitFor();
    await row.getByText('closed').first().waitFor();
    await checkPage('02-routes');
  });

  it('shows SDK traffic that fell back as a tripped breaker on the route page', async () => {
    await sendFallbackTraffic();
    await openSignedIn(`#/routes/${encodeURIComponent(suite.fallbackRouteId)}`);
    const instance = suite.page.getByRole('row').filter({ hasText: 'claude-east' });
    await instance.getByText('open', { exact: true }).waitFor();
    await instance.getByText('3 failures').waitFor();
    await checkPage('03-route-detail');
  });

  it('changes a weight from the route page and the next requests follow it', async () => {
    await openSignedIn(`#/routes/${encodeURIComponent(suite.weightedRouteId)}`);
    await suite.page.getByLabel('Weight of gpt-b').fill('0');
    await suite.page.getByLabel('Weight of gpt-a').fill('3');
    await suite.page.getByRole('button', { name: 'Save instances' }).click();
    await suite.page.getByRole('status').getByText('Instances saved.').waitFor();
    const stored = await admin('GET', `/admin/routes/${suite.weightedRouteId}`);
    expect(stored.body.instances).toEqual([
      expect.objectContaining({
        name: 'gpt-a',
        weight: 3,
        auth: { header: { authorization: '******' }, query: {} },
      }),
      expect.objectContaining({ name: 'gpt-b', weight: 0 }),
    ]);
    suite.weightA.clear();
    suite.weightB.clear();
    for (let i = 0; i < 6; i++) {
      const { response } = await openai()
        .chat.completions.create({ model: WEIGHTED_MODEL, messages: [{ role: 'user', content: 'hi' }] })
        .withResponse();
      expect(response.headers.get('x-switchboard-instance')).toBe('gpt-a');
    }
    expect([suite.weightA.requests.length, suite.weightB.requests.length]).toEqual([6, 0]);
    // The upstream still got the stored secret: "******" from the page kept it.
    expect(suite.weightA.last?.headers.authorization).toBe('Bearer sk-upstream-gpt-a');
  });

  it("shows the admin API's field errors next to the fields in the JSON editor", async () => {
    await openSignedIn(`#/routes/${encodeURIComponent(suite.weightedRouteId)}/edit`);
    const editor = suite.page.getByLabel(/Route JSON/);
    // The editor appears once the route is loaded (page.waitForFunction would need 'unsafe-eval' under this CSP).
    await editor.waitFor();
    const text = await editor.inputValue();
    expect(text).toContain('"authorization": "******"');
    expect(text).not.toContain('sk-upstream');
    // gpt-a's weight, whatever the weight test before left it at.
    const weightLine = /"weight": \d+/.exec(text)![0];
    await editor.fill(text.replace(weightLine, '"weight": -5'));
    await suite.page.getByRole('button', { name: 'Save route' }).click();
    const error = suite.page.locator('.field-errors li').filter({ hasText: 'instances.0.weight' });
    await error.waitFor();
    const line = Number(/line (\d+)/.exec(await error.innerText())![1]);
    expect(text.split('\n')[line - 1]).toContain(weightLine);
    // The gutter beside the editor marks that line.
    expect(await suite.page.locator('.gutter-error').innerText()).toBe(`! ${line}`);
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
      await suite.page.locator('main h2').waitFor();
      await checkPage(name);
    }
  });

  it('works in a narrow window', async () => {
    await suite.page.setViewportSize({ width: 380, height: 800 });
    try {
      await openSignedIn(`#/routes/${encodeURIComponent(suite.fallbackRouteId)}`);
      await suite.page.getByRole('row').filter({ hasText: 'gpt-west' }).first().waitFor();
      const overflow = Number(
        await suite.page.evaluate('document.documentElement.scrollWidth - window.innerWidth'),
      );
      expect(overflow).toBeLessThanOrEqual(0);
      await screenshot(suite.page, '10-narrow-route-detail');
    } finally {
      await suite.page.setViewportSize({ width: 1280, height: 900 });
    }
  });
});
