import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import express from 'express';
import request from 'supertest';
import { DASHBOARD_HEADERS, dashboardMiddleware } from './dashboard-static';

describe('dashboardMiddleware', () => {
  let directory: string;

  const app = (dir: string) => {
    const server = express();
    server.use(dashboardMiddleware(dir));
    server.use((_request, response) => void response.status(401).json({ passed: true }));
    return server;
  };

  beforeEach(() => {
    directory = mkdtempSync(join(tmpdir(), 'dashboard-static-'));
    mkdirSync(join(directory, 'assets'));
    writeFileSync(
      join(directory, 'index.html'),
      '<!doctype html><script type="module" src="/dashboard/assets/a.js"></script>',
    );
    writeFileSync(join(directory, 'assets', 'a.js'), 'console.log(1)');
  });
  afterEach(() => rmSync(directory, { recursive: true, force: true }));

  it('serves index.html with the security headers and no caching', async () => {
    const response = await request(app(directory)).get('/dashboard/').expect(200);
    for (const [name, value] of Object.entries(DASHBOARD_HEADERS))
      expect(response.headers[name.toLowerCase()]).toBe(value);
    expect(response.headers['cache-control']).toBe('no-cache');
    expect(response.text).toContain('assets/a.js');
  });

  it('serves hashed assets as immutable', async () => {
    const response = await request(app(directory)).get('/dashboard/assets/a.js').expect(200);
    expect(response.headers['cache-control']).toContain('immutable');
    expect(response.headers['x-frame-options']).toBe('DENY');
  });

  it('redirects / and /dashboard to /dashboard/', async () => {
    await request(app(directory)).get('/').expect(302).expect('location', '/dashboard/');
    await request(app(directory)).get('/dashboard').expect(302).expect('location', '/dashboard/');
  });

  it('answers 404 for a missing file and never escapes the directory', async () => {
    await request(app(directory)).get('/dashboard/nope.js').expect(404);
    await request(app(directory)).get('/dashboard/..%2f..%2fetc%2fpasswd').expect(404);
  });

  it('leaves everything else (and non-GET) to the next middleware', async () => {
    await request(app(directory)).get('/admin/routes').expect(401, { passed: true });
    await request(app(directory)).post('/dashboard/').expect(401, { passed: true });
  });

  it('says how to build it when it is not built', async () => {
    const response = await request(app(join(directory, 'missing')))
      .get('/dashboard/')
      .expect(503);
    expect(response.text).toContain('npm run build:dashboard');
    expect(response.headers['content-security-policy']).toBe(DASHBOARD_HEADERS['Content-Security-Policy']);
  });
});
