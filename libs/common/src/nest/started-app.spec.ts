import { type INestApplication } from '@nestjs/common';
import { createServer } from 'node:http';
import { listen } from './started-app';

/** Just enough of a Nest app for listen(): a real http.Server. */
function fakeApp(): INestApplication {
  const server = createServer((_request, response) => response.end('ok'));
  return {
    listen: (port: number, host: string) =>
      new Promise((resolve) => server.listen(port, host, () => resolve(server))),
    getHttpServer: () => server,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  } as unknown as INestApplication;
}

describe('listen', () => {
  it('reports the address it binds (every interface) apart from the one to dial', async () => {
    const started = await listen(fakeApp(), '0.0.0.0', 0, 100);
    try {
      const port = new URL(started.url).port;
      expect(started.boundUrl).toBe(`http://0.0.0.0:${port}`);
      expect(started.url).toBe(`http://127.0.0.1:${port}`);
      expect(await (await fetch(started.url)).text()).toBe('ok');
    } finally {
      await started.close();
    }
  });

  it('reports a loopback bind as is', async () => {
    const started = await listen(fakeApp(), '127.0.0.1', 0, 100);
    try {
      expect(started.boundUrl).toBe(started.url);
    } finally {
      await started.close();
    }
  });
});
