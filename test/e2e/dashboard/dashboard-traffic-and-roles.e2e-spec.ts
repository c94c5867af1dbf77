import { describeInBrowser, openBrowser } from './support/browser';
import { dashboardSuite, READONLY_TOKEN, FALLBACK_MODEL } from './support/dashboard-suite';

/**
 * The ops dashboard in Debian's chromium with OpenAI and Anthropic SDK traffic: the overview, the request log and
 * timeline, consumer keys, the read-only role, signing out.
 */
describeInBrowser('ops dashboard (chromium): traffic, keys, roles', () => {
  const suite = dashboardSuite();
  const { url, admin, openSignedIn, sendFallbackTraffic, checkPage } = suite;

  it('shows the traffic in the overview, the request log and the timeline', async () => {
    const routeName = `route-${FALLBACK_MODEL}`;
    await sendFallbackTraffic();
    // Rollups are flushed every 500 ms and the overview refreshes every 5 s.
    await openSignedIn('#/overview');
    const tile = (label: string) =>
      suite.page.locator('.tile').filter({ hasText: label }).locator('.tile-value');
    await tile('Fallbacks').getByText('3', { exact: true }).waitFor({ timeout: 15_000 });
    expect(Number(await tile('Requests').innerText())).toBeGreaterThanOrEqual(3);
    expect(await tile('Tokens in / out').innerText()).toMatch(/^[1-9]/);
    expect(await suite.page.locator('.chart canvas').count()).toBe(4);
    const topRoute = suite.page
      .getByRole('table', { name: 'Top routes' })
      .getByRole('row', { name: routeName });
    await topRoute.waitFor();
    await suite.page
      .getByRole('table', { name: 'Top instances' })
      .getByText(`${routeName} / gpt-west`)
      .waitFor();
    // No consumer keys (GATEWAY_AUTH=none): no key names. gpt-4o is priced by the catalogue: a cost above $0.
    await suite.page.getByRole('table', { name: 'Top keys' }).getByText('(no key)').waitFor();
    expect(await tile('Cost').innerText()).toMatch(/^\$0\.0*[1-9]/);
    await checkPage('11-overview-traffic');

    await openSignedIn(`#/routes/${encodeURIComponent(suite.fallbackRouteId)}`);
    const traffic = suite.page.getByRole('table', { name: `Traffic per instance of ${routeName}` });
    // Stats count each request on the instance that answered it, with its fallback.
    const answered = traffic.getByRole('row').filter({ hasText: 'gpt-west' });
    await answered.getByRole('cell', { name: '3', exact: true }).first().waitFor({ timeout: 10_000 });
    const recent = suite.page.getByRole('table', { name: `Recent requests of ${routeName}` });
    await recent.getByText('(2 attempts)').first().waitFor();

    await openSignedIn('#/requests');
    await suite.page.getByLabel('Route').fill(routeName);
    await suite.page.getByRole('button', { name: 'Apply filters' }).click();
    const rows = suite.page.getByRole('table').getByRole('row').filter({ hasText: '(2 attempts)' });
    await rows.nth(2).waitFor();
    expect(await rows.count()).toBe(3);
    await checkPage('12-requests-traffic');
    await rows.first().getByRole('link').click();
    const timeline = suite.page.locator('.timeline');
    await timeline.locator('.attempt-bad').getByText('claude-east').waitFor();
    await timeline.locator('.attempt-bad').getByText('fell back to the next instance').waitFor();
    await timeline.locator('.attempt-ok').getByText('gpt-west').waitFor();
    await suite.page.locator('dl.facts').getByText(`${routeName} / gpt-west`).waitFor();
    await checkPage('13-request-timeline');
  });

  it('creates a key shown once with a copy button, then revokes it', async () => {
    await openSignedIn('#/keys');
    await suite.page.getByLabel('Name').fill('dashboard-e2e');
    await suite.page.getByRole('button', { name: 'Create key' }).click();
    const key = await suite.page.getByTestId('created-key').innerText();
    expect(key).toMatch(/^sk-sb-[A-Za-z0-9]{32,}$/);
    await suite.page.getByRole('button', { name: 'Copy key' }).waitFor();
    await checkPage('14-keys-created');
    await suite.page.getByRole('button', { name: 'Done' }).click();
    expect(await suite.page.content()).not.toContain(key);
    suite.page.once('dialog', (dialog) => void dialog.accept());
    await suite.page.getByRole('button', { name: 'Revoke dashboard-e2e' }).click();
    // Revoked keys either leave the list or show as revoked; either way the row no longer says enabled.
    await suite.page
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
      await roPage.goto(url(`#/routes/${encodeURIComponent(suite.weightedRouteId)}`));
      await roPage.getByRole('row').filter({ hasText: 'gpt-a' }).first().waitFor();
      expect(await roPage.getByRole('button', { name: 'Save instances' }).count()).toBe(0);
      expect(await roPage.getByLabel('Weight of gpt-a').count()).toBe(0);
      // And the API refuses a write with that token anyway: nothing changes.
      const before = (await admin('GET', `/admin/routes/${suite.weightedRouteId}`)).body;
      const refused = await fetch(`${suite.sb.adminUrl}/admin/routes/${suite.weightedRouteId}`, {
        method: 'PATCH',
        headers: { authorization: `Bearer ${READONLY_TOKEN}`, 'content-type': 'application/json' },
        body: JSON.stringify({ enabled: false }),
      });
      expect(refused.status).toBe(403);
      expect((await admin('GET', `/admin/routes/${suite.weightedRouteId}`)).body).toEqual(before);
    } finally {
      await readonly.close();
    }
  });

  it('signs out and forgets the token', async () => {
    await openSignedIn('#/routes');
    await suite.page.getByRole('button', { name: 'Sign out' }).click();
    await suite.page.getByLabel('Admin token').waitFor();
    expect(await suite.page.evaluate('sessionStorage.length')).toBe(0);
  });
});
