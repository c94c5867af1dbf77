import { execFileSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';

const ROOT = join(__dirname, '../../../..');
export const DASHBOARD_DIST = join(ROOT, 'dist/dashboard');

/** Builds the dashboard the way `npm run build:dashboard` does, so the admin app serves this source. */
export function buildDashboard(): void {
  execFileSync(
    process.execPath,
    [
      join(ROOT, 'node_modules/vite/bin/vite.js'),
      'build',
      '--config',
      'apps/dashboard/vite.config.mts',
      '--logLevel',
      'warn',
    ],
    {
      cwd: ROOT,
      stdio: 'inherit',
      env: { ...process.env, VITE_CONFIG_NATIVE_IGNORE_WARNING: 'true' },
    },
  );
}

/** Bytes of every built asset, raw and gzipped (level 9, as a server would send it). */
export function bundleSize(): { raw: number; gzip: number } {
  const assets = join(DASHBOARD_DIST, 'assets');
  const files = [
    join(DASHBOARD_DIST, 'index.html'),
    ...readdirSync(assets).map((name) => join(assets, name)),
  ];
  let raw = 0;
  let gzip = 0;
  for (const file of files) {
    const bytes = readFileSync(file);
    raw += bytes.length;
    gzip += gzipSync(bytes, { level: 9 }).length;
  }
  return { raw, gzip };
}
