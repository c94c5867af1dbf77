import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import express, { type NextFunction, type Request, type Response } from 'express';

/**
 * The ops dashboard (apps/dashboard, built to dist/dashboard) at /dashboard/ on the admin port, and `/` redirects
 * there. Registered before the admin token middleware: the page holds no data, every API call it makes carries
 * the token. Strict headers: no inline script, no framing, no referrer, nothing loaded from elsewhere.
 */
export const DASHBOARD_HEADERS: Readonly<Record<string, string>> = {
  'Content-Security-Policy': [
    "default-src 'none'",
    "script-src 'self'",
    "style-src 'self'",
    "img-src 'self' data:",
    "font-src 'self'",
    "connect-src 'self'",
    "base-uri 'none'",
    "form-action 'self'",
    "frame-ancestors 'none'",
  ].join('; '),
  'X-Frame-Options': 'DENY',
  'Referrer-Policy': 'no-referrer',
  'X-Content-Type-Options': 'nosniff',
  'Cross-Origin-Opener-Policy': 'same-origin',
};

export function dashboardMiddleware(directory = findDashboardDirectory()) {
  const files = express.static(directory, {
    index: 'index.html',
    redirect: false,
    fallthrough: true,
    setHeaders: (response, path) =>
      response.setHeader(
        'Cache-Control',
        path.startsWith(join(directory, 'assets')) ? 'public, max-age=31536000, immutable' : 'no-cache',
      ),
  });
  return (request: Request, response: Response, next: NextFunction): void => {
    if (request.method !== 'GET' && request.method !== 'HEAD') return next();
    if (request.path === '/' || request.path === '/dashboard') return response.redirect(302, '/dashboard/');
    if (!request.path.startsWith('/dashboard/')) return next();
    for (const [name, value] of Object.entries(DASHBOARD_HEADERS)) response.setHeader(name, value);
    if (!existsSync(join(directory, 'index.html'))) {
      response
        .status(503)
        .type('text/plain')
        .send('The dashboard is not built: run `npm run build:dashboard` (npm start does it for you).\n');
      return;
    }
    request.url = request.url.slice('/dashboard'.length);
    files(request, response, () => {
      response.status(404).type('text/plain').send('Not found\n');
    });
  };
}

/** dist/dashboard next to the package.json above this file (src via ts-node/jest, or dist/apps/... compiled). */
export function findDashboardDirectory(start = __dirname): string {
  let directory = start;
  while (!existsSync(join(directory, 'package.json'))) {
    const parent = dirname(directory);
    if (parent === directory) return join(process.cwd(), 'dist', 'dashboard');
    directory = parent;
  }
  return join(directory, 'dist', 'dashboard');
}
