import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseBenchOptions } from '../bench-options';
import { goalLines } from '../report/goal-lines';
import { gatewayBuild, type BuildAbPath } from './build-ab';

describe('the build A/B', () => {
  let dir: string;
  beforeEach(() => (dir = mkdtempSync(join(tmpdir(), 'build-ab-'))));
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  const entry = (root: string): string => {
    const folder = join(root, 'apps', 'switchboard', 'src');
    mkdirSync(folder, { recursive: true });
    writeFileSync(join(folder, 'main.js'), '');
    return join(folder, 'main.js');
  };

  it('finds the entry point of a checkout (its dist) or of a dist directory', () => {
    const inCheckout = entry(join(dir, 'checkout', 'dist'));
    expect(gatewayBuild(join(dir, 'checkout')).main).toBe(inCheckout);
    const inDist = entry(join(dir, 'bare-dist'));
    expect(gatewayBuild(join(dir, 'bare-dist')).main).toBe(inDist);
  });

  it('refuses a directory with no build', () => {
    expect(() => gatewayBuild(dir)).toThrow('no gateway build');
  });

  it('takes --baseline and --candidate', () => {
    const options = parseBenchOptions(['--baseline', '/a', '--candidate', '/b'], 'out.json');
    expect([options.baselineDir, options.candidateDir]).toEqual(['/a', '/b']);
    expect(() => parseBenchOptions(['--baseline'], 'out.json')).toThrow('needs a checkout');
  });

  it('judges each path against the 5 % of issue 10', () => {
    const path = (label: string, median: number): BuildAbPath => ({
      id: label,
      label,
      runs: [],
      ratio: { ratios: [median], median, min: median, max: median },
      baselineCpuUsMedian: 100,
      candidateCpuUsMedian: 100 * median,
      problems: [],
    });
    const build = { dir: '/x', main: '/x/main.js', commit: 'abc' };
    const lines = goalLines({
      builds: {
        loadGenerator: 'wrk -t1',
        baseline: build,
        candidate: { ...build, commit: 'def' },
        paths: [path('within', 1.04), path('over', 1.06)],
      },
    });
    expect(lines.map((line) => [line.goal, line.pass])).toEqual([
      ['≤ 1.05×', true],
      ['≤ 1.05×', false],
    ]);
    expect(lines[0].figure).toContain('build def ÷ abc');
  });
});
