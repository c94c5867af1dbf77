import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type BrowserContext, type Page } from 'playwright-core';

/** Debian's chromium driven by playwright-core: a fresh profile per context, no network beyond loopback. */

export const ARTIFACTS = join(__dirname, '../../../artifacts/dashboard');

const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

/**
 * `describe` for the suites that drive Chromium. Where none is installed (a machine with only Node.js, as the
 * README's quick start assumes) they are skipped, and said so; under CI (`CI=true`, and `.ci/run` installs Debian's
 * chromium) a missing browser fails them instead.
 */
export const describeInBrowser: jest.Describe =
  existsSync(CHROMIUM_PATH) || process.env.CI === 'true' ? describe : skippedWithoutBrowser();

function skippedWithoutBrowser(): jest.Describe {
  console.warn(
    `${CHROMIUM_PATH} is missing: the dashboard's browser tests are skipped (apt-get install chromium)`,
  );
  return describe.skip;
}

export interface Browser {
  page: Page;
  context: BrowserContext;
  /** Content-Security-Policy violations the page reported (must stay empty). */
  cspViolations: string[];
  close(): Promise<void>;
}

export async function openBrowser(width = 1280): Promise<Browser> {
  const profile = mkdtempSync(join(tmpdir(), 'switchboard-chromium-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM_PATH,
    headless: true,
    args: CHROMIUM_ARGS,
    viewport: { width, height: 900 },
  });
  const page = context.pages()[0] ?? (await context.newPage());
  const cspViolations: string[] = [];
  page.on('console', (message) => {
    if (/Content Security Policy/i.test(message.text())) cspViolations.push(message.text());
  });
  return {
    page,
    context,
    cspViolations,
    close: async () => {
      await context.close();
      rmSync(profile, { recursive: true, force: true });
    },
  };
}

const AXE_SOURCE = readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');

interface AxeViolation {
  id: string;
  impact: string | null;
  help: string;
  nodes: Array<{ target: unknown[] }>;
}

/** axe-core on the current page; returns the serious and critical violations (evaluate is not subject to CSP). */
export async function seriousA11yViolations(page: Page): Promise<string[]> {
  await page.evaluate(AXE_SOURCE);
  const violations = await page.evaluate(async () => {
    const axe = (globalThis as unknown as { axe: { run(): Promise<{ violations: AxeViolation[] }> } }).axe;
    return (await axe.run()).violations;
  });
  return violations
    .filter((violation) => violation.impact === 'serious' || violation.impact === 'critical')
    .map(
      (violation) =>
        `${violation.id}: ${violation.help} (${JSON.stringify(violation.nodes.map((n) => n.target))})`,
    );
}

export async function screenshot(page: Page, name: string): Promise<void> {
  mkdirSync(ARTIFACTS, { recursive: true });
  await page.screenshot({ path: join(ARTIFACTS, `${name}.png`), fullPage: true });
}
